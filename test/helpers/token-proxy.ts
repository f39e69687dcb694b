import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TokenProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * A loopback proxy that adds `Authorization: Bearer <token>` to every request, for clients
 * that cannot send a header of their own (the MCP conformance suite). Everything else passes
 * through untouched, responses stream (SSE) as they come, and the Host header keeps its name:
 * only the proxy's own port is swapped for the server's, so a foreign Host such as
 * "evil.example" still reaches the server's DNS-rebinding guard as sent.
 */
export async function startTokenProxy(targetPort: number, token: string): Promise<TokenProxy> {
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const ownPort = (server.address() as AddressInfo).port;
    const headers = { ...req.headers, authorization: `Bearer ${token}` };
    if (headers.host !== undefined) headers.host = headers.host.replace(new RegExp(`:${ownPort}$`), `:${targetPort}`);
    const upstream = http.request({ host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
