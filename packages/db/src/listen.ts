import type { PrismaClient } from './client.js';

// LISTEN/NOTIFY: what one server process tells every other (PGlite: in its own process).
// A notification only says "look": whatever it is about is already in the database, so a
// notification lost while the listening connection was down delays news, never loses it.

export interface NotifyHandlers {
  /** A NOTIFY on the channel, with its payload. */
  onNotify(payload: string): void;
  /** The listening connection was lost and is back: notifications sent meanwhile were missed. */
  onReconnect(): void;
}

/**
 * Starts calling `handlers` for the NOTIFYs on `channel`. Resolves once listening, or once a
 * reconnect is scheduled when the database cannot be reached now (`onReconnect` follows it).
 */
export type Listen = (channel: string, handlers: NotifyHandlers) => Promise<void>;

/** A channel name that needs no quoting (it is written into LISTEN itself). */
export function assertChannelName(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Invalid channel name "${channel}"`);
}

const listeners = new WeakMap<PrismaClient, Listen>();

/** Makes `listen` the way to LISTEN on the database `prisma` is on (createDb does, for the database it opened). */
export function registerListen(prisma: PrismaClient, listen: Listen): void {
  listeners.set(prisma, listen);
}

/** How to LISTEN on the database `prisma` is on. */
export function listenFor(prisma: PrismaClient): Listen {
  const listen = listeners.get(prisma);
  if (!listen) throw new Error('This PrismaClient was not opened by createDb: there is no connection to LISTEN on.');
  return listen;
}
