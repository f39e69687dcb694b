import { describe, expect, it } from 'vitest';
import { workers } from './index';

const resultLines = {
  claude: JSON.stringify({ type: 'result', subtype: 'success', result: 'ok', num_turns: 2, total_cost_usd: 0.5, usage: { input_tokens: 3, output_tokens: 4 } }),
  codex: JSON.stringify({ type: 'turn.completed', usage: { input_tokens: 3, output_tokens: 4 } }),
  fake: JSON.stringify({ type: 'result', text: 'ok', turns: 2, input_tokens: 3, output_tokens: 4 }),
} as const;

describe.each(['claude', 'codex', 'fake'] as const)('the %s parser', (kind) => {
  it('reads standard error, blank lines, lines that are not JSON objects, and the final result', () => {
    const parser = workers[kind].parser();
    const long = `  warning:   ${'x'.repeat(400)}`;
    // Only the fake worker shortens its standard error lines.
    expect(parser.line('stderr', long)).toEqual({ events: [{ kind: 'stderr', text: kind === 'fake' ? `warning: ${'x'.repeat(291)}…` : long }] });
    expect(parser.line('stdout', '   ')).toEqual({ events: [] });
    expect(parser.line('stdout', 'Reconnecting… {oops')).toEqual({ events: [{ kind: 'invalid', text: 'Reconnecting… {oops' }] });
    expect(parser.line('stdout', '[1, 2]')).toEqual({ events: [{ kind: 'invalid', text: '[1, 2]' }] });
    expect(parser.summary()).toMatchObject({ invalidLines: 2, resultSeen: false });
    expect(parser.line('stdout', resultLines[kind])).toMatchObject({ finished: true, events: [{ kind: 'result' }] });
    expect(parser.summary()).toMatchObject({ invalidLines: 2, resultSeen: true, errorMessage: null, outputTokens: 4 });
  });
});

it('the command worker takes every non-blank line as progress and keeps the last ones as its final message', () => {
  const parser = workers.command.parser();
  expect(parser.line('stderr', 'compiling')).toEqual({ events: [{ kind: 'text', text: 'stderr: compiling' }] });
  expect(parser.line('stdout', 'not json, fine')).toEqual({ events: [{ kind: 'text', text: 'not json, fine' }] });
  expect(parser.summary()).toMatchObject({ finalMessage: 'not json, fine', invalidLines: 0 });
});

describe('what a worker wanted and could not get (needs input)', () => {
  it('Claude Code: the tools named in its permission denials', () => {
    const parser = workers.claude.parser();
    parser.line('stdout', JSON.stringify({ type: 'result', subtype: 'success', result: 'May I?', permission_denials: [{ tool_name: 'Bash', tool_input: {} }, { tool_name: 'Bash' }, { tool_name: 'WebFetch' }] }));
    expect(parser.summary()).toMatchObject({ needsInput: true, inputRequest: 'Claude Code was not allowed to use Bash, WebFetch' });
  });

  it("Codex: codex exec's refusals in its log on standard error, the first one kept", () => {
    const parser = workers.codex.parser();
    parser.line('stderr', '2026-11-30T08:59:28Z ERROR codex_core::tools::router: error=unrelated');
    expect(parser.summary()).toMatchObject({ needsInput: false, inputRequest: null });
    parser.line('stderr', '2026-11-30T08:59:28Z ERROR codex_core::tools::router: error=request_user_input is unavailable in Default mode');
    parser.line('stderr', 'ERROR codex_core::tools::router: error=approval policy is Never; reject command — you cannot ask for escalated permissions if the approval policy is Never');
    expect(parser.summary()).toMatchObject({ needsInput: true, inputRequest: 'Codex wanted to ask the user a question, which codex exec cannot do' });
  });

  it('the fake worker: needs_input in its result', () => {
    const parser = workers.fake.parser();
    parser.line('stdout', JSON.stringify({ type: 'result', text: 'Which one?', needs_input: 'It asked which database to migrate' }));
    expect(parser.summary()).toMatchObject({ needsInput: true, inputRequest: 'It asked which database to migrate', finalMessage: 'Which one?' });
  });
});
