import { describe, expect, it } from 'vitest';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import { silentLogger } from './logger';
import { progressReporter } from './progress';

function fakeExtra(progressToken?: string) {
  const sent: { progress: number; total?: number; message?: string }[] = [];
  const extra = {
    _meta: progressToken === undefined ? undefined : { progressToken },
    sendNotification: async (n: ServerNotification) => {
      sent.push(n.params as { progress: number; total?: number; message?: string });
    },
  } as unknown as RequestHandlerExtra<ServerRequest, ServerNotification>;
  return { extra, sent };
}

describe('progressReporter', () => {
  it('sends nothing without a progress token', () => {
    const { extra, sent } = fakeExtra();
    progressReporter(extra, silentLogger)({ done: 1, total: 1, message: 'x' });
    expect(sent).toEqual([]);
  });

  it('stacks the engine phases into one increasing count and drops repeats', () => {
    const { extra, sent } = fakeExtra('t');
    const report = progressReporter(extra, silentLogger);
    report({ done: 0, total: 4000, message: 'reading history' });
    report({ done: 4000, total: 4000, message: 'history read' });
    report({ done: 4000, total: 4000, message: 'history read' });
    report({ done: 0, total: 1, message: 'analysing' });
    report({ done: 1, total: 1, message: 'analysed' });
    expect(sent).toEqual([
      { progressToken: 't', progress: 0, total: 4000, message: 'reading history' },
      { progressToken: 't', progress: 4000, total: 4000, message: 'history read' },
      { progressToken: 't', progress: 4001, total: 4001, message: 'analysed' },
    ]);
  });

  it('treats a phase with the same total as new when the count restarts', () => {
    const { extra, sent } = fakeExtra('t');
    const report = progressReporter(extra, silentLogger);
    report({ done: 1, total: 1, message: 'history read' });
    report({ done: 0, total: 1, message: 'analysing' });
    report({ done: 1, total: 1, message: 'analysed' });
    expect(sent.map((s) => s.progress)).toEqual([1, 2]);
  });
});
