import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { Progress } from '../../shared/research/ingest-local';
import type { Logger } from './logger';

const MIN_INTERVAL_MS = 100;

/**
 * Turns the engine's progress stream into MCP progress notifications when the request
 * carries a progressToken. The engine restarts its counts per phase (reading history,
 * analysing), while MCP requires `progress` to increase with every notification, so each
 * new phase is stacked after the previous one and non-increasing updates are dropped.
 */
export function progressReporter(extra: RequestHandlerExtra<ServerRequest, ServerNotification>, log: Logger): (p: Progress) => void {
  const token = extra._meta?.progressToken;
  if (token === undefined) return () => {};
  let base = 0;
  let phaseTotal: number | null = null;
  let phaseDone = 0;
  let last = -1;
  let lastSentAt = 0;
  return ({ done, total, message }) => {
    if (phaseTotal !== null && (total !== phaseTotal || done < phaseDone)) base += phaseTotal;
    phaseTotal = total;
    phaseDone = done;
    const progress = base + done;
    const now = Date.now();
    const finished = done >= total;
    if (progress <= last || (!finished && now - lastSentAt < MIN_INTERVAL_MS && last >= 0)) return;
    last = progress;
    lastSentAt = now;
    extra
      .sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress, total: base + total, message } })
      .catch((error: unknown) => log.warn(`could not send a progress notification: ${error instanceof Error ? error.message : String(error)}`));
  };
}
