import { publicProcedure, router } from '../trpc.js';

export const healthRouter = router({
  /** Answers only when the database does. */
  check: publicProcedure.query(async ({ ctx }) => {
    const started = performance.now();
    await ctx.prisma.$queryRaw`SELECT 1`;
    return { status: 'ok' as const, databaseMs: Math.round((performance.now() - started) * 10) / 10 };
  }),
});
