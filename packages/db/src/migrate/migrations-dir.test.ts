import { describe, expect, it } from 'vitest';
import { nextMigrationFolderName, sanitizeName } from './migrations-dir';

describe('migration folder names', () => {
  const noon = new Date(Date.UTC(2026, 10, 24, 12, 0, 0));

  it('use Prisma’s UTC timestamp prefix', () => {
    expect(nextMigrationFolderName('add_x', [], noon)).toBe('20261124120000_add_x');
  });

  it('never reuse or go before the newest timestamp (two migrations in one second)', () => {
    expect(nextMigrationFolderName('b', ['20261124120000_a'], noon)).toBe('20261124120001_b');
    expect(nextMigrationFolderName('c', ['20261124235959_late'], noon)).toBe('20261125000000_c');
  });

  it('keep only safe characters', () => {
    expect(sanitizeName(' Add nickname! ')).toBe('add_nickname');
    expect(() => sanitizeName('!!!')).toThrow(/Invalid migration name/);
  });
});
