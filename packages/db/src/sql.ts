import type { Prisma, PrismaClient } from './client.js';

/**
 * SQL straight to the database driver (pg, or PGlite), for the hot paths (search, map
 * clusters, posting a listing): the same statement through Prisma's $queryRaw costs about twice
 * the server's CPU time per call, measured at 1,000,000 listings. Each statement runs on its
 * own, outside any transaction (a write here is one atomic statement). Statements are Prisma.sql
 * templates, so their values stay bound parameters.
 *
 * Results come as the driver decodes them: select timestamps as `timestamptz` (e.g.
 * `"createdAt" AT TIME ZONE 'UTC'`), as the columns hold UTC without a zone, so they decode
 * the same whatever the server's time zone.
 */
export interface SqlClient {
  /**
   * `prepare`: keep the statement prepared on its connection, so PostgreSQL may reuse one plan
   * for it. Only for statements whose best plan does not depend on their values (equalities,
   * not ranges: a plan for a small map area would be a bad one for the whole country).
   */
  query<Row>(statement: Prisma.Sql, options?: { prepare?: boolean }): Promise<Row[]>;
}

/** Values as the drivers should send them: a Date as its ISO instant (the columns hold UTC). */
export function sqlValues(statement: Prisma.Sql): unknown[] {
  return statement.values.map((value) => (value instanceof Date ? value.toISOString() : value));
}

const clients = new WeakMap<PrismaClient, SqlClient>();

/** Makes `client` the SQL channel of `prisma` (createDb does, for the database it opened). */
export function registerSql(prisma: PrismaClient, client: SqlClient): void {
  clients.set(prisma, client);
}

/** The SQL channel of the database `prisma` is on; through $queryRaw when it has none of its own. */
export function sqlFor(prisma: PrismaClient): SqlClient {
  return (
    clients.get(prisma) ?? {
      query: <Row>(statement: Prisma.Sql) => prisma.$queryRaw<Row[]>(statement),
    }
  );
}
