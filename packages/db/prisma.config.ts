// Prisma CLI configuration (Prisma 7: the datasource URL lives here, not in the schema).
// Only `prisma generate` is used from the CLI; migrations run through the WebAssembly schema
// engine (scripts/migrate.ts), because the CLI would download a native engine, which is
// impossible offline. The env defaults below make even a bare `npx prisma generate` safe.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

const packageDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(packageDir, '../..');

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(packageDir, 'scripts/schema-engine-stub.sh');
process.env.CHECKPOINT_DISABLE ??= '1';
process.env.PRISMA_HIDE_UPDATE_MESSAGE ??= '1';

export default defineConfig({
  schema: path.join(repoRoot, 'prisma/schema.prisma'),
  migrations: { path: path.join(repoRoot, 'prisma/migrations') },
  datasource: {
    url: process.env.DATABASE_URL ?? `file:${path.join(repoRoot, 'data/newsroom.db')}`,
  },
});
