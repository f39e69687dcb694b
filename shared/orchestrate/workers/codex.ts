import { brief, jsonLinesParser, num, str, type Worker, type WorkerSummary } from './types';

// `codex exec` never waits for a person: its approval policy is "never", so it refuses the
// model's questions to the user and its requests to run a command outside the sandbox, says
// so only in its log on standard error, and goes on with the turn. Those refusals are what
// "needs input" means for Codex (checked against the real binary in codex-worker.test.ts).
const REFUSALS: readonly (readonly [RegExp, string])[] = [
  [/request_user_input is unavailable/, 'Codex wanted to ask the user a question, which codex exec cannot do'],
  [/cannot ask for escalated permissions/, 'Codex wanted to run a command outside its sandbox, which codex exec refuses'],
];

function readRefusal(text: string, summary: WorkerSummary): void {
  const refusal = REFUSALS.find(([pattern]) => pattern.test(text));
  if (!refusal) return;
  summary.needsInput = true;
  summary.inputRequest ??= refusal[1];
}

/**
 * Codex CLI: `codex exec --json <prompt>` with stdin closed (it reads stdin when open).
 * Events: thread.started, turn.started/completed/failed, item.* (agent messages, commands,
 * file changes) and error. Offline it keeps printing "Reconnecting..." errors and never ends:
 * the runner's no-progress watchdog ends it, since those errors are not progress. Its base URL,
 * provider and key come from its own configuration (CODEX_HOME/config.toml, OPENAI_API_KEY).
 */
export const codexWorker: Worker = {
  kind: 'codex',
  afterResultGraceMs: 3_000,
  launch({ prompt, options, env }) {
    const args = ['exec', '--json', '--sandbox', options.sandbox ?? 'workspace-write'];
    if (options.model) args.push('--model', options.model);
    args.push('--', prompt);
    return { file: options.binary ?? 'codex', args, env };
  },
  parser() {
    return jsonLinesParser((event, summary) => {
      const type = str(event.type) ?? '';
      if (type === 'thread.started') {
        summary.sessionId = str(event.thread_id);
        return { events: [{ kind: 'init', text: `thread ${summary.sessionId ?? '?'}` }] };
      }
      if (type === 'turn.completed' || type === 'turn.failed') {
        const usage = (event.usage ?? {}) as Record<string, unknown>;
        summary.turns = (summary.turns ?? 0) + 1;
        summary.inputTokens = (summary.inputTokens ?? 0) + (num(usage.input_tokens) ?? 0);
        summary.outputTokens = (summary.outputTokens ?? 0) + (num(usage.output_tokens) ?? 0);
        summary.resultSeen = true;
        if (type === 'turn.failed') summary.errorMessage = `Codex turn failed: ${brief((event.error as { message?: unknown } | undefined)?.message ?? event.error, 200)}`;
        return { events: [{ kind: 'result', text: type }], finished: true };
      }
      if (type === 'error') {
        summary.errorMessage = `Codex reported: ${brief(event.message, 200)}`;
        // Not progress: a reconnect loop must still trip the watchdog (see the runner).
        return { events: [{ kind: 'error', text: brief(event.message) }] };
      }
      if (type.startsWith('item.')) {
        const item = (event.item ?? {}) as Record<string, unknown>;
        if (type === 'item.completed' && item.type === 'agent_message') summary.finalMessage = str(item.text) ?? summary.finalMessage;
        // An error item (e.g. "falling back from WebSockets") is not progress either.
        if (item.type === 'error') return { events: [{ kind: 'error', text: `${type} ${brief(item.message ?? item, 200)}` }] };
        const kind = item.type === 'command_execution' || item.type === 'file_change' ? 'tool' : item.type === 'agent_message' ? 'text' : 'progress';
        return { events: [{ kind, text: `${type} ${str(item.type) ?? ''} ${brief(item.text ?? item.command ?? item.changes ?? '', 200)}`.trim() }] };
      }
      return { events: [{ kind: 'progress', text: type || brief(event) }] };
    }, undefined, readRefusal);
  },
};
