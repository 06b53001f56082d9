#!/usr/bin/env node
// The two commands a fresh clone needs, with nothing but Node installed:
//   npm start   installs the pinned toolchain and dependencies, builds, and serves the app
//               on the embedded database with demo data
//   npm test    installs and builds the same way, runs every test, and ends with
//               "N passed, N failed"
// No dependencies of its own: it runs before anything is installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { packageManager } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const pnpmVersion = packageManager.replace(/^pnpm@/, '');
const toolsDir = path.join(root, '.tools');
const pnpmBin = path.join(toolsDir, 'bin', process.platform === 'win32' ? 'pnpm.cmd' : 'pnpm');
const env = { ...process.env, PATH: `${path.join(toolsDir, 'bin')}${path.delimiter}${process.env.PATH}` };

function step(title) {
  console.log(`\n▸ ${title}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit', shell: process.platform === 'win32', ...options });
  if (result.status !== 0) {
    console.error(`\n✗ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  return result;
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`Estate needs Node.js 20.19 or newer (this is ${process.versions.node}).`);
    process.exit(1);
  }
}

/** pnpm exactly as pinned in package.json, installed inside the repository (no global changes). */
function ensurePnpm() {
  const current = existsSync(pnpmBin) ? spawnSync(pnpmBin, ['--version'], { env, encoding: 'utf8' }).stdout?.trim() : null;
  if (current === pnpmVersion) return;
  step(`Installing pnpm ${pnpmVersion} into .tools/`);
  mkdirSync(toolsDir, { recursive: true });
  run('npm', ['install', '--global', '--prefix', toolsDir, '--no-audit', '--no-fund', `pnpm@${pnpmVersion}`]);
}

function install() {
  ensurePnpm();
  step('Installing dependencies (frozen lockfile)');
  run(pnpmBin, ['install', '--frozen-lockfile']);
}

function build() {
  step('Building');
  run(pnpmBin, ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
}

function start() {
  install();
  build();
  step('Starting Estate');
  const server = spawn(process.execPath, [path.join(root, 'apps/server/dist/main.js')], {
    cwd: root,
    stdio: 'inherit',
    env: { SEED_DEMO: '1', ...env, NODE_ENV: env.NODE_ENV ?? 'production' },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function browserAvailable() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return existsSync(chromium) ? chromium : null;
}

function test() {
  install();
  build();
  const report = path.join(root, 'test-results', 'vitest.json');
  mkdirSync(path.dirname(report), { recursive: true });
  step(`Running the tests (PGlite${process.env.TEST_DATABASE_URL ? ' and PostgreSQL' : ' only: set TEST_DATABASE_URL to add PostgreSQL'})`);
  if (!browserAvailable()) {
    console.log('  Chromium was not found at /usr/bin/chromium (or $CHROMIUM_PATH): the browser tests are skipped.');
  }
  const result = spawnSync(
    pnpmBin,
    ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(3)],
    { cwd: root, env, stdio: 'inherit' },
  );
  let summary = null;
  try {
    summary = JSON.parse(readFileSync(report, 'utf8'));
  } catch {
    // the runner died before writing its report: counted below as a failure
  }
  const passed = summary?.numPassedTests ?? 0;
  // A file that failed to load has no tests of its own to count: count it as one failure.
  const brokenFiles = (summary?.testResults ?? []).filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
  // Checks that .ci/run ran before the tests (the speed budget) and that failed, by name.
  const failedChecks = (process.env.ESTATE_FAILED_CHECKS ?? '').split(',').filter(Boolean);
  const failed = (summary ? summary.numFailedTests + brokenFiles : 1) + failedChecks.length;
  const skipped = (summary?.numPendingTests ?? 0) + (summary?.numTodoTests ?? 0);
  if (skipped > 0) console.log(`(${skipped} skipped)`);
  if (brokenFiles > 0) console.log(`(${brokenFiles} test files failed to load)`);
  if (!summary) console.log('(the test runner wrote no report)');
  if (failedChecks.length > 0) console.log(`(failed before the tests, counted here: ${failedChecks.join(', ')})`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(result.status === 0 && failed === 0 ? 0 : 1);
}

checkNode();
const command = process.argv[2];
if (command === 'start') start();
else if (command === 'test') test();
else if (command === 'install') install();
else {
  console.error('usage: node scripts/estate.mjs start | test | install');
  process.exit(2);
}
