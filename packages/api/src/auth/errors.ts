import { TRPCError } from '@trpc/server';

/** Carried as a TRPCError's cause so the error formatter can tell a form which field is at fault. */
export class FieldCause extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function fieldError(code: 'BAD_REQUEST' | 'CONFLICT' | 'FORBIDDEN', field: string, message: string): TRPCError {
  return new TRPCError({ code, message, cause: new FieldCause(field, message) });
}

/** Carried as the cause of TOO_MANY_REQUESTS: clients may retry after this many seconds. */
export class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`retry after ${retryAfterSeconds} s`);
  }
}
