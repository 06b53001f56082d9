import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnServer } from '@estate/server/spawn';
import { type Browser, chromium } from 'playwright-core';

// The app as users get it: the compiled server (apps/server/dist) serving the built web
// app (apps/web/dist) on a new embedded database seeded with demo data.

/** The repository's root. */
export const root = path.resolve(import.meta.dirname, '../../..');
const serverEntry = path.join(root, 'apps/server/dist/main.js');
const webDist = path.join(root, 'apps/web/dist');

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** CI must run the browser tests; elsewhere they are skipped without Chromium. */
export const hasBrowser = existsSync(chromiumPath) || Boolean(process.env.CI);

export interface RunningApp {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  for (const built of [serverEntry, path.join(webDist, 'index.html')]) {
    if (!existsSync(built)) throw new Error(`${path.relative(root, built)} is missing: build first (pnpm build)`);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'estate-e2e-'));
  const server = spawnServer([serverEntry], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      ESTATE_DATA_DIR: path.join(dataDir, 'pglite'),
      UPLOADS_DIR: path.join(dataDir, 'uploads'),
      WEB_DIST_DIR: webDist,
      SEED_DEMO: '1',
      DEMO_POSTS: '60',
      LOG_REQUESTS: '0',
      ...env,
    },
  });
  return {
    url: await server.listening,
    output: server.output,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium as the tests and the speed budget run it; `args` adds command-line switches. */
export async function launchBrowser(args: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      ...args,
    ],
  });
}
