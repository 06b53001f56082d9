import { Prisma, type PrismaClient } from '@estate/db';
import { PostType } from '@estate/db/enums';
import { z } from 'zod';
import { dueEvery } from '../sweeps.js';
import { notifyUsers } from './notify.js';

// A user's chat events: rows of ChatEvent, written in the transaction that makes the change,
// read back by id. Their ids are the SSE event ids, so each recipient's ids must become visible
// in increasing order: a stream that has sent id 11 never reads below it again, and would skip
// an id 10 committed after 11. Every transaction that writes events first takes a lock per
// recipient, so a recipient's events are numbered and committed one transaction at a time.

const instant = z.codec(z.iso.datetime(), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

/** A message as chat.messages lists it and a `message` event carries it. */
export const messageSelect = { id: true, text: true, senderId: true, createdAt: true } satisfies Prisma.MessageSelect;
const messageShape = z.object({ id: z.uuid(), text: z.string(), senderId: z.uuid().nullable(), createdAt: instant });

export const chatEvent = z.discriminatedUnion('kind', [
  /** A new message in one of my chats (mine too, for my other pages). */
  z.object({ kind: z.literal('message'), chatId: z.uuid(), message: messageShape }),
  /** `userId` has read `chatId` up to `seenAt` (the other member's receipt, or my own from another page). */
  z.object({ kind: z.literal('read'), chatId: z.uuid(), userId: z.uuid(), seenAt: instant }),
  /** How many of my chats have unread messages now. */
  z.object({ kind: z.literal('unread'), count: z.number().int().min(0) }),
  /** A home someone else listed (or changed) now matches my saved searches `searches`. */
  z.object({
    kind: z.literal('alert'),
    post: z.object({ id: z.uuid(), title: z.string(), price: z.number().int(), city: z.string(), type: z.enum(PostType) }),
    searches: z.array(z.object({ id: z.uuid(), name: z.string() })).min(1),
  }),
]);

export type ChatEvent = z.output<typeof chatEvent>;

/** Advisory lock namespace ("evnt" in ASCII) of the per-recipient locks. */
const RECIPIENT_LOCKS = 0x65766e74;

/** A uuid's last 32 bits (random in uuid v7). Two users may share a key: they then wait for each other, nothing worse. */
const lockKey = (userId: string) => Number.parseInt(userId.slice(-8), 16) | 0;

/** `lockKey` in SQL, for recipients a query finds: the same signed 32-bit number. */
export const recipientLockKeySql = (userId: Prisma.Sql) => Prisma.sql`('x' || right(${userId}::text, 8))::bit(32)::int`;

/**
 * Takes the recipient locks of `userIds` until the transaction ends, in key order, so two
 * transactions locking the same recipients cannot deadlock. Sends and read receipts in one
 * chat lock both members, which also puts them in one order.
 */
export async function lockRecipients(tx: Prisma.TransactionClient, userIds: readonly string[]): Promise<void> {
  await lockRecipientKeys(tx, userIds.map(lockKey));
}

/**
 * The locks of `lockRecipients` by key (`recipientLockKeySql`). One statement for any number:
 * PostgreSQL calls a volatile function of the select list after sorting, so in key order.
 */
export async function lockRecipientKeys(tx: Prisma.TransactionClient, keys: readonly number[]): Promise<void> {
  const distinct = [...new Set(keys)];
  if (distinct.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${RECIPIENT_LOCKS}::int, key) FROM unnest(${distinct}::int[]) AS key ORDER BY key`;
}

export interface Delivery {
  userId: string;
  event: ChatEvent;
}

/**
 * Writes the events (the recipients locked by `lockRecipients`) and wakes their streams once
 * committed. One statement for any number, in the order given (an alert can go to thousands).
 */
export async function recordEvents(tx: Prisma.TransactionClient, now: Date, deliveries: readonly Delivery[]): Promise<void> {
  if (deliveries.length === 0) return;
  const userIds = deliveries.map((delivery) => delivery.userId);
  const kinds: string[] = [];
  const payloads: string[] = [];
  for (const { event } of deliveries) {
    const { kind, ...payload } = chatEvent.encode(event);
    kinds.push(kind);
    payloads.push(JSON.stringify(payload));
  }
  await tx.$executeRaw`
    INSERT INTO "ChatEvent" ("userId", "kind", "payload", "createdAt")
    SELECT e."userId", e."kind"::"ChatEventKind", e."payload", ${now}
    FROM unnest(${userIds}::uuid[], ${kinds}::text[], ${payloads}::jsonb[]) WITH ORDINALITY AS e("userId", "kind", "payload", "n")
    ORDER BY e."n"`;
  await notifyUsers(tx, userIds);
}

const PAGE = 100;

/** The user's next events after `afterId`, oldest first, at most a hundred. */
export async function eventsAfter(prisma: PrismaClient, userId: string, afterId: bigint) {
  const rows = await prisma.chatEvent.findMany({
    where: { userId, id: { gt: afterId } },
    orderBy: { id: 'asc' },
    take: PAGE,
    select: { id: true, kind: true, payload: true },
  });
  return {
    events: rows.map((row) => ({ id: row.id, event: chatEvent.parse(Object.assign({}, row.payload, { kind: row.kind })) })),
    more: rows.length === PAGE,
  };
}

/** The id of the user's latest event (0 if none): where a new stream starts. */
export async function latestEventId(prisma: PrismaClient, userId: string): Promise<bigint> {
  const latest = await prisma.chatEvent.findFirst({ where: { userId }, orderBy: { id: 'desc' }, select: { id: true } });
  return latest?.id ?? 0n;
}

/** How long events are kept: a stream that resumes later than this gets what is left. */
const EVENT_RETENTION_MS = 7 * 24 * 60 * 60_000;
const pruneDue = dueEvery(60 * 60_000);

/** At most hourly per process, deletes the events older than the retention. */
export async function pruneEvents(prisma: PrismaClient, now: Date): Promise<void> {
  if (!pruneDue(now)) return;
  await prisma.chatEvent.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - EVENT_RETENTION_MS) } } });
}
