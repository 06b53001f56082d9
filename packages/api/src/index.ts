import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root.js';

export { RateLimited } from './auth/errors.js';
export { isAllowedOrigin } from './auth/origin.js';
export { hashPassword, verifyPassword } from './auth/password.js';
export { defaultRateLimits, hit, type Limit, type RateLimits } from './auth/rate-limit.js';
export { createSession } from './auth/session.js';
export { type CallTiming, type Context, type CreateContextOptions, createContext, sessionFromCookie } from './context.js';
export type { ProcedureMeta } from './procedure-meta.js';
export { type AppRouter, appRouter, createCaller } from './root.js';
export { alertSender } from './saved-searches/alerts.js';
// For bench:alerts, which writes 100,000 saved searches at once and explains the matching.
export { savedSearchData, setAreas } from './saved-searches/columns.js';
export { matchingSearchesSql } from './saved-searches/match.js';
export { UPLOAD_SIZES, type UploadSize, uploadUrl } from './schemas/images.js';
// For pages whose HTML carries their first data, written as tRPC writes its answers.
export { serialize } from './transformer.js';
// For the procedure reference: what a procedure is built on says who may call it.
export { protectedProcedure, publicProcedure } from './trpc.js';
export { diskStorage, type FileStorage } from './uploads/storage.js';
export { sweepUnusedUploads, UNUSED_UPLOAD_TTL_MS, uploadKeys } from './uploads/usage.js';

/** Inputs of every procedure, e.g. `RouterInputs['post']['search']`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Outputs of every procedure, e.g. `RouterOutputs['post']['byId']`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
