import { z } from 'zod';
import { RepoScoutError } from '../../errors';

// The official SDK speaks the Messages API as Anthropic maintains it (headers, retries with
// the server's retry-after, error bodies); it is loaded only when --llm asks for it
// (./anthropic-sdk is a separate file in the bundle). Everything it could pick up from the environment
// on its own (ANTHROPIC_AUTH_TOKEN, profiles on disk, ANTHROPIC_LOG) is switched off: the
// caller hands it exactly one key and one base URL.

export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com';

export interface AnthropicSettings {
  apiKey: string;
  baseURL: string;
  model: string;
  /** per attempt */
  timeoutMs: number;
  /** retries after a 408/409/429/5xx or a connection failure, honouring retry-after */
  maxRetries: number;
}

export type MessageOutcome = { ok: true; text: string } | { ok: false; problem: string };

// Only what is read from the answer; anything else in it is ignored.
const messageSchema = z.object({
  content: z.array(z.object({ type: z.string(), text: z.string().optional() })),
  stop_reason: z.string().nullable().optional(),
});

/**
 * One non-streaming Messages API request. Returns the answer's text, or what went wrong as
 * one clause that names the server, the status and the fix, with the key cut out of
 * anything the server said. A cancelled run throws INTERRUPTED.
 */
export async function anthropicMessage(
  settings: AnthropicSettings,
  request: { system: string; user: string; maxTokens: number },
  signal?: AbortSignal,
): Promise<MessageOutcome> {
  const where = `the Anthropic API at ${originOf(settings.baseURL)}`;
  const sdk = await import('./anthropic-sdk');
  const client = new sdk.Anthropic({
    apiKey: settings.apiKey,
    authToken: null,
    baseURL: settings.baseURL,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    logLevel: 'off',
    openTelemetry: false,
  });
  let raw: unknown;
  try {
    raw = await client.messages.create(
      { model: settings.model, max_tokens: request.maxTokens, system: request.system, messages: [{ role: 'user', content: request.user }] },
      { signal },
    );
  } catch (error) {
    if (error instanceof sdk.APIUserAbortError || signal?.aborted) throw new RepoScoutError('INTERRUPTED', 'The run was cancelled while a language model was writing; nothing was cached.');
    return { ok: false, problem: redact(failure(sdk, error, where, settings), settings.apiKey) };
  }
  const parsed = messageSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: `${where} answered with something that is not a Messages API response` };
  const text = parsed.data.content.filter((b) => b.type === 'text').map((b) => b.text ?? '').join('');
  if (text.trim() === '') return { ok: false, problem: `${where} answered with no text (stop reason ${parsed.data.stop_reason ?? 'none'})` };
  return { ok: true, text };
}

function failure(sdk: typeof import('./anthropic-sdk'), error: unknown, where: string, settings: AnthropicSettings): string {
  const tries = settings.maxRetries > 0 ? ` after ${settings.maxRetries + 1} tries` : '';
  if (error instanceof sdk.APIConnectionTimeoutError) return `${where} did not answer within ${settings.timeoutMs / 1000} s${tries}; try again later or raise --llm-timeout`;
  if (error instanceof sdk.APIConnectionError) return `${where} could not be reached${tries} (${error.cause instanceof Error ? error.cause.message : error.message}); check ANTHROPIC_BASE_URL and the network`;
  if (error instanceof sdk.APIError && error.status !== undefined) {
    const said = error.apiMessage ? `: ${error.apiMessage.slice(0, 200)}` : '';
    const status = `HTTP ${error.status}${error.type ? ` ${error.type}` : ''}${said}`;
    if (error.status === 401) return `${where} rejected the API key (${status}); check ANTHROPIC_API_KEY`;
    if (error.status === 403) return `${where} refused this key the request (${status}); check the key's permissions`;
    if (error.status === 404) return `${where} does not know the model or path (${status}); check --llm-model and ANTHROPIC_BASE_URL`;
    if (error.status === 429) return `${where} is rate-limiting this key (${status})${tries}; try again later`;
    if (error.status >= 500) return `${where} failed (${status})${tries}; try again later`;
    return `${where} refused the request (${status})`;
  }
  // The SDK throws a plain error when a 2xx body is not JSON.
  return `${where} answered with something that is not a Messages API response (${error instanceof Error ? error.message.slice(0, 120) : String(error)})`;
}

/** scheme://host:port only: a base URL with user:password@ in it must not be quoted. */
export function originOf(baseURL: string): string {
  try {
    return new URL(baseURL).origin;
  } catch {
    return 'the configured base URL';
  }
}

/** Cuts the key out of text a server wrote (a server can echo what it was sent). */
export function redact(text: string, key: string): string {
  return key.length >= 4 ? text.split(key).join('[redacted]') : text;
}
