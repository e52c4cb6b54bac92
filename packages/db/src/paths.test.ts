import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot, resolveDatabaseUrl } from './paths';

describe('resolveDatabaseUrl', () => {
  it('takes a relative SQLite path from the repository root, whatever the working directory', () => {
    const root = findRepoRoot();
    expect(resolveDatabaseUrl('file:./data/other.db')).toBe(
      `file:${path.join(root, 'data/other.db')}`,
    );
    expect(resolveDatabaseUrl(' file:other.db ')).toBe(`file:${path.join(root, 'other.db')}`);
  });

  it('leaves absolute paths, in-memory databases and PostgreSQL URLs as they are', () => {
    expect(resolveDatabaseUrl('file:/srv/newsroom.db')).toBe('file:/srv/newsroom.db');
    expect(resolveDatabaseUrl('file:///srv/newsroom.db')).toBe('file:///srv/newsroom.db');
    expect(resolveDatabaseUrl('file::memory:')).toBe('file::memory:');
    expect(resolveDatabaseUrl('postgres://u@db/newsroom')).toBe('postgres://u@db/newsroom');
  });
});
