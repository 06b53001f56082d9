import { authRouter } from './router/auth.js';
import { chatRouter } from './router/chat.js';
import { healthRouter } from './router/health.js';
import { postRouter } from './router/post.js';
import { savedPostRouter } from './router/saved-post.js';
import { savedSearchRouter } from './router/saved-search.js';
import { userRouter } from './router/user.js';
import { createCallerFactory, router } from './trpc.js';

export const appRouter = router({
  auth: authRouter,
  chat: chatRouter,
  health: healthRouter,
  post: postRouter,
  savedPost: savedPostRouter,
  savedSearch: savedSearchRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
