import { type ChildProcess, spawn } from 'node:child_process';

// A server in a process of its own, as the tests, the browser tests, the client's tests and the
// benchmarks start it: it is ready once it prints "listening on <url>" (src/main.ts).

export interface ServerProcess {
  child: ChildProcess;
  /** Its URL once it says it listens; rejects, with what it printed, if it exits first. */
  listening: Promise<string>;
  /** Its exit code, once it exits. */
  exited: Promise<number | null>;
  /** What it has printed, stdout and stderr together (after it listens, only without `afterListening`). */
  output(): string;
  /** SIGTERM, resolved once it has exited (at once if it already has). */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** Its whole environment. */
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Hears what it prints once it listens, in place of `output()` (benchmarks echo it: they must not hide errors). */
  afterListening?: (chunk: string) => void;
}

/** Runs `node ...args` and watches its output for the address it listens on. */
export function spawnServer(args: string[], { env, cwd, afterListening }: SpawnOptions): ServerProcess {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let url: string | undefined;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const listening = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      if (url !== undefined && afterListening) return afterListening(chunk.toString());
      output += chunk.toString();
      if (url !== undefined) return;
      url = /listening on (http:\/\/[^\s",]+)/.exec(output)?.[1];
      if (url !== undefined) resolve(url);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`${args.at(-1)} exited with ${code}:\n${output}`)));
  });
  listening.catch(() => {}); // a caller that expects the start to fail awaits `exited` instead
  return {
    child,
    listening,
    exited,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
