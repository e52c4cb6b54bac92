import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The monorepo root: the nearest folder holding `turbo.json`, searched upwards from the
 * current working directory first. In a Next.js server bundle `import.meta.url` points
 * into `.next/`, not at this source file, while every npm/turbo/Next command runs with a
 * cwd inside the repository, so cwd is the reliable starting point. The module location
 * is only a fallback (e.g. a script started from outside the repository).
 */
export function findRepoRoot(startDir: string = process.cwd()): string {
  const fromCwd = findUpwards(startDir, 'turbo.json');
  if (fromCwd) return fromCwd;
  const fromModule = findUpwards(moduleDir(), 'turbo.json');
  if (fromModule) return fromModule;
  throw new Error(
    `Cannot find the Newsroom repository root (a folder containing turbo.json) above ${startDir}. ` +
      'Run the command inside the repository or set DATABASE_URL / NEWSROOM_DATA_DIR explicitly.',
  );
}

function findUpwards(startDir: string, marker: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    if (existsSync(path.join(dir, marker))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function moduleDir(): string {
  try {
    return path.dirname(fileURLToPath(import.meta.url));
  } catch {
    return process.cwd();
  }
}

/** `prisma/` of the repository; `NEWSROOM_PRISMA_DIR` points elsewhere (tests use a copy). */
export function prismaDir(): string {
  const override = process.env.NEWSROOM_PRISMA_DIR;
  return override ? path.resolve(override) : path.join(findRepoRoot(), 'prisma');
}

/** Where the zero-setup SQLite file lives: `<repo>/data`, or `NEWSROOM_DATA_DIR`. */
export function dataDir(): string {
  const override = process.env.NEWSROOM_DATA_DIR;
  return override ? path.resolve(override) : path.join(findRepoRoot(), 'data');
}

export function defaultSqliteUrl(): string {
  return `file:${path.join(dataDir(), 'newsroom.db')}`;
}

/** DATABASE_URL when set (and not empty), otherwise the zero-setup SQLite file. */
export function resolveDatabaseUrl(url?: string): string {
  const explicit = url ?? process.env.DATABASE_URL;
  return explicit && explicit.trim() !== '' ? fromRepoRoot(explicit.trim()) : defaultSqliteUrl();
}

/**
 * A relative SQLite path (`file:data/x.db`) is taken from the repository root, like the default
 * file: npm runs every workspace's script in that workspace's folder, so taken from the working
 * directory it was a different database for the editor, the shortener and each command.
 */
function fromRepoRoot(url: string): string {
  const file = url.startsWith('file:') ? url.slice('file:'.length) : '';
  if (file === '' || file.startsWith('/') || file.startsWith(':')) return url;
  return `file:${path.join(findRepoRoot(), file)}`;
}
