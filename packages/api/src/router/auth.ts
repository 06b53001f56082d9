import { randomBytes } from 'node:crypto';
import { Prisma } from '@estate/db';
import { TRPCError } from '@trpc/server';
import { clearSessionCookie, setSessionCookie } from '../auth/cookies.js';
import { fieldError } from '../auth/errors.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { hit, reset } from '../auth/rate-limit.js';
import { createSession, sessionUserSelect } from '../auth/session.js';
import { notifyUsers } from '../chat/notify.js';
import type { Context } from '../context.js';
import { documented } from '../procedure-meta.js';
import { loginInput, registerInput } from '../schemas/index.js';
import { publicProcedure, router } from '../trpc.js';

const WRONG_CREDENTIALS = 'Wrong email, username or password.';

/** Verified when no such user exists, so both failures take the same time. */
let dummyHash: Promise<string> | undefined;

/** Fails with CONFLICT naming the field when the email or the username is taken. */
export async function assertAvailable(prisma: Context['prisma'], fields: { email?: string; username?: string }, exceptUserId?: string) {
  const taken = await prisma.user.findFirst({
    where: {
      ...(exceptUserId && { id: { not: exceptUserId } }),
      OR: [...(fields.email ? [{ email: fields.email }] : []), ...(fields.username ? [{ username: fields.username }] : [])],
    },
    select: { email: true },
  });
  if (!taken) return;
  if (fields.email && taken.email === fields.email) throw fieldError('CONFLICT', 'email', 'An account with this email already exists.');
  throw fieldError('CONFLICT', 'username', 'This username is taken.');
}

/** A unique-constraint race lost to a concurrent request: report it as the conflict it is. */
export async function rethrowUniqueViolation(
  error: unknown,
  prisma: Context['prisma'],
  fields: { email?: string; username?: string },
  exceptUserId?: string,
): Promise<never> {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    await assertAvailable(prisma, fields, exceptUserId);
    throw fieldError('CONFLICT', 'email', 'An account with this email or username already exists.');
  }
  throw error;
}

/** The rate-limit counter of one email or username (lower case) for one action. */
const identifierKey = (action: string, identifier: string) => `${action}:id:${identifier}`;

async function limitAttempts(ctx: Context, action: string, identifier: string) {
  await hit(ctx.prisma, `${action}:ip:${ctx.clientIp}`, ctx.rateLimits.authPerIp, ctx.now());
  await hit(ctx.prisma, identifierKey(action, identifier), ctx.rateLimits.authPerIdentifier, ctx.now());
}

// Who may call these and the errors they raise themselves, for the procedure reference (docs/procedures.md).
const registerProcedure = publicProcedure.meta(
  documented({
    errors: {
      CONFLICT: 'the email or the username is taken (`data.field` says which)',
      TOO_MANY_REQUESTS: 'too many attempts from this address or for this email: `data.retryAfterSeconds` says when to try again',
    },
  }),
);
const loginProcedure = publicProcedure.meta(
  documented({
    errors: {
      UNAUTHORIZED: 'wrong email, username or password',
      TOO_MANY_REQUESTS: 'too many attempts from this address or for this account: `data.retryAfterSeconds` says when to try again',
    },
  }),
);

export const authRouter = router({
  register: registerProcedure.input(registerInput).mutation(async ({ ctx, input }) => {
    await limitAttempts(ctx, 'register', input.email);
    await assertAvailable(ctx.prisma, input);
    const passwordHash = await hashPassword(input.password);
    // The account and its first session together, or neither.
    const { user, token } = await ctx.prisma
      .$transaction(async (tx) => {
        const created = await tx.user.create({
          data: { email: input.email, username: input.username, passwordHash },
          select: sessionUserSelect,
        });
        return { user: created, token: (await createSession(tx, created.id, ctx.now())).token };
      })
      .catch((error: unknown) => rethrowUniqueViolation(error, ctx.prisma, input));
    setSessionCookie(ctx, token);
    return user;
  }),

  login: loginProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    await limitAttempts(ctx, 'login', input.identifier);
    const user = await ctx.prisma.user.findUnique({
      where: input.identifier.includes('@') ? { email: input.identifier } : { username: input.identifier },
      select: { ...sessionUserSelect, passwordHash: true },
    });
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
    if (!user || !valid) throw new TRPCError({ code: 'UNAUTHORIZED', message: WRONG_CREDENTIALS });

    await reset(ctx.prisma, identifierKey('login', input.identifier));
    // A new session on every login: a token planted before login (fixation) never becomes signed in.
    if (ctx.sessionId) await ctx.prisma.session.deleteMany({ where: { id: ctx.sessionId } });
    setSessionCookie(ctx, (await createSession(ctx.prisma, user.id, ctx.now())).token);
    const { passwordHash: _, ...me } = user;
    return me;
  }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionId) await ctx.prisma.session.deleteMany({ where: { id: ctx.sessionId } });
    // The session's chat streams check it when woken, and end.
    if (ctx.user) await notifyUsers(ctx.prisma, [ctx.user.id]);
    clearSessionCookie(ctx);
    return { signedOut: true };
  }),

  /** The signed-in user, or null. */
  me: publicProcedure.query(({ ctx }) => ctx.user),
});
