import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request with its whole body read, as the fake APIs see it. */
export interface LoopbackRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface LoopbackServer {
  url: string;
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 and a free port for the loopback fakes of remote APIs: each
 * request reaches `handle` with its body read. close() also ends connections left open on
 * purpose (a fake that never answers).
 */
export async function startLoopbackServer(handle: (request: LoopbackRequest, res: http.ServerResponse) => void): Promise<LoopbackServer> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Starts a server-sent-events answer; `send` writes one event named by its data's `type`. */
export function sseStream(res: http.ServerResponse): { send(event: string, data: unknown): void; end(): void } {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  return {
    send: (event, data) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    end: () => res.end(),
  };
}
