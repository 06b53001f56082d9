import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { appRouter, type ProcedureMeta, protectedProcedure, publicProcedure } from '@estate/api';
import { type AnyTRPCProcedure, type TRPC_ERROR_CODE_KEY, TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { z } from 'zod';

// docs/procedures.md, from the router: each procedure's kind, input schema (JSON Schema from
// its zod schema), who may call it and the errors it can return. What the router shows is read
// from it (a procedure on protectedProcedure needs a signed-in user); the rest comes from
// the procedures' meta (see packages/api/src/procedure-meta.ts).

export interface ProcedureDoc {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  access: string;
  errors: Array<{ code: TRPC_ERROR_CODE_KEY; status: number; when: string }>;
  /** JSON Schema of the input, or null when it takes none. */
  input: object | null;
}

/** A procedure's definition as tRPC keeps it at run time: its middlewares are not in its published type. */
type Definition = AnyTRPCProcedure['_def'] & { middlewares: unknown[] };
const definition = (procedure: { _def: unknown }) => procedure._def as Definition;

/** Every procedure is built on publicProcedure (its checks: a mutation's origin); these are what protectedProcedure adds. */
const publicChecks = definition(publicProcedure).middlewares;
const signInChecks = definition(protectedProcedure).middlewares.filter((middleware) => !publicChecks.includes(middleware));

/** The errors a procedure can return because of what it is built on, before its own. */
function inheritedErrors(def: Definition, signedIn: boolean): Partial<Record<TRPC_ERROR_CODE_KEY, string>> {
  const { type, inputs, middlewares } = def;
  return {
    ...(inputs.length > 0 && { BAD_REQUEST: 'the input is invalid: `data.zodError.fieldErrors` has the messages of each field' }),
    ...(signedIn && { UNAUTHORIZED: 'not signed in, or the session has ended' }),
    ...(type === 'mutation' &&
      publicChecks.every((check) => middlewares.includes(check)) && {
        FORBIDDEN: "sent from a page of another site (an `Origin` that is neither the site's own nor trusted)",
      }),
  };
}

export function describeProcedures(): ProcedureDoc[] {
  // Flat by path at run time ('post.search'), though typed as the nested record.
  return Object.entries(appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>).map(([path, procedure]) => {
    const def = definition(procedure);
    const meta = (def.meta ?? {}) as ProcedureMeta;
    const signedIn = signInChecks.every((check) => def.middlewares.includes(check));
    const inherited = inheritedErrors(def, signedIn);
    const codes = [...new Set([...Object.keys(inherited), ...Object.keys(meta.errors ?? {})])] as TRPC_ERROR_CODE_KEY[];
    const errors = codes.map((code) => ({
      code,
      status: getHTTPStatusCodeFromError(new TRPCError({ code })),
      when: [inherited[code], meta.errors?.[code]].filter(Boolean).join('; '),
    }));
    if (meta.access && !signedIn) throw new Error(`${path}: meta names who may call it, but anyone can (it is not on protectedProcedure)`);
    const access = signedIn ? `signed-in users${meta.access ? `: ${meta.access}` : ''}` : 'anyone';
    const schemas = def.inputs as z.ZodType[];
    const input =
      schemas.length === 0
        ? null
        : z.toJSONSchema(schemas.length === 1 ? (schemas[0] as z.ZodType) : z.intersection(...(schemas as [z.ZodType, z.ZodType])), {
            io: 'input',
            unrepresentable: 'any',
          });
    if (input) delete (input as { $schema?: string }).$schema;
    return { path, type: def.type, access, errors: errors.sort((a, b) => a.status - b.status), input };
  });
}

const anchor = (path: string) => path.toLowerCase().replace(/[^a-z0-9]/g, '');

export function procedureReference(): string {
  const procedures = describeProcedures();
  const lines = [
    '# API procedures',
    '',
    '<!-- Generated from the router by `pnpm docs:procedures`: do not edit. A test fails when it is out of date. -->',
    '',
    "Every procedure of Estate's API: its kind, who may call it, the errors it can return and its input as JSON Schema",
    '(draft 2020-12; what a caller sends, before defaults are applied). From TypeScript, `@estate/client` gives all of this',
    'as types (see "Using the API from TypeScript" in the README). Over HTTP they are at `/trpc/<procedure>`, in tRPC\'s',
    'format with superjson: queries with GET, mutations with POST, subscriptions as server-sent events.',
    '',
    'An error has `data.code` and `data.httpStatus`; `data.field` names the one field at fault when there is one,',
    '`data.retryAfterSeconds` says when to try again after `TOO_MANY_REQUESTS`. Any procedure may also answer',
    '`INTERNAL_SERVER_ERROR` (500) with a generic message when something fails on the server.',
    '',
    '| Procedure | Kind | Who may call it |',
    '| --- | --- | --- |',
    ...procedures.map((p) => `| [\`${p.path}\`](#${anchor(p.path)}) | ${p.type} | ${p.access} |`),
  ];
  let section = '';
  for (const p of procedures) {
    const group = p.path.split('.')[0] ?? '';
    if (group !== section) lines.push('', `## ${group}`);
    section = group;
    lines.push('', `### \`${p.path}\``, '', `${p.type}, ${p.access}.`, '');
    lines.push(
      ...(p.errors.length === 0
        ? ['Errors: none (but `INTERNAL_SERVER_ERROR`).']
        : ['Errors:', ...p.errors.map((e) => `- \`${e.code}\` (${e.status}): ${e.when}`)]),
    );
    lines.push('', ...(p.input ? ['Input:', '', '```json', JSON.stringify(p.input, null, 2), '```'] : ['Input: none.']));
  }
  return formatted(`${lines.join('\n')}\n`);
}

/** As the repository's formatter (Biome) lays Markdown out, so the committed file passes its check as it is generated. */
function formatted(markdown: string): string {
  const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
  return execFileSync(process.execPath, [biome, 'format', `--stdin-file-path=${referencePath}`], { input: markdown, encoding: 'utf8' });
}

export const referencePath = new URL('../../../docs/procedures.md', import.meta.url).pathname;
