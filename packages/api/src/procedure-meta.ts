import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';

/**
 * What the procedure reference (docs/procedures.md) cannot read from the router itself. It
 * reads there whether a procedure needs a signed-in user (protectedProcedure), its kind and
 * its input, and so the errors those bring: invalid input, not signed in, a cross-site
 * mutation. Here: who among signed-in users may call it, and the errors it raises itself.
 */
export interface ProcedureMeta {
  /** Narrower than "signed in", e.g. the listing's lister. */
  access?: string;
  /** Errors the procedure raises itself, each with when. */
  errors?: Partial<Record<TRPC_ERROR_CODE_KEY, string>>;
}

/** Typed `.meta()` for a procedure (the root builder in trpc.ts declares no meta type). */
export const documented = (meta: ProcedureMeta): ProcedureMeta => meta;
