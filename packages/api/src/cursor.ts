import { z } from 'zod';

// Keyset pagination: a cursor names the last row of a page by its sort position, so the
// next page is an index range scan however deep it is, and rows inserted meanwhile never
// shift a page (as OFFSET would). Each list stamps its cursors with its own name, so a
// cursor from another list is refused rather than misread.

const position = z.object({ k: z.string(), createdAt: z.iso.datetime(), id: z.uuid() });
export type Position = { createdAt: Date; id: string };

export function encodeCursor(list: string, row: Position): string {
  return Buffer.from(JSON.stringify({ k: list, createdAt: row.createdAt.toISOString(), id: row.id })).toString('base64url');
}

/** A zod schema that accepts an opaque cursor of `list` and yields its position. */
export function cursorSchema(list: string) {
  return z
    .string()
    .max(200)
    .transform((value, ctx) => {
      try {
        const parsed = position.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
        if (parsed.k !== list) throw new Error('a cursor of another list');
        return { createdAt: new Date(parsed.createdAt), id: parsed.id };
      } catch {
        ctx.addIssue({ code: 'custom', message: 'Invalid cursor: pass back the nextCursor of a previous page' });
        return z.NEVER;
      }
    });
}

/** Rows strictly after `cursor` in (createdAt DESC, id DESC) order. */
export function afterCursor(cursor: Position | undefined) {
  if (!cursor) return {};
  return {
    OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
  };
}

/** The newest-first order every keyset list here uses. */
export const newestFirst = [{ createdAt: 'desc' }, { id: 'desc' }] as const;

/**
 * A page from `limit + 1` rows (the extra one only tells that another page exists, with
 * no count): the first `limit`, and the cursor after the last of them.
 */
export function pageOf<Row>(list: string, rows: Row[], limit: number, position: (row: Row) => Position) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(list, position(last)) : null };
}

/** `limit` and `cursor` of a newest-first list. */
export function pageInput(list: string, defaultLimit = 24) {
  return { limit: z.number().int().min(1).max(50).default(defaultLimit), cursor: cursorSchema(list).optional() };
}
