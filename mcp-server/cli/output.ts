import type { Progress } from '../../shared/research/ingest-local';

/** Writes to stdout: the CLI's answer (human text or JSON). Never used by the MCP server. */
export function printOut(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function printJson(value: unknown): void {
  printOut(JSON.stringify(value, null, 2));
}

/**
 * A one-line progress indicator on stderr, drawn only when stderr is a terminal
 * (so logs, pipes and CI stay clean). Returns the callback and a function to clear it.
 */
export function terminalProgress(enabled: boolean): { onProgress: (p: Progress) => void; clear: () => void } {
  const stream = process.stderr;
  if (!enabled || !stream.isTTY) return { onProgress: () => {}, clear: () => {} };
  let last = 0;
  let drawn = false;
  return {
    onProgress: ({ done, total, message }) => {
      const now = Date.now();
      if (now - last < 100 && done !== total) return;
      last = now;
      const percent = total > 0 ? ` ${Math.floor((100 * done) / total)}%` : '';
      const counts = total > 1 ? ` ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}` : '';
      stream.write(`\r\x1b[2K${message}${counts}${percent}`);
      drawn = true;
    },
    clear: () => {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
