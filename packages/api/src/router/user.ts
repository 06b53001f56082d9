import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { clearSessionCookie } from '../auth/cookies.js';
import { fieldError } from '../auth/errors.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { hit, reset } from '../auth/rate-limit.js';
import { sessionUserSelect } from '../auth/session.js';
import { lockRecipients } from '../chat/events.js';
import { notifyUsers } from '../chat/notify.js';
import type { Context } from '../context.js';
import { documented } from '../procedure-meta.js';
import {
  changePasswordInput,
  deleteAccountInput,
  isPersonal,
  PERSONAL_PASSWORD_MESSAGE,
  usernameField,
  userUpdateInput,
} from '../schemas/index.js';
import { protectedProcedure, publicProcedure, router } from '../trpc.js';
import { assertUsableImages, deleteFiles, releaseUnused } from '../uploads/usage.js';
import { assertAvailable, rethrowUniqueViolation } from './auth.js';

/**
 * Account changes need the password again: a borrowed unlocked browser is not enough. The
 * attempts are limited per user like sign-in, so a stolen session cannot guess it either.
 */
async function assertPassword(ctx: Context & { user: { id: string } }, password: string, field: string) {
  const key = `password:user:${ctx.user.id}`;
  await hit(ctx.prisma, key, ctx.rateLimits.passwordCheck, ctx.now());
  const { passwordHash } = await ctx.prisma.user.findUniqueOrThrow({ where: { id: ctx.user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(passwordHash, password))) throw fieldError('FORBIDDEN', field, 'That password is not correct.');
  await reset(ctx.prisma, key);
}

// Who may call these and the errors they raise themselves, for the procedure reference (docs/procedures.md).
const updateProcedure = protectedProcedure.meta(
  documented({
    errors: {
      CONFLICT: 'the email or the username is taken (`data.field` says which)',
      BAD_REQUEST: 'also an avatar that is not an upload of yours (`data.field`: `avatar`)',
    },
  }),
);
const changePasswordProcedure = protectedProcedure.meta(
  documented({
    errors: {
      FORBIDDEN: 'the current password is wrong (`data.field`: `currentPassword`)',
      BAD_REQUEST: 'also a new password equal to the username or email',
      TOO_MANY_REQUESTS: 'too many wrong passwords: `data.retryAfterSeconds` says when to try again',
    },
  }),
);
const deleteProcedure = protectedProcedure.meta(
  documented({
    errors: {
      FORBIDDEN: 'the password is wrong (`data.field`: `password`)',
      TOO_MANY_REQUESTS: 'too many wrong passwords: `data.retryAfterSeconds` says when to try again',
    },
  }),
);
const byUsernameProcedure = publicProcedure.meta(documented({ errors: { NOT_FOUND: 'no user with this username' } }));

export const userRouter = router({
  update: updateProcedure.input(userUpdateInput).mutation(async ({ ctx, input }) => {
    const changes = { email: input.email, username: input.username };
    await assertAvailable(ctx.prisma, changes, ctx.user.id);
    return ctx.prisma
      .$transaction(async (tx) => {
        if (input.avatar && input.avatar !== ctx.user.avatar) await assertUsableImages(tx, ctx.user.id, [input.avatar], 'avatar');
        return tx.user.update({
          where: { id: ctx.user.id },
          data: { email: input.email, username: input.username, avatar: input.avatar },
          select: sessionUserSelect,
        });
      })
      .catch((error: unknown) => rethrowUniqueViolation(error, ctx.prisma, changes, ctx.user.id));
  }),

  changePassword: changePasswordProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    if (isPersonal(input.newPassword, ctx.user.username, ctx.user.email)) {
      throw fieldError('BAD_REQUEST', 'newPassword', PERSONAL_PASSWORD_MESSAGE);
    }
    await assertPassword(ctx, input.currentPassword, 'currentPassword');
    const passwordHash = await hashPassword(input.newPassword);
    // The new hash and the end of every other session together: a stolen session dies with the old password.
    const [, ended] = await ctx.prisma.$transaction([
      ctx.prisma.user.update({ where: { id: ctx.user.id }, data: { passwordHash }, select: { id: true } }),
      ctx.prisma.session.deleteMany({ where: { userId: ctx.user.id, id: { not: ctx.sessionId } } }),
    ]);
    // Their chat streams check their sessions when woken: those of the ended ones end.
    await notifyUsers(ctx.prisma, [ctx.user.id]);
    return { otherSessionsEnded: ended.count };
  }),

  delete: deleteProcedure.input(deleteAccountInput).mutation(async ({ ctx, input }) => {
    await assertPassword(ctx, input.password, 'password');
    const released = await ctx.prisma.$transaction(async (tx) => {
      // Sends and read receipts lock both members of their chat: this waits for those under way
      // to this user, and those that follow find the member gone rather than write to a vanished account.
      await lockRecipients(tx, [ctx.user.id]);
      // Their chat streams end once this commits (they find their session gone).
      await notifyUsers(tx, [ctx.user.id]);
      const uploads = await tx.upload.findMany({ where: { userId: ctx.user.id }, select: { id: true } });
      // What has no foreign key to cascade (see schema.prisma): the events, and the searches' matches.
      await tx.chatEvent.deleteMany({ where: { userId: ctx.user.id } });
      await tx.$executeRaw`DELETE FROM "SavedSearchMatch" WHERE "savedSearchId" IN (SELECT "id" FROM "SavedSearch" WHERE "userId" = ${ctx.user.id}::uuid)`;
      // Cascades (schema.prisma) remove the sessions, posts, saves, saved searches and chat memberships.
      await tx.user.delete({ where: { id: ctx.user.id } });
      // A chat nobody is left in serves no one.
      await tx.chat.deleteMany({ where: { members: { none: {} } } });
      // The photos of the listings and the avatar that just went.
      return releaseUnused(
        tx,
        uploads.map((upload) => upload.id),
      );
    });
    await deleteFiles(ctx.storage, released, ctx.log);
    clearSessionCookie(ctx);
    return { deleted: true };
  }),

  /** The public profile, never the email; its listings come from `post.byUser`. */
  byUsername: byUsernameProcedure.input(z.object({ username: usernameField })).query(async ({ ctx, input }) => {
    const user = await ctx.prisma.user.findUnique({
      where: { username: input.username },
      select: {
        username: true,
        avatar: true,
        createdAt: true,
        _count: { select: { posts: true } },
      },
    });
    if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: 'No user with this username.' });
    const { _count, ...profile } = user;
    return { ...profile, postCount: _count.posts };
  }),
});
