import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// examples/node-client as an outside developer gets it: its own files in a directory of their
// own, the client from a packed tarball, everything else from the npm registry. Nothing of
// the repository is on its module path, so its types come from the tarball alone.

const run = promisify(execFile);
export const root = path.resolve(import.meta.dirname, '../../..');
const clientDir = path.join(root, 'packages/client');
const exampleDir = path.join(root, 'examples/node-client');

export interface CommandResult {
  ok: boolean;
  output: string;
}

export async function command(cwd: string, file: string, args: string[], env: Record<string, string> = {}): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const { stdout = '', stderr = '', message } = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${stdout}${stderr}` || message };
  }
}

async function must(cwd: string, file: string, args: string[]): Promise<string> {
  const result = await command(cwd, file, args);
  if (!result.ok) throw new Error(`${file} ${args.join(' ')} failed in ${cwd}:\n${result.output}`);
  return result.output;
}

/** The packed client's declaration files, by path inside the package. */
export function declarations(dir: string): Map<string, string> {
  const packageDir = path.join(dir, 'node_modules/@estate/client');
  const files = readdirSync(packageDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.d.ts'));
  return new Map(files.map((file) => [file, readFileSync(path.join(packageDir, file), 'utf8')]));
}

/** The example in a new directory with its dependencies installed; the client must be built. */
export async function installExample(): Promise<string> {
  if (!existsSync(path.join(clientDir, 'dist/index.d.ts'))) throw new Error('packages/client/dist is missing: build first (pnpm build)');
  const dir = mkdtempSync(path.join(tmpdir(), 'estate-node-client-'));
  for (const entry of ['package.json', 'tsconfig.json', 'src'])
    cpSync(path.join(exampleDir, entry), path.join(dir, entry), { recursive: true });
  await must(clientDir, 'pnpm', ['pack', '--out', path.join(dir, 'estate-client.tgz')]);
  await must(dir, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error']);
  return dir;
}

export const tsc = (dir: string, ...args: string[]) => command(dir, process.execPath, ['node_modules/typescript/bin/tsc', ...args]);
