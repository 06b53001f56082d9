import type { AppRouter } from '@estate/api';
import type { TRPCClientErrorLike } from '@trpc/client';

/** An error from any procedure, as React Query hands it over. */
export type ApiError = TRPCClientErrorLike<AppRouter>;

/** zod's messages per input field. */
export type FieldErrors = NonNullable<NonNullable<ApiError['data']>['zodError']>['fieldErrors'];

export function fieldErrorsOf(error: ApiError | null): FieldErrors {
  return error?.data?.zodError?.fieldErrors ?? {};
}

/** The input failed validation: the user can fix it, so retrying is pointless. */
export function isInputError(error: ApiError): boolean {
  return Boolean(error.data?.zodError);
}

/** The server has no such record, or the id could not name one. */
export function isNotFound(error: ApiError): boolean {
  return error.data?.code === 'NOT_FOUND' || error.data?.code === 'BAD_REQUEST';
}

/** A message for people: without `data` the answer never came from tRPC (offline, proxy down). */
export function errorMessage(error: ApiError): string {
  return error.data ? error.message : 'Could not reach the server. Check your connection and try again.';
}
