import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { clearSessionCookie } from '../auth/cookies.js';
import { fieldError } from '../auth/errors.js';
import { avatarField, emailField, isPersonal, PERSONAL_PASSWORD_MESSAGE, passwordField, usernameField } from '../auth/fields.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { sessionUserSelect } from '../auth/session.js';
import type { Context } from '../context.js';
import { protectedProcedure, publicProcedure, router } from '../trpc.js';
import { assertAvailable, rethrowUniqueViolation } from './auth.js';
import { postCardSelect } from './post.js';

// strictObject: any key besides these is refused, so no caller can write another column.
export const userUpdateInput = z
  .strictObject({ username: usernameField.optional(), email: emailField.optional(), avatar: avatarField.nullable().optional() })
  .refine((input) => Object.values(input).some((value) => value !== undefined), 'Change at least one field');

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, 'Enter your current password').max(128),
  newPassword: passwordField,
});

const PROFILE_POSTS = 60;

/** Account changes need the password again: a borrowed unlocked browser is not enough. */
async function assertPassword(ctx: Context & { user: { id: string } }, password: string, field: string) {
  const { passwordHash } = await ctx.prisma.user.findUniqueOrThrow({ where: { id: ctx.user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(passwordHash, password))) throw fieldError('FORBIDDEN', field, 'That password is not correct.');
}

export const userRouter = router({
  update: protectedProcedure.input(userUpdateInput).mutation(async ({ ctx, input }) => {
    const changes = { email: input.email, username: input.username };
    await assertAvailable(ctx.prisma, changes, ctx.user.id);
    return ctx.prisma.user
      .update({
        where: { id: ctx.user.id },
        data: { email: input.email, username: input.username, avatar: input.avatar },
        select: sessionUserSelect,
      })
      .catch((error: unknown) => rethrowUniqueViolation(error, ctx.prisma, changes, ctx.user.id));
  }),

  changePassword: protectedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
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
    return { otherSessionsEnded: ended.count };
  }),

  delete: protectedProcedure
    .input(z.strictObject({ password: z.string().min(1, 'Enter your password').max(128) }))
    .mutation(async ({ ctx, input }) => {
      await assertPassword(ctx, input.password, 'password');
      await ctx.prisma.$transaction(async (tx) => {
        // Cascades (schema.prisma) remove the sessions, posts, saves and chat memberships.
        await tx.user.delete({ where: { id: ctx.user.id } });
        // A chat nobody is left in serves no one.
        await tx.chat.deleteMany({ where: { members: { none: {} } } });
      });
      clearSessionCookie(ctx);
      return { deleted: true };
    }),

  /** The public profile: never the email. */
  byUsername: publicProcedure.input(z.object({ username: usernameField })).query(async ({ ctx, input }) => {
    const user = await ctx.prisma.user.findUnique({
      where: { username: input.username },
      select: {
        username: true,
        avatar: true,
        createdAt: true,
        _count: { select: { posts: true } },
        posts: { select: postCardSelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: PROFILE_POSTS },
      },
    });
    if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: 'No user with this username.' });
    const { _count, ...profile } = user;
    return { ...profile, postCount: _count.posts };
  }),
});
