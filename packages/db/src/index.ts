// @newsroom/db: the one Prisma client factory shared by the apps, plus offline migrations.
export { createDb, getDb, sqliteClientOf, SQLITE_BUSY_TIMEOUT_MS } from './client';
export type { SqliteDriverClient } from './client';
export type { Db } from './client';
export { escapeLikePattern, pageContainingText, type TextSearchPage } from './text-search';
export { probeDatabase } from './probe';
export { providerOfDb } from './db-provider';
export { isUniqueViolation, isForeignKeyViolation, isRecordNotFound } from './prisma-errors';
export { isPostgres, isSqlite, providerOf, redactUrl } from './provider';
export type { Provider } from './provider';
export { defaultSqliteUrl, findRepoRoot, resolveDatabaseUrl } from './paths';
export { MigrationError } from './migrate/errors';
export type { MigrationProblem } from './migrate/errors';
export { Prisma } from './generated/sqlite/client';
export type {
  ApiKey,
  Article,
  ArticleLive,
  ArticlePath,
  ArticleRevision,
  ClickDay,
  Image,
  RelatedLink,
  Section,
  Session,
  ShortLink,
  User,
} from './generated/sqlite/client';

export { dataDir } from './paths';
