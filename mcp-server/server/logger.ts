/**
 * Where the MCP server writes its own diagnostics. Over stdio, stdout is the protocol
 * channel, so every line goes to stderr; tests pass a silent or recording logger.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function stderrLogger(prefix = 'reposcout mcp'): Logger {
  const write = (level: string, message: string) => process.stderr.write(`${prefix}: ${level}${message}\n`);
  return {
    info: (message) => write('', message),
    warn: (message) => write('warning: ', message),
    error: (message) => write('error: ', message),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
