import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envVariables } from '../src/config.js';

// The variables the server reads, as config.ts's schema names them, must reach it and be documented.

const root = path.resolve(import.meta.dirname, '../../..');

describe('the environment the server reads', () => {
  it('is the configuration table of README.md, row for row', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
    const documented = [...section.matchAll(/^\| `([A-Z0-9_]+)`/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual([...envVariables].sort());
  });

  it('reaches `pnpm dev`: Turborepo passes every variable to the dev task', () => {
    // Turborepo's strict mode hands a task only the variables turbo.json declares; ask it
    // which of these, all set, it would pass to the server's dev task.
    const env = {
      ...process.env,
      ...Object.fromEntries(envVariables.map((name) => [name, 'set'])),
      TURBO_TELEMETRY_DISABLED: '1',
      TURBO_NO_UPDATE_NOTIFIER: '1',
    };
    const dry = JSON.parse(
      execFileSync(path.join(root, 'node_modules/.bin/turbo'), ['run', 'dev', '--filter=@estate/server', '--dry=json'], {
        cwd: root,
        env,
        encoding: 'utf8',
      }),
    ) as { globalCacheInputs: { environmentVariables: TurboEnv }; tasks: Array<{ taskId: string; environmentVariables: TurboEnv }> };
    const task = dry.tasks.find((candidate) => candidate.taskId === '@estate/server#dev');
    const passed = [dry.globalCacheInputs.environmentVariables, task?.environmentVariables].flatMap((vars) => [
      ...(vars?.configured ?? []),
      ...(vars?.passthrough ?? []),
    ]);
    const names = new Set(passed.map((entry) => entry.slice(0, entry.indexOf('='))));
    expect(envVariables.filter((name) => !names.has(name))).toEqual([]);
  });
});

/** How `turbo run --dry=json` reports a task's variables: `NAME=<hash of the value>` for each it passes. */
interface TurboEnv {
  configured: string[] | null;
  passthrough: string[] | null;
}
