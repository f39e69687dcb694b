/** What the entry point hands every command: the cancellation signal for Ctrl-C. */
export interface CommandContext {
  signal: AbortSignal;
}
