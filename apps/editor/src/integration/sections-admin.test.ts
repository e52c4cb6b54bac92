// The sections API and page against the real editor (server.ts + the Next.js production build,
// real HTTP, a real database): only admins use them, refusals come in the one error shape, the
// slug never changes, and a rename or a move (from the page or the shell) is on the cached reader
// pages at once.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffWithSessions } from '@newsroom/auth/testing';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import type { SectionAdminView } from '@newsroom/editorial';
import { redirectTarget } from '@newsroom/testing';
import { SECTIONS_API_PATH, SECTIONS_PAGE_PATH, sectionApiPath } from '../newsroom/newsroom-paths';
import { startEditor, type EditorProcess } from '../testing/editor-process';
import { createNewsroom, insertArticle } from '../testing/newsroom-fixtures';

let testDb: TestDatabase;
let editor: EditorProcess;
let newsroom: Awaited<ReturnType<typeof createNewsroom>>;
let cookieOf: Record<string, string>;
let articlePath: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  newsroom = await createNewsroom(testDb.db);
  await insertArticle(testDb.db, {
    authorId: newsroom.editor.id,
    sectionId: newsroom.world.id,
    slug: 'a-world-story',
    title: 'A world story',
  });
  articlePath = `/${newsroom.world.slug}/a-world-story`;
  ({ cookieOf } = await createStaffWithSessions(testDb.db, [
    ['admin', 'admin'],
    ['editor', 'editor'],
    ['writer', 'writer'],
  ]));
  editor = await startEditor(testDb.url);
});

afterAll(async () => {
  await editor?.stop();
  await testDb?.cleanup();
});

