import type { Context } from '../context.js';
import { clearedSessionCookie, sessionCookie } from './cookies.js';
import { createSession, SESSION_TTL_MS } from './session.js';

/** Sends the cookie of a session created with `createSession` (after its transaction commits). */
export function setSessionCookie(ctx: Context, token: string): void {
  ctx.resHeaders.append('set-cookie', sessionCookie(token, { maxAgeSeconds: SESSION_TTL_MS / 1000, secure: ctx.secure }));
}

/** Starts a session for `userId` and sets its cookie. */
export async function signIn(ctx: Context, userId: string): Promise<void> {
  setSessionCookie(ctx, (await createSession(ctx.prisma, userId)).token);
}

export function clearSessionCookie(ctx: Context): void {
  ctx.resHeaders.append('set-cookie', clearedSessionCookie(ctx.secure));
}
