import type http from 'node:http';
import { sseStream, startLoopbackServer } from '../helpers/loopback-server';

/** One scripted assistant turn: text, or a tool call the real CLI will execute. */
export type Step = { text: string } | { tool: string; input: Record<string, unknown> };

export interface MessagesRequest {
  model?: string;
  max_tokens?: number;
  system?: unknown;
  messages: { role: 'user' | 'assistant'; content: unknown }[];
  tools?: { name: string }[];
  stream?: boolean;
}

/**
 * How the fake answers a request without tools: a text turn (the default is "ok"), or a
 * fault as the real API sends it: an HTTP error with its JSON error body, a body that is
 * not a message, or no answer at all (the client's timeout has to end the wait).
 */
export type Reply =
  | { text: string }
  | { status: number; errorType: string; message: string; headers?: Record<string, string> }
  | { malformed: string }
  | { hang: true };

export interface FakeAnthropicOptions {
  /** the answer to a request without tools; `index` counts those requests from 0 */
  reply?: (request: MessagesRequest, index: number) => Reply;
}

export interface FakeAnthropic {
  url: string;
  /** Every request body, in arrival order. */
  requests: MessagesRequest[];
  /** The headers of every request, in the same order (to check how the key was sent). */
  headers: http.IncomingHttpHeaders[];
  close(): Promise<void>;
}

/**
 * A loopback fake of the Anthropic Messages API (POST /v1/messages, streaming server-sent
 * events or plain JSON). `script(request)` returns the steps of the conversation the request
 * belongs to; the step answered is the number of assistant turns already in it, so a tool call
 * is followed, on the turn carrying its tool_result, by the next step. Requests without tools
 * (Claude Code's side requests, RepoScout's prose requests) get `options.reply`, by default
 * a short text.
 */
export async function startFakeAnthropic(script: (request: MessagesRequest) => Step[], options: FakeAnthropicOptions = {}): Promise<FakeAnthropic> {
  const requests: MessagesRequest[] = [];
  const headers: http.IncomingHttpHeaders[] = [];
  let counter = 0;
  let plain = 0;
  const server = await startLoopbackServer((req, res) => {
    if (req.method !== 'POST' || !req.url.startsWith('/v1/messages')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: `no ${req.url}` } }));
      return;
    }
    if (req.url.startsWith('/v1/messages/count_tokens')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ input_tokens: 100 }));
      return;
    }
    const body = JSON.parse(req.body) as MessagesRequest;
    requests.push(body);
    headers.push(req.headers);
    let steps: Step[];
    if (body.tools?.length) steps = script(body);
    else {
      const reply = options.reply?.(body, plain++) ?? { text: 'ok' };
      if ('hang' in reply) return; // never answers; close() ends it
      if ('malformed' in reply) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(reply.malformed);
        return;
      }
      if ('status' in reply) {
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(JSON.stringify({ type: 'error', error: { type: reply.errorType, message: reply.message } }));
        return;
      }
      steps = [reply];
    }
    const turn = body.messages.filter((m) => m.role === 'assistant').length;
    const step = steps[Math.min(turn, steps.length - 1)] ?? { text: 'done' };
    counter += 1;
    const id = `msg_fake_${counter}`;
    const block = 'text' in step ? { type: 'text', text: step.text } : { type: 'tool_use', id: `toolu_fake_${counter}`, name: step.tool, input: step.input };
    const stopReason = 'text' in step ? 'end_turn' : 'tool_use';
    const usage = { input_tokens: 120, output_tokens: 30, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
    if (!body.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id, type: 'message', role: 'assistant', model: body.model ?? 'fake', content: [block], stop_reason: stopReason, stop_sequence: null, usage }));
      return;
    }
    const { send, end } = sseStream(res);
    send('message_start', { type: 'message_start', message: { id, type: 'message', role: 'assistant', model: body.model ?? 'fake', content: [], stop_reason: null, stop_sequence: null, usage: { ...usage, output_tokens: 1 } } });
    if ('text' in step) {
      send('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
      send('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: step.text } });
    } else {
      send('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: block.id, name: step.tool, input: {} } });
      send('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: JSON.stringify(step.input) } });
    }
    send('content_block_stop', { type: 'content_block_stop', index: 0 });
    send('message_delta', { type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: usage.output_tokens } });
    send('message_stop', { type: 'message_stop' });
    end();
  });
  return { url: server.url, requests, headers, close: server.close };
}

/** The text of a request's first user message (where Claude Code puts the prompt). */
export function firstUserText(request: MessagesRequest): string {
  const content = request.messages.find((m) => m.role === 'user')?.content;
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((b: { type?: string; text?: string }) => (b.type === 'text' ? (b.text ?? '') : '')).join('\n');
  return '';
}

/** The system prompt as text. */
export function systemText(request: MessagesRequest): string {
  const s = request.system;
  if (typeof s === 'string') return s;
  if (Array.isArray(s)) return s.map((b: { text?: string }) => b.text ?? '').join('\n');
  return '';
}
