import type { PrismaClient } from '@estate/db';

export interface CreateContextOptions {
  prisma: PrismaClient;
  /** The incoming request (tRPC's fetch adapter, or one built by a test). */
  req: Request;
  /** Headers to add to the response, e.g. cookies. */
  resHeaders: Headers;
  /** The client's address as the server determined it (behind a proxy: from X-Forwarded-For). */
  clientIp: string;
}

/** Everything a procedure may use; built once per request. */
export async function createContext(opts: CreateContextOptions) {
  return {
    prisma: opts.prisma,
    req: opts.req,
    resHeaders: opts.resHeaders,
    clientIp: opts.clientIp,
  };
}

export type Context = Awaited<ReturnType<typeof createContext>>;
