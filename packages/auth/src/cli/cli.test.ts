// The key commands as an operator runs them: the real script, in a child process, on a real
// database (the same entry point as `npm run apikey:list` / `apikey:revoke`).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import {
  authenticate,
  createApiKey,
  createSession,
  createUser,
  findSessionUser,
  verifyApiKey,
} from '../index';

const run = promisify(execFile);
const packageDir = path.resolve(import.meta.dirname, '../..');

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/cli.ts', ...args],
      {
        cwd: packageDir,
        env: { ...process.env, DATABASE_URL: testDb.url },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('apikey:list and apikey:revoke', () => {
  it('lists keys, revokes one by prefix (idempotently) and says when nothing matches', async () => {
    const { key, record } = await createApiKey(testDb.db, 'nightly-export');

    const listed = await cli('apikey:list');
    expect(listed.code).toBe(0);
    const [header, row] = listed.stdout.trim().split('\n');
    expect(header).toMatch(/^PREFIX\s+NAME\s+SCOPE\s+CREATED\s+LAST USED\s+REVOKED\s+ID$/);
    expect(row).toMatch(
      new RegExp(
        `^${record.prefix}\\s+nightly-export\\s+write\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\s+never\\s+-\\s+${record.id}$`,
      ),
    );
    expect(listed.stdout).not.toContain(key);

    const revoked = await cli('apikey:revoke', record.prefix);
    expect(revoked).toMatchObject({ code: 0 });
    expect(revoked.stdout).toMatch(/^Revoked API key "nightly-export"/);
    expect(await verifyApiKey(testDb.db, key)).toBeNull();

    const again = await cli('apikey:revoke', record.id);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/was already revoked on .* UTC; nothing changed/);

    const missing = await cli('apikey:revoke', 'nwsk_nothing');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No API key has the prefix or id "nwsk_nothing"/);

    const bare = await cli('apikey:revoke');
    expect(bare.code).toBe(1);
    expect(bare.stderr).toMatch(/Name one key/);
    // Each run starts a process that checks the migrations: seconds each on a busy machine.
  }, 300_000);
});

describe('apikey:create --scope', () => {
  it('makes a read-only key that apikey:list shows as such, and refuses an unknown scope', async () => {
    const created = await cli('apikey:create', '--name', 'dashboard', '--scope', 'read');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^API key "dashboard", scope read \(read-only: /);
    const key = created.stdout.trim().split('\n').at(-1)!;
    expect((await verifyApiKey(testDb.db, key))?.scope).toBe('read');

    const listed = await cli('apikey:list');
    const row = listed.stdout.split('\n').find((line) => /\sdashboard\s/.test(line));
    expect(row).toMatch(/\sdashboard\s+read\s/);

    const before = await testDb.db.apiKey.count();
    const typo = await cli('apikey:create', '--name', 'typo', '--scope', 'readonly');
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/--scope must be one of read, write .*nothing was created/);
    expect(await testDb.db.apiKey.count()).toBe(before);
  }, 300_000);
});

describe('apikey:create without options', () => {
  it('says what is missing and prints the usage of every command and option', async () => {
    const before = await testDb.db.apiKey.count();
    const bare = await cli('apikey:create');
    expect(bare.code).toBe(1);
    expect(bare.stderr).toMatch(/^Give the key a name: --name <who uses it>\n\nUsage:/);
    expect(bare.stderr).toContain('apikey:create -- --name <who uses it> [--scope read|write]');
    expect(bare.stderr).toContain('--scope defaults to write');
    expect(bare.stderr).toContain('--role writer|editor|admin --password');
    expect(bare.stderr).toContain('apikey:list');
    expect(bare.stderr).toContain('apikey:revoke -- <prefix-or-id>');
    expect(await testDb.db.apiKey.count()).toBe(before);
  }, 300_000);
});

describe('user:create', () => {
  it('creates a member of staff, and says so in words when the email is taken (any case)', async () => {
    const user = ['--name', 'First Admin', '--role', 'admin', '--password', 'tram sorrel quiet 42'];
    const created = await cli('user:create', '--email', 'first@newsroom.test', ...user);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Created admin first@newsroom\.test \(\w+\)/);
    const again = await cli('user:create', '--email', 'FIRST@newsroom.test', ...user);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe('A user with this email already exists: FIRST@newsroom.test');
  }, 300_000);
});

describe('user:password', () => {
  it('sets a new password for someone who forgot theirs and ends their sessions', async () => {
    const user = await createUser(testDb.db, {
      email: 'forgetful@newsroom.test',
      name: 'Forgetful',
      role: 'writer',
      password: 'first long passphrase 1',
    });
    const { token } = await createSession(testDb.db, user.id);
    const weak = await cli(
      'user:password',
      '--email',
      'forgetful@newsroom.test',
      '--password',
      'password12',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/at least 12 characters|common/i);
    const reset = await cli(
      'user:password',
      '--email',
      'Forgetful@newsroom.test',
      '--password',
      'second long passphrase 2',
    );
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(
      /New password set for forgetful@newsroom\.test; 1 session\(s\) ended/,
    );
    expect(
      await authenticate(testDb.db, 'forgetful@newsroom.test', 'second long passphrase 2'),
    ).toMatchObject({ id: user.id });
    expect(
      await authenticate(testDb.db, 'forgetful@newsroom.test', 'first long passphrase 1'),
    ).toBeNull();
    expect(await findSessionUser(testDb.db, token)).toBeNull();
    const unknown = await cli(
      'user:password',
      '--email',
      'nobody@newsroom.test',
      '--password',
      'x',
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No user has the email nobody@newsroom\.test/);
  }, 300_000);
});

describe('a mistyped option', () => {
  it('stops with parseArgs’ message and the usage, not a stack trace', async () => {
    const typo = await cli('user:create', '--emial', 'someone@newsroom.test');
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/^Unknown option '--emial'/);
    expect(typo.stderr).toContain('npm run user:create -- --email');
    expect(typo.stderr).not.toMatch(/\n\s+at /);
  }, 300_000);
});