function api(method: string, path: string, as: string, body?: unknown, origin = editor.url) {
  return fetch(`${editor.url}${path}`, {
    method,
    headers: {
      cookie: cookieOf[as]!,
      origin,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const get = (path: string) => fetch(`${editor.url}${path}`, { redirect: 'manual' });

/** Asks until the reader page is served from the cache (the first request renders it). */
async function cached(path: string) {
  await get(path).then((response) => response.arrayBuffer());
  const response = await get(path);
  expect(response.headers.get('x-cache')).toBe('hit');
  return response.text();
}

describe('who may manage sections', () => {
  it('refuses editors and writers, on the API and the page, changing nothing', async () => {
    for (const role of ['editor', 'writer']) {
      for (const [method, path, body] of [
        ['GET', SECTIONS_API_PATH, undefined],
        ['POST', SECTIONS_API_PATH, { name: 'Sneaky' }],
        ['PATCH', sectionApiPath(newsroom.world.id), { name: 'Hijacked' }],
      ] as const) {
        const response = await api(method, path, role, body);
        expect(response.status).toBe(403);
        expect((await response.json()).error).toMatchObject({ code: 'forbidden' });
      }
      const page = await fetch(`${editor.url}${SECTIONS_PAGE_PATH}`, {
        headers: { cookie: cookieOf[role]! },
        redirect: 'manual',
      });
      expect(redirectTarget(page, editor.url).pathname).toBe('/newsroom/forbidden');
    }
    const crossSite = await api(
      'PATCH',
      sectionApiPath(newsroom.world.id),
      'admin',
      { name: 'Hijacked' },
      'https://evil.example',
    );
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error).toMatchObject({ code: 'cross_site_request' });
    expect(await testDb.db.section.count({ where: { name: { in: ['Sneaky', 'Hijacked'] } } })).toBe(
      0,
    );
  });

  it('shows admins the page, with the Sections link in the staff nav', async () => {
    const page = await fetch(`${editor.url}${SECTIONS_PAGE_PATH}`, {
      headers: { cookie: cookieOf.admin! },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`href="${SECTIONS_PAGE_PATH}"`);
    expect(html).toContain(`/${newsroom.world.slug}`);
  });
});

describe('the sections API', () => {
  it('adds a section, refusing a taken or reserved address and an empty name by field', async () => {
    const added = await api('POST', SECTIONS_API_PATH, 'admin', { name: 'Science', slug: '' });
    expect(added.status).toBe(201);
    expect((await added.json()).section).toMatchObject({
      slug: 'science',
      name: 'Science',
      articleCount: 0,
    });

    const taken = await api('POST', SECTIONS_API_PATH, 'admin', {
      name: 'Sciences',
      slug: 'science',
    });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toEqual({
      error: {
        code: 'conflict',
        message: 'A section already has the address /science: give another slug',
        fields: { slug: 'A section already has the address /science: give another slug' },
      },
    });
    for (const [body, field] of [
      [{ name: '  ' }, 'name'],
      [{ name: 'Pictures', slug: 'media' }, 'slug'],
      [{ slug: 'nameless' }, 'name'],
    ] as const) {
      const refused = await api('POST', SECTIONS_API_PATH, 'admin', body);
      expect(refused.status).toBe(422);
      expect((await refused.json()).error.fields).toHaveProperty(field);
    }
  });

  it('lists sections in order with their article counts', async () => {
    const response = await api('GET', SECTIONS_API_PATH, 'admin');
    const { sections } = (await response.json()) as { sections: SectionAdminView[] };
    expect(sections.map(({ slug, articleCount }) => [slug, articleCount])).toEqual([
      [newsroom.world.slug, 1],
      [newsroom.politics.slug, 0],
      ['science', 0],
    ]);
  });

  it('renames without touching the slug, and refuses a slug change or an unknown section', async () => {
    const slugChange = await api('PATCH', sectionApiPath(newsroom.world.id), 'admin', {
      slug: 'elsewhere',
    });
    expect(slugChange.status).toBe(422);
    expect((await slugChange.json()).error.fields.slug).toMatch(/slug stays/);
    const unknown = await api('PATCH', sectionApiPath('no-such-section'), 'admin', { name: 'X' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatchObject({ code: 'not_found' });
    const tooLong = await api('PATCH', sectionApiPath(newsroom.world.id), 'admin', {
      name: 'x'.repeat(81),
    });
    expect(tooLong.status).toBe(422);
    expect((await tooLong.json()).error.fields).toHaveProperty('name');
  });
});

describe('the order', () => {
  it('puts a section at a place (0 is first), the others closing up behind it', async () => {
    const science = await testDb.db.section.findUniqueOrThrow({ where: { slug: 'science' } });
    const moved = await api('PATCH', sectionApiPath(science.id), 'admin', { position: 0 });
    expect(moved.status).toBe(200);
    const { sections } = (await (await api('GET', SECTIONS_API_PATH, 'admin')).json()) as {
      sections: SectionAdminView[];
    };
    expect(sections.map((section) => section.slug)).toEqual([
      'science',
      newsroom.world.slug,
      newsroom.politics.slug,
    ]);
    const both = await api('PATCH', sectionApiPath(science.id), 'admin', {
      position: 1,
      move: 'down',
    });
    expect(both.status).toBe(422);
  });
});

describe('reader pages after a section change', () => {
  it('show a new name and a new order at once, on the home, section and article pages', async () => {
    for (const path of ['/', `/${newsroom.world.slug}`, articlePath]) await cached(path);

    const renamed = await api('PATCH', sectionApiPath(newsroom.world.id), 'admin', {
      name: 'World affairs',
    });
    expect(renamed.status).toBe(200);
    expect((await renamed.json()).section).toMatchObject({
      slug: newsroom.world.slug,
      name: 'World affairs',
    });
    for (const path of ['/', `/${newsroom.world.slug}`, articlePath]) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('World affairs');
    }

    for (const path of ['/', articlePath]) await cached(path);
    const moved = await api('PATCH', sectionApiPath(newsroom.world.id), 'admin', { move: 'down' });
    expect(moved.status).toBe(200);
    for (const path of ['/', articlePath]) {
      const html = await (await get(path)).text();
      expect(html.indexOf('>Politics<')).toBeGreaterThan(-1);
      expect(html.indexOf('>Politics<')).toBeLessThan(html.indexOf('>World affairs<'));
    }
  });

  it('show a rename made from the shell (npm run section:rename) once the server hears of it', async () => {
    await cached('/');
    const repoRoot = path.resolve(import.meta.dirname, '../../../..');
    await promisify(execFile)(
      'npm',
      ['run', 'section:rename', '--', '--slug', newsroom.politics.slug, '--name', 'Politics today'],
      { cwd: repoRoot, env: { ...process.env, DATABASE_URL: testDb.url } },
    );
    // The script wrote the change to the bus; the server reads it a few times a second.
    await expect
      .poll(
        async () => (await get('/').then((response) => response.text())).includes('Politics today'),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
    // Each run starts a process that checks the migrations: seconds on a busy machine.
  }, 300_000);
});
