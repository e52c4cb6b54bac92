/** The two databases Newsroom runs on; everything provider-specific keys off this. */
export type Provider = 'sqlite' | 'postgresql';

export function isPostgres(url: string): boolean {
  return url.startsWith('postgres://') || url.startsWith('postgresql://');
}

export function isSqlite(url: string): boolean {
  return url.startsWith('file:');
}

export function providerOf(url: string): Provider {
  if (isSqlite(url)) return 'sqlite';
  if (isPostgres(url)) return 'postgresql';
  throw new Error(
    `Unsupported DATABASE_URL "${redactUrl(url)}": use "file:/path/to/db.sqlite" for SQLite ` +
      'or "postgres://user:password@host:5432/db" (or postgresql://) for PostgreSQL.',
  );
}

/** Hides the password so URLs can go into error messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]+:)[^/?#]*@/i, '$1***@');
}

/** A SQLite `file:` URL → the file path (query string, if any, dropped). */
export function sqliteFilePath(url: string): string {
  const withoutScheme = url.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
  return withoutScheme.split('?')[0] ?? withoutScheme;
}
