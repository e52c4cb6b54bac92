import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-unavailable';

describe('isDatabaseUnavailable', () => {
  it('recognises unreachable-server errors through their cause chain', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new Error('query failed', { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: 'P1001' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '57P01' }))).toBe(true);
  });

  // Shapes as Prisma 7's libsql adapter reports them (captured from a running client whose
  // SQLite file was made unreadable, read-only, or replaced by another file).
  const sqliteError = (extendedCode: number, message: string) =>
    Object.assign(new Error(`Database error. Message: \`${message}\``), {
      name: 'PrismaClientKnownRequestError',
      code: 'P2039',
      meta: {
        driverAdapterError: {
          name: 'DriverAdapterError',
          cause: { kind: 'sqlite', extendedCode, originalMessage: message, message },
        },
      },
    });

  it('recognises a SQLite file that cannot be opened, written or read', () => {
    for (const [code, message] of [
      [1, 'ConnectionFailed("Unable to open connection to local database /srv/newsroom.db: 14")'],
      [8, 'SQLITE_READONLY: attempt to write a readonly database'],
      [522, 'SQLITE_IOERR: disk I/O error'],
      [26, 'SQLITE_NOTADB: file is not a database'],
      [13, 'SQLITE_FULL: database or disk is full'],
      [5, 'SQLITE_BUSY: database is locked'],
    ] as const)
      expect(isDatabaseUnavailable(sqliteError(code, message)), message).toBe(true);
  });

  it('leaves SQLite errors about the statement alone', () => {
    expect(isDatabaseUnavailable(sqliteError(1, 'SQLITE_ERROR: near "SELEC": syntax error'))).toBe(
      false,
    );
    expect(
      isDatabaseUnavailable(sqliteError(2067, 'SQLITE_CONSTRAINT: UNIQUE constraint failed')),
    ).toBe(false);
  });

  it('leaves bugs and constraint errors alone', () => {
    expect(isDatabaseUnavailable(new TypeError('undefined is not a function'))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('unique'), { code: 'P2002' }))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
