import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findRepoRoot } from './paths';

export const repoPrismaDir = path.join(findRepoRoot(), 'prisma');

/** A temp folder removed by the returned cleanup (call it in afterEach). */
export function makeTempDir(prefix = 'newsroom-db-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A writable copy of prisma/ (schema, both migration folders, snapshot) inside `dir`. */
export function copyPrismaDir(dir: string): string {
  const copy = path.join(dir, 'prisma');
  cpSync(repoPrismaDir, copy, { recursive: true });
  return copy;
}

/** tsx from the workspace root, started directly (npx adds ~0.5 s per call). */
export const tsxBin = path.join(findRepoRoot(), 'node_modules', '.bin', 'tsx');
