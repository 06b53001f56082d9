import { setMaxListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AppOptions, createApp } from './app.js';

export interface RunningServer {
  server: Server;
  /** http://host:port, with the port actually bound (PORT=0 picks a free one). */
  url: string;
  /**
   * Graceful stop: refuse new connections, end event streams at once (their clients
   * reconnect elsewhere and resume), let other in-flight requests finish (up to `timeoutMs`,
   * then cut them), and resolve once every connection is gone.
   */
  close(timeoutMs: number): Promise<void>;
}

export async function startServer(options: AppOptions & { port: number; host: string }): Promise<RunningServer> {
  const shutdown = new AbortController();
  // Every open event stream listens for it: thousands are expected, not a leak.
  setMaxListeners(0, shutdown.signal);
  const app = createApp(options, shutdown.signal);
  const server = createServer((req, res) => void app(req, res));
  // Bounds how long a client may take to send a request, so a stalled one cannot hold a slot forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 20_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address === '0.0.0.0' || address === '::' ? 'localhost' : address.includes(':') ? `[${address}]` : address;

  let closing: Promise<void> | undefined;
  return {
    server,
    url: `http://${host}:${port}`,
    close(timeoutMs) {
      closing ??= new Promise<void>((resolve) => {
        shutdown.abort();
        const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
        // Keep-alive connections that are idle now, or become idle after their last response, are closed.
        const closeIdle = setInterval(() => server.closeIdleConnections(), 100);
        server.close(() => {
          clearTimeout(force);
          clearInterval(closeIdle);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
