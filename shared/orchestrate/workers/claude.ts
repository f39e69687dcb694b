import { brief, jsonLinesParser, num, str, type Worker, type WorkerEvent } from './types';

/**
 * Claude Code in print mode: `claude -p <prompt> --output-format stream-json --verbose`.
 * Its stream is one JSON object per line: system/init, assistant and user messages, and a
 * final `result` with the text, turns, cost and usage. It can stay alive after `result`
 * (processes it started keep it running), so the runner ends it after a short grace.
 */
export const claudeWorker: Worker = {
  kind: 'claude',
  afterResultGraceMs: 3_000,
  launch({ prompt, options, env }) {
    const args = ['-p', prompt, '--output-format', 'stream-json', '--verbose'];
    if (options.allowedTools?.length) args.push('--allowedTools', options.allowedTools.join(','));
    if (options.permissionMode) args.push('--permission-mode', options.permissionMode);
    if (options.maxTurns !== undefined) args.push('--max-turns', String(options.maxTurns));
    if (options.model) args.push('--model', options.model);
    return { file: options.binary ?? 'claude', args, env };
  },
  parser() {
    return jsonLinesParser((event, summary) => {
      const sessionId = str(event.session_id);
      if (sessionId) summary.sessionId = sessionId;
      switch (event.type) {
        case 'system':
          return { events: [{ kind: event.subtype === 'init' ? 'init' : 'progress', text: event.subtype === 'init' ? `session ${sessionId ?? '?'} model ${str(event.model) ?? '?'}` : brief(event.subtype) }] };
        case 'assistant':
          return { events: contentEvents(event.message, 'assistant') };
        case 'user':
          return { events: contentEvents(event.message, 'user') };
        case 'result': {
          summary.resultSeen = true;
          summary.finalMessage = str(event.result) ?? summary.finalMessage;
          summary.turns = num(event.num_turns);
          summary.costUsd = num(event.total_cost_usd);
          const usage = (event.usage ?? {}) as Record<string, unknown>;
          const input = [usage.input_tokens, usage.cache_creation_input_tokens, usage.cache_read_input_tokens].map(num).filter((n): n is number => n !== null);
          summary.inputTokens = input.length ? input.reduce((a, b) => a + b, 0) : null;
          summary.outputTokens = num(usage.output_tokens);
          if (event.is_error === true || (typeof event.subtype === 'string' && event.subtype !== 'success')) {
            summary.errorMessage = `Claude Code ended with ${str(event.subtype) ?? 'an error'}: ${brief(event.result ?? '', 200)}`;
          }
          const denials = Array.isArray(event.permission_denials) ? event.permission_denials : [];
          if (denials.length > 0) {
            summary.needsInput = true;
            const tools = [...new Set(denials.map((d: { tool_name?: unknown }) => str(d.tool_name) ?? 'a tool'))];
            summary.inputRequest = `Claude Code was not allowed to use ${tools.join(', ')}`;
          }
          return { events: [{ kind: 'result', text: `${str(event.subtype) ?? 'result'}: ${brief(event.result ?? '')}` }], finished: true };
        }
        default:
          return { events: [{ kind: 'progress', text: brief(event) }] };
      }
    });
  },
};

function contentEvents(message: unknown, role: 'assistant' | 'user'): WorkerEvent[] {
  const content = (message as { content?: unknown } | undefined)?.content;
  if (typeof content === 'string') return [{ kind: 'text', text: brief(content) }];
  if (!Array.isArray(content)) return [];
  return content.flatMap((block: Record<string, unknown>): WorkerEvent[] => {
    if (block.type === 'text') return [{ kind: 'text', text: brief(block.text) }];
    if (block.type === 'tool_use') return [{ kind: 'tool', text: `${str(block.name) ?? 'tool'} ${brief(block.input, 200)}` }];
    if (block.type === 'tool_result') return [{ kind: 'tool_result', text: `${block.is_error ? 'error: ' : ''}${brief(block.content, 200)}` }];
    return role === 'assistant' && block.type === 'thinking' ? [{ kind: 'progress', text: 'thinking' }] : [];
  });
}
