import { parseMessage, toHostSchema, toWebviewSchema, type ToHost, type ToWebview } from './protocol';

/** What a panel can be asked to do by its webview; each panel supplies the ones it supports. */
export type HostActions = { [K in ToHost['type']]?: (message: Extract<ToHost, { type: K }>) => void | Promise<void> };

/**
 * Validates one message from a webview and runs the matching action. A malformed message,
 * or one this panel does not handle, is reported through `warn` and otherwise ignored: a
 * compromised or buggy webview cannot make the host do anything outside `actions`.
 */
export async function dispatchToHost(raw: unknown, actions: HostActions, warn: (problem: string) => void): Promise<boolean> {
  const parsed = parseMessage(toHostSchema, raw);
  if (!parsed.ok) {
    warn(parsed.problem);
    return false;
  }
  const message = parsed.message;
  const action = actions[message.type] as ((m: ToHost) => void | Promise<void>) | undefined;
  if (!action) {
    warn(`ignored a "${message.type}" message this panel does not handle`);
    return false;
  }
  await action(message);
  return true;
}

/**
 * A message for a webview, checked against the protocol before it is posted: the webview checks
 * only its shape (zod stays out of browser bundles), so this is where a model the contract
 * refuses is stopped. One that fails is logged through `warn` and becomes an error message.
 */
export function checkedForWebview(message: ToWebview, warn: (problem: string) => void): ToWebview {
  const parsed = parseMessage(toWebviewSchema, message);
  if (parsed.ok) return parsed.message;
  warn(`did not post a ${parsed.what}`);
  return { type: 'error', message: `The ${message.type} data did not match what this view can show; the extension and its engine may be from different versions. The log has the details.`, retry: true };
}
