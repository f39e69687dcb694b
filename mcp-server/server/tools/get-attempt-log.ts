import { getAttemptLogContract } from '../../../shared/protocol/orchestrate';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';

export const getAttemptLogTool = defineTool({
  ...getAttemptLogContract,
  async run(args, { orchestration }) {
    const log = (await orchestration.get()).log(args.jobId, args.subtask, args.attempt, args.tail);
    const rows = log.events.map((e) => `${e.seq} ${e.kind} ${quote(e.text, 300)}`);
    const head = `Attempt ${log.attempt.number} of ${args.subtask}: ${log.attempt.state}${log.truncated ? `; showing the newest ${log.events.length} of ${log.attempt.events} events` : ''}.`;
    return { structured: log, text: textAnswer(head, rows) };
  },
});
