import { healthRouter } from './router/health.js';
import { postRouter } from './router/post.js';
import { createCallerFactory, router } from './trpc.js';

export const appRouter = router({
  health: healthRouter,
  post: postRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
