import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { READER_PAGES_TOPIC } from '@newsroom/reader-cache';
import { openSharedState } from '@newsroom/shared-state';
import { listSections } from '../articles/list-articles';
import { createSection } from './sections';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.cleanup());

describe('createSection', () => {
  it('makes the address from the name, lists the new section last, and refuses a taken one', async () => {
    const culture = await createSection(testDb.db, { name: '  Culture & Arts ' });
    expect(culture).toMatchObject({ name: 'Culture & Arts', slug: 'culture-arts' });
    await createSection(testDb.db, { name: 'Économie', slug: 'economy' });
    expect((await listSections(testDb.db)).map((section) => section.slug).slice(-2)).toEqual([
      'culture-arts',
      'economy',
    ]);
    await expect(createSection(testDb.db, { name: 'Culture, arts' })).rejects.toMatchObject({
      status: 409,
      message: 'A section already has the address /culture-arts: give another slug',
      errors: [{ path: 'slug', message: expect.stringContaining('/culture-arts') }],
    });
  });

  it('refuses an empty name, a malformed slug and the addresses the sites answer themselves', async () => {
    for (const [input, path] of [
      [{ name: '   ' }, 'name'],
      [{ name: 'World', slug: 'World News' }, 'slug'],
      [{ name: 'Newsroom' }, 'slug'],
      [{ name: 'Pictures', slug: 'media' }, 'slug'],
    ] as const) {
      await expect(createSection(testDb.db, input)).rejects.toMatchObject({
        status: 422,
        errors: [expect.objectContaining({ path })],
      });
    }
  });

  it('refuses a name readers could not see or that breaks the line, as a headline', async () => {
    for (const [name, message] of [
      ['\u200b', /section name has no visible characters/],
      ['Tab\there', /section name on one line/],
      ['Bell\u0007', /control character/i],
    ] as const) {
      await expect(createSection(testDb.db, { name, slug: 'invisible' })).rejects.toMatchObject({
        status: 422,
        errors: [
          expect.objectContaining({ path: 'name', message: expect.stringMatching(message) }),
        ],
      });
    }
  });
});

describe('npm run section:create / section:rename / section:list', () => {
  const run = promisify(execFile);
  const cli = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, DATABASE_URL: testDb.url },
    }).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('creates a section an operator names, lists it, and explains a refusal', async () => {
    const created = await cli('section:create', '--name', 'Sport');
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout).toMatch(/^Created section "Sport" at \/sport \(\w+\)/);
    expect((await cli('section:list')).stdout).toMatch(/^\/sport\tSport\t\w+$/m);
    const refused = await cli('section:create', '--name', 'Sport');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('A section already has the address /sport: give another slug\n');
    // Each run starts a process that checks the migrations: seconds each on a busy machine.
  }, 300_000);

  it('renames a section by its address and tells the running servers over the change bus', async () => {
    // A server's side of the bus on the same database: what its reader-page cache would hear.
    const server = openSharedState({ db: testDb.db, databaseUrl: testDb.url });
    const heard: string[] = [];
    const unsubscribe = server.changes.subscribe(READER_PAGES_TOPIC, (message) =>
      heard.push(message),
    );
    await server.ready();
    try {
      const renamed = await cli('section:rename', '--slug', 'sport', '--name', 'Sports');
      expect(renamed).toMatchObject({ code: 0 });
      expect(renamed.stdout).toBe('Renamed the section at /sport to "Sports"\n');
      expect((await cli('section:list')).stdout).toMatch(/^\/sport\tSports\t\w+$/m);
      await expect
        .poll(() => heard.map((message) => JSON.parse(message)))
        .toContainEqual({
          articleIds: [],
          lists: [],
          sections: true,
        });

      const unknown = await cli('section:rename', '--slug', 'nowhere', '--name', 'X');
      expect(unknown).toMatchObject({ code: 1 });
      expect(unknown.stderr).toContain('The section /nowhere was not found');
      const empty = await cli('section:rename', '--slug', 'sport', '--name', ' ');
      expect(empty.stderr).toContain('name: name is required');
    } finally {
      unsubscribe();
      await server.close();
    }
  }, 300_000);
});
