import { z } from 'zod';

// Keyset pagination: a cursor names the last row of a page by its sort position, so the
// next page is an index range scan however deep it is, and rows inserted meanwhile never
// shift a page (as OFFSET would).

const position = z.object({ createdAt: z.iso.datetime(), id: z.uuid() });
export type Position = { createdAt: Date; id: string };

export function encodeCursor(row: Position): string {
  return Buffer.from(JSON.stringify({ createdAt: row.createdAt.toISOString(), id: row.id })).toString('base64url');
}

/** A zod schema that accepts an opaque cursor and yields its position. */
export const cursorSchema = z
  .string()
  .max(200)
  .transform((value, ctx) => {
    try {
      const parsed = position.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
      return { createdAt: new Date(parsed.createdAt), id: parsed.id };
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Invalid cursor: pass back the nextCursor of a previous page' });
      return z.NEVER;
    }
  });

/** Rows strictly after `cursor` in (createdAt DESC, id DESC) order. */
export function afterCursor(cursor: Position | undefined) {
  if (!cursor) return {};
  return {
    OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
  };
}
