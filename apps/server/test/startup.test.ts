import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openTestConnection } from '@estate/db/testing';
import { describe, expect, it } from 'vitest';
import { kill, startProcess } from './server-process.js';

// Start-up failures as someone starting the server meets them: one line that says what to do,
// and a non-zero exit; a database that comes up a little after the server is waited for.

const listen = (server: Server) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

/** The process's last line, which must be the one that explains the failure. */
function lastLine(output: string): { level: string; msg: string } {
  const lines = output.trim().split('\n');
  return JSON.parse(lines.at(-1) ?? '{}');
}

describe('starting the server', () => {
  it('on a port already taken says so in one line, naming the port and PORT', async () => {
    const taken = createServer();
    const port = await listen(taken);
    try {
      const server = startProcess({
        PORT: String(port),
        ESTATE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'estate-port-')),
        LOG_REQUESTS: '0',
      });
      expect(await server.exited).toBe(1);
      const line = lastLine(server.output());
      expect(line.level).toBe('fatal');
      expect(line.msg).toBe(
        `Estate could not start: port ${port} on 127.0.0.1 is already in use (another Estate, or another program): stop that, or set PORT to a free port (PORT=0 picks one).`,
      );
      expect(server.output()).not.toMatch(/EADDRINUSE|setupListenHandle/);
    } finally {
      taken.close();
    }
  });

  it('on a database it cannot reach retries for DATABASE_WAIT_MS, then names the host and DATABASE_URL, never the password', async () => {
    const server = startProcess({ DATABASE_URL: 'postgresql://u:secret@127.0.0.1:5999/x', DATABASE_WAIT_MS: '1000' });
    expect(await server.exited).toBe(1);
    const output = server.output();
    const line = lastLine(output);
    expect(line.level).toBe('fatal');
    expect(line.msg).toMatch(
      /^Estate could not start: PostgreSQL at 127\.0\.0\.1:5999 \(DATABASE_URL\) could not be reached within 1 s \(DATABASE_WAIT_MS\): .*ECONNREFUSED/,
    );
    expect(line.msg).toMatch(/point DATABASE_URL at a running one\.$/);
    // It tried more than once before giving up.
    expect(output).toMatch(/PostgreSQL at 127\.0\.0\.1:5999 \(DATABASE_URL\) is not reachable yet/);
    expect(output).not.toMatch(/secret/);
    expect(output).not.toMatch(/\n\s+at /);
  });

  it.runIf(process.env.TEST_DATABASE_URL)('waits for a database that becomes reachable, then starts', async () => {
    const connection = await openTestConnection('postgres', 'empty');
    const target = new URL(connection.config?.databaseUrl ?? '');
    // Stands for a database still starting: it hangs up on the first connections, then forwards.
    let refusals = 2;
    const sockets = new Set<Socket>();
    const proxy = createServer((client) => {
      sockets.add(client);
      if (refusals-- > 0) return void client.destroy();
      const upstream = connect(Number(target.port || 5432), target.hostname);
      sockets.add(upstream);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    const port = await listen(proxy);
    const viaProxy = new URL(target);
    viaProxy.host = `127.0.0.1:${port}`;
    const server = startProcess({
      DATABASE_URL: viaProxy.toString(),
      DATABASE_WAIT_MS: '60000',
      UPLOADS_DIR: mkdtempSync(path.join(tmpdir(), 'estate-uploads-')),
      LOG_REQUESTS: '0',
    });
    try {
      const url = await server.listening;
      expect(server.output()).toMatch(/is not reachable yet/);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      kill(server.child);
      await server.exited;
      for (const socket of sockets) socket.destroy();
      proxy.close();
      await connection.close();
    }
  });
});
