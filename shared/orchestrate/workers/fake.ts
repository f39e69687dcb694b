import { brief, jsonLinesParser, num, str, type Worker } from './types';

/**
 * The test and benchmark worker: `node <script> <prompt>`, where the script (REPOSCOUT_FAKE_WORKER
 * or options.binary; test/orchestrate/fake-worker.mjs) obeys directives in the prompt and
 * prints JSON lines `{"type":"progress"|"result", ...}`.
 */
export const fakeWorker: Worker = {
  kind: 'fake',
  afterResultGraceMs: 1_000,
  launch({ prompt, options, env }) {
    const script = options.binary ?? env.REPOSCOUT_FAKE_WORKER ?? '';
    return { file: process.execPath, args: [script, prompt], env };
  },
  parser() {
    return jsonLinesParser((event, summary) => {
      if (event.type === 'result') {
        summary.resultSeen = true;
        summary.finalMessage = str(event.text);
        summary.costUsd = num(event.cost_usd);
        summary.inputTokens = num(event.input_tokens);
        summary.outputTokens = num(event.output_tokens);
        summary.turns = num(event.turns);
        if (event.is_error === true) summary.errorMessage = `The worker reported an error: ${brief(event.text, 200)}`;
        if (typeof event.needs_input === 'string') {
          summary.needsInput = true;
          summary.inputRequest = brief(event.needs_input, 300);
        }
        return { events: [{ kind: 'result', text: brief(event.text) }], finished: true };
      }
      return { events: [{ kind: 'progress', text: brief(event.text ?? event) }] };
    }, brief);
  },
};
