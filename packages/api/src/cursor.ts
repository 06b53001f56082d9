import { z } from 'zod';

// Keyset pagination: a cursor names the last row of a page by its sort position, so the
// next page is an index range scan however deep it is, and rows inserted meanwhile never
// shift a page (as OFFSET would). Each list stamps its cursors with its own name (and a
// search with its sort), so a cursor from elsewhere is refused rather than misread.

const INVALID = 'Invalid cursor: pass back the nextCursor of a previous page';

export function encodeCursor(list: string, position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ k: list, ...position })).toString('base64url');
}

/** A zod schema that accepts an opaque cursor of `list` and yields its position, as `position` parses it. */
export function cursorOf<Position extends z.ZodType>(list: string, position: Position) {
  const stamped = z.object({ k: z.literal(list) });
  return z
    .string()
    .max(300, INVALID)
    .transform((value, ctx): z.output<Position> => {
      try {
        const json: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
        stamped.parse(json);
        return position.parse(json);
      } catch {
        ctx.addIssue({ code: 'custom', message: INVALID });
        return z.NEVER;
      }
    });
}

/** The position in a newest-first list: (createdAt DESC, id DESC). */
const newestPosition = z.object({ createdAt: z.iso.datetime().transform((value) => new Date(value)), id: z.uuid() });
export type Position = { createdAt: Date; id: string };

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
export function pageOf<Row>(list: string, rows: Row[], limit: number, position: (row: Row) => Record<string, unknown>) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(list, position(last)) : null };
}

/** The position of a row in a newest-first list. */
export const newestPositionOf = (row: Position) => ({ createdAt: row.createdAt.toISOString(), id: row.id });

/** `limit` and `cursor` of a newest-first list. */
export function pageInput(list: string, defaultLimit = 24) {
  return { limit: z.number().int().min(1).max(50).default(defaultLimit), cursor: cursorOf(list, newestPosition).optional() };
}
