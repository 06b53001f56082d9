export * from './client.js';
export { type Connection, type ConnectionConfig, openConnection, type SqlSession } from './connection.js';
export { connectionConfig, createDb, createDbOn, type Db, type DbOptions, defaultDataDir, isPostgresUrl } from './create-db.js';
export { type Listen, listenFor, type NotifyHandlers, registerListen } from './listen.js';
export { applyMigrations, type MigrateOptions, type MigrateResult, MigrationError } from './migrate.js';
export { defaultMigrationsDir, readMigrations } from './migrations.js';
export { DataDirError } from './pglite-dir.js';
export * from './seed/index.js';
export { registerSql, type SqlClient, sqlFor, sqlValues } from './sql.js';
