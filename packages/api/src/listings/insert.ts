import { Prisma, type SqlClient, uuidv7 } from '@estate/db';
import type { z } from 'zod';
import { postCreateInput, postDetailInput } from '../schemas/index.js';
import { uploadIds } from '../uploads/usage.js';

// post.create's write as one statement: the lister's photos locked (FOR SHARE, so a concurrent
// release cannot delete them), the listing with its search document, its details and its
// queued alerts, or nothing when a photo is not the lister's. One statement is atomic on its
// own, so there are no BEGIN and COMMIT round trips, and the search document is written with
// the listing instead of by the details' trigger updating the row just inserted (which ran the
// city and map triggers a second time). Measured with bench:alerts.

// The columns are the schemas' keys, which are the models' field names; jsonb_populate_record
// gives each value its column's type (enums, arrays, numbers).
const listingFields = Object.keys(postCreateInput.shape).filter((key) => key !== 'detail');
const detailFields = Object.keys(postDetailInput.shape);
const columns = (fields: string[], from = '') => Prisma.raw(fields.map((field) => `${from}"${field}"`).join(', '));

/** The new listing's id, or null when one of its uploaded photos is not the lister's (or is gone). */
export async function insertListing(
  sql: SqlClient,
  userId: string,
  input: z.output<typeof postCreateInput>,
  queuedAt: Date,
): Promise<string | null> {
  const { detail, ...listing } = input;
  const uploads = [...new Set(uploadIds(listing.images))];
  const details = JSON.stringify(detail);
  // As Prisma's @default(now()) and @updatedAt would: the server's clock.
  const now = new Date();
  const [row] = await sql.query<{ id: string }>(Prisma.sql`
    WITH owned AS (
      SELECT "id" FROM "Upload" WHERE "id" = ANY(${uploads}::uuid[]) AND "userId" = ${userId}::uuid FOR SHARE
    ),
    listing AS (
      INSERT INTO "Post" ("id", "userId", "cityKey", "search", "createdAt", "updatedAt", ${columns(listingFields)})
      SELECT ${uuidv7(now)}::uuid, ${userId}::uuid, ${listing.city.toLowerCase()},
        estate_search_document(l."title", l."address", l."city", d."desc"), ${now}, ${now}, ${columns(listingFields, 'l.')}
      FROM jsonb_populate_record(NULL::"Post", ${JSON.stringify(listing)}::jsonb) l,
        jsonb_populate_record(NULL::"PostDetail", ${details}::jsonb) d
      WHERE (SELECT count(*) FROM owned) = ${uploads.length}
      RETURNING "id"
    ),
    details AS (
      INSERT INTO "PostDetail" ("id", "postId", ${columns(detailFields)})
      SELECT ${uuidv7(now)}::uuid, listing."id", ${columns(detailFields, 'd.')}
      FROM listing, jsonb_populate_record(NULL::"PostDetail", ${details}::jsonb) d
    ),
    queued AS (
      INSERT INTO "PendingAlert" ("postId", "createdAt") SELECT "id", ${queuedAt} FROM listing
    )
    SELECT "id"::text AS "id" FROM listing`);
  return row?.id ?? null;
}
