import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { sseStream, startLoopbackServer } from '../helpers/loopback-server';

/**
 * One scripted model turn for the Codex CLI: a final text, a shell command (Codex's
 * `exec_command` tool; `escalate` asks to run it outside the sandbox, with that
 * justification), a patch (its freeform `apply_patch` tool), or no answer at all.
 */
export type CodexStep = { text: string } | { shell: string; escalate?: string } | { patch: string } | { hang: true };

export interface ResponsesRequest {
  model?: string;
  stream?: boolean;
  input: { type: string; role?: string; content?: unknown; call_id?: string; output?: unknown }[];
  tools?: { type: string; name?: string }[];
}

export interface FakeOpenAI {
  /** The base URL a provider points at (ends in /v1). */
  url: string;
  /** Every /v1/responses request body, in arrival order. */
  requests: ResponsesRequest[];
  headers: http.IncomingHttpHeaders[];
  close(): Promise<void>;
}

/** Usage the fake reports for every response; Codex adds them up over a turn. */
export const FAKE_USAGE = { input_tokens: 200, output_tokens: 40 };

/**
 * A loopback fake of the OpenAI Responses API (POST /v1/responses, streaming server-sent
 * events) as the Codex CLI uses it. `script(request)` gives the steps of the conversation the
 * request belongs to; the step answered is the number of tool results already in it, so each
 * tool call is followed, once Codex sends its output, by the next step.
 */
export async function startFakeOpenAI(script: (request: ResponsesRequest) => CodexStep[]): Promise<FakeOpenAI> {
  const requests: ResponsesRequest[] = [];
  const headers: http.IncomingHttpHeaders[] = [];
  let counter = 0;
  const server = await startLoopbackServer((req, res) => {
    if (req.method !== 'POST' || !req.url.startsWith('/v1/responses')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { type: 'invalid_request_error', message: `no ${req.method} ${req.url} in this fake` } }));
      return;
    }
    const body = JSON.parse(req.body) as ResponsesRequest;
    requests.push(body);
    headers.push(req.headers);
    const steps = script(body);
    const step = steps[Math.min(toolResults(body).length, steps.length - 1)] ?? { text: 'done' };
    if ('hang' in step) return; // never answers; close() ends it
    counter += 1;
    const id = `resp_fake_${counter}`;
    const callId = `call_fake_${counter}`;
    const item =
      'text' in step
        ? { type: 'message', id: `msg_fake_${counter}`, role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: step.text, annotations: [] }] }
        : 'patch' in step
          ? { type: 'custom_tool_call', id: `ctc_fake_${counter}`, call_id: callId, name: 'apply_patch', input: step.patch, status: 'completed' }
          : {
              type: 'function_call',
              id: `fc_fake_${counter}`,
              call_id: callId,
              name: 'exec_command',
              arguments: JSON.stringify(step.escalate === undefined ? { cmd: step.shell } : { cmd: step.shell, sandbox_permissions: 'require_escalated', justification: step.escalate }),
              status: 'completed',
            };
    const { send, end } = sseStream(res);
    send('response.created', { type: 'response.created', response: { id, status: 'in_progress', output: [] } });
    send('response.output_item.added', { type: 'response.output_item.added', output_index: 0, item });
    if ('text' in step) send('response.output_text.delta', { type: 'response.output_text.delta', item_id: item.id, output_index: 0, content_index: 0, delta: step.text });
    send('response.output_item.done', { type: 'response.output_item.done', output_index: 0, item });
    send('response.completed', {
      type: 'response.completed',
      response: {
        id,
        status: 'completed',
        output: [item],
        usage: { ...FAKE_USAGE, total_tokens: FAKE_USAGE.input_tokens + FAKE_USAGE.output_tokens, input_tokens_details: { cached_tokens: 0 }, output_tokens_details: { reasoning_tokens: 0 } },
      },
    });
    end();
  });
  return { url: `${server.url}/v1`, requests, headers, close: server.close };
}

/** The tool results Codex sent back in a request (one per tool call answered so far). */
export function toolResults(request: ResponsesRequest): { call_id?: string; output?: unknown }[] {
  return request.input.filter((i) => i.type === 'function_call_output' || i.type === 'custom_tool_call_output');
}

/** The text of a request's user messages (the prompt is the last of them). */
export function userText(request: ResponsesRequest): string {
  return request.input
    .filter((i) => i.type === 'message' && i.role === 'user')
    .flatMap((i) => (Array.isArray(i.content) ? (i.content as { type?: string; text?: string }[]) : []))
    .map((c) => (c.type === 'input_text' ? (c.text ?? '') : ''))
    .join('\n');
}

/** The working directory Codex reports in its environment context. */
export function cwdOf(request: ResponsesRequest): string {
  const match = /<cwd>([^<]+)<\/cwd>/.exec(userText(request));
  if (!match) throw new Error('no working directory in the request');
  return match[1]!;
}

/**
 * A CODEX_HOME folder (made under `dir`) whose config.toml points Codex at the fake: a custom
 * provider on the Responses API whose key comes from OPENAI_API_KEY, a model Codex knows (so
 * it offers its apply_patch tool and warns about nothing), and no plugin sync or analytics:
 * those would reach github.com and chatgpt.com. The developer's own ~/.codex is never read.
 */
export function writeCodexHome(dir: string, fake: Pick<FakeOpenAI, 'url'>): string {
  const home = path.join(dir, 'codex-home');
  fs.mkdirSync(home, { recursive: true });
  fs.writeFileSync(
    path.join(home, 'config.toml'),
    [
      'model = "gpt-5.5"',
      'model_provider = "reposcout-fake"',
      '',
      '[model_providers.reposcout-fake]',
      'name = "RepoScout fake Responses API"',
      `base_url = "${fake.url}"`,
      'wire_api = "responses"',
      'env_key = "OPENAI_API_KEY"',
      '',
      '[features]',
      'plugins = false',
      '',
      '[analytics]',
      'enabled = false',
      '',
    ].join('\n'),
  );
  return home;
}
