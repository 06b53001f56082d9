import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

// The real entry point (src/main.ts) in a process of its own, as tests start it.

const serverDir = path.resolve(import.meta.dirname, '..');

export function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@estate/source', 'src/main.ts'], {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  listening.catch(() => {}); // a test that expects the start to fail does not await it
  return { child, listening, exited, output: () => output };
}

export function kill(child: ChildProcess) {
  if (child.exitCode === null) child.kill('SIGKILL');
}
