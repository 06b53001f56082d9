import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { FieldCause, RateLimited } from './auth/errors.js';
import { isAllowedOrigin } from './auth/origin.js';
import type { Context } from './context.js';
import { transformer } from './transformer.js';

/**
 * zod's errors for forms: one list of messages per invalid field, named by its path
 * (`title`, `detail.desc`, `images.2`), and the messages about the input as a whole.
 */
type FieldErrors = { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> };

function fieldErrorsOf(error: ZodError): FieldErrors {
  const result: FieldErrors = { formErrors: [], fieldErrors: {} };
  for (const issue of error.issues) {
    if (issue.path.length === 0) {
      result.formErrors.push(issue.message);
      continue;
    }
    const field = issue.path.join('.');
    result.fieldErrors[field] = [...(result.fieldErrors[field] ?? []), issue.message];
  }
  return result;
}

const t = initTRPC.context<Context>().create({
  transformer,
  // Stack traces stay in the server's log, never in responses.
  isDev: false,
  // Event streams (chat.events) send a ping when idle, so proxies keep them open and a client
  // that hears nothing for three pings knows the connection is dead and reconnects.
  sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 45_000 } },
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    // An unexpected error's message can describe internals (SQL, file paths): the server logs it, the client gets a generic one.
    const message = error.code === 'INTERNAL_SERVER_ERROR' ? 'Something went wrong on our side. Please try again.' : shape.message;
    return {
      ...shape,
      message,
      data: {
        ...shape.data,
        // Per-field messages, so forms can show each beside its field.
        zodError: error.code === 'BAD_REQUEST' && cause instanceof ZodError ? fieldErrorsOf(cause) : null,
        /** The one field at fault, when it is not a zod error (a taken email, a wrong password). */
        field: cause instanceof FieldCause ? cause.field : null,
        /** For TOO_MANY_REQUESTS: seconds until another attempt is allowed. */
        retryAfterSeconds: cause instanceof RateLimited ? cause.retryAfterSeconds : null,
        /** The request's id, as in the server's log lines about it (null when the context could not be made). */
        requestId: ctx?.requestId ?? null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every procedure: mutations only from the app's own pages (or trusted origins); each call's
 * duration and outcome reported to `ctx.onCall` (the server's metrics) when it listens. One
 * middleware, as each costs every call a layer of tRPC's.
 */
export const publicProcedure = t.procedure.use(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const report = (code: string) => ctx.onCall?.({ path, type, durationMs: performance.now() - started, code });
  if (type === 'mutation' && !isAllowedOrigin(ctx.req.headers, ctx.ownOrigin, ctx.trustedOrigins)) {
    report('FORBIDDEN');
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Cross-site request refused: this action must come from the Estate site itself.' });
  }
  const result = await next();
  report(result.ok ? 'OK' : result.error.code);
  return result;
});

/** Procedures that need a signed-in user; `ctx.user` is non-null inside. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user || !ctx.sessionId) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in to continue.' });
  return next({ ctx: { ...ctx, user: ctx.user, sessionId: ctx.sessionId } });
});
