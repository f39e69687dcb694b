import { RepoScoutError } from '../../errors';
import { brief, emptySummary, type Worker } from './types';

const FINAL_LINES = 20;

/**
 * Any program, as an argument array. The prompt goes in as the last argument, in
 * REPOSCOUT_INSTRUCTION, or in a file named by REPOSCOUT_INSTRUCTION_FILE. Its output is
 * plain text: the last lines become the final message, exit 0 is success.
 */
export const commandWorker: Worker = {
  kind: 'command',
  afterResultGraceMs: 0,
  launch({ prompt, options, env, promptFile }) {
    const [file, ...rest] = options.command ?? [];
    if (!file) throw new RepoScoutError('INVALID_INPUT', 'The command worker needs a command; give the program and its arguments, for example ["node","fix.mjs"].');
    if (options.instructionVia === 'argument') return { file, args: [...rest, prompt], env };
    if (options.instructionVia === 'env') return { file, args: rest, env: { ...env, REPOSCOUT_INSTRUCTION: prompt } };
    return { file, args: rest, env: { ...env, REPOSCOUT_INSTRUCTION_FILE: promptFile } };
  },
  parser() {
    const summary = emptySummary();
    const tail: string[] = [];
    return {
      line(stream, text) {
        if (stream === 'stdout' && text.trim() !== '') {
          tail.push(text);
          if (tail.length > FINAL_LINES) tail.shift();
          summary.finalMessage = tail.join('\n');
        }
        // Both streams are the program's progress (plain programs log to stderr).
        return { events: text.trim() === '' ? [] : [{ kind: 'text', text: brief(stream === 'stdout' ? text : `stderr: ${text}`, 1000) }] };
      },
      summary: () => summary,
    };
  },
};
