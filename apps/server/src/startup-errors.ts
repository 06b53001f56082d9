import { DatabaseUnreachableError, DataDirError, MigrationError } from '@estate/db';
import { ConfigError } from './config.js';

/** The port or the address could not be taken; the message says what to change. */
export class ListenError extends Error {
  override name = 'ListenError';
}

/** Binding the port failed: the error, as what to do about it when it is one of the usual ones. */
export function listenFailure(error: unknown, port: number, host: string): unknown {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EADDRINUSE':
      return new ListenError(
        `port ${port} on ${host} is already in use (another Estate, or another program): stop that, or set PORT to a free port (PORT=0 picks one).`,
      );
    case 'EACCES':
      return new ListenError(
        `port ${port} needs privileges this process does not have: set PORT to 1024 or above, and let a proxy listen on ${port}.`,
      );
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new ListenError(
        `HOST ${host} is not an address of this machine: set HOST to one of its addresses, or to 0.0.0.0 for all of them.`,
      );
    default:
      return error;
  }
}

/** Failures whose messages were written for the person starting the server. */
const explained = [ConfigError, DataDirError, MigrationError, DatabaseUnreachableError, ListenError];

/** Why the server could not start and what to do, or null for an unexpected error (whose stack then helps). */
export function startupFailure(error: unknown): string | null {
  return explained.some((type) => error instanceof type) ? (error as Error).message : null;
}
