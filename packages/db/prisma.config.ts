import { defineConfig } from 'prisma/config';

// Used by the Prisma CLI (generate; and migrate/studio on machines that can download
// Prisma's native engine). The app itself never reads this file.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
