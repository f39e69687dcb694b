import type { z } from 'zod';
import { ToolError } from './errors';
import type { EngineClient } from './client';

/**
 * A view model the engine serves whole as a JSON resource (a repository's or an
 * organization's report model, the same one its HTML report renders), checked against the
 * contract; `what` names it in the error.
 */
export async function readModel<S extends z.ZodType>(engine: EngineClient, uri: string, schema: S, what: string, signal?: AbortSignal): Promise<z.output<S>> {
  const text = await engine.readText(uri, signal);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ToolError(what.replaceAll(' ', '-'), 'UNEXPECTED_ANSWER', `The engine's ${what} came in a shape this extension does not understand; the extension and its engine may be from different versions.`, null);
  }
  return parsed.data;
}
