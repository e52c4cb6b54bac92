import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPublishedArticle,
  createTestDatabase,
  type TestDatabase,
} from '@newsroom/db/testing';
import { openSharedState, type SharedState } from '@newsroom/shared-state';
import { readShortenerConfig } from '../config';
import { createRedirectHandler } from '../http/redirect-handler';
import { announceArticleLinksChanged } from './article-link-changes';
import { createShortenerRuntime, type ShortenerRuntime } from './shortener-runtime';

let testDb: TestDatabase;
let shared: SharedState;
let runtime: ShortenerRuntime;
let server: Server;
let base: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  runtime = createShortenerRuntime(
    testDb.db,
    readShortenerConfig({
      EDITOR_URL: 'https://news.example/site/',
      SHORTENER_URL: 'https://s.example',
    }),
    (shared = openSharedState({ db: testDb.db, databaseUrl: testDb.url })),
  );
  await shared.ready();
  const handle = createRedirectHandler(runtime, { clientAddress: () => '127.0.0.1' });
  server = createServer((req, res) => {
    if (!handle(req, res)) res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await runtime.clicks.flush();
  await runtime.close();
  await testDb.cleanup();
});

const follow = (code: string) => fetch(`${base}/${code}`, { redirect: 'manual' });

describe("an article's canonical short link", () => {
  it('follows the article to its live URL, and answers 410 while it is not live', async () => {
    const { db } = testDb;
    const article = await createPublishedArticle(db, 'first-name');
    const { link } = await runtime.createLink({
      url: 'https://news.example/site/world/first-name',
      articleId: article.id,
      redirectType: 302,
      expiresAt: null,
    });

    let response = await follow(link.code);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('https://news.example/site/world/first-name');

    // Renamed and moved (what Update writes): the link goes to the new URL, whatever it was made with.
    const politics = await db.section.create({ data: { slug: 'politics', name: 'Politics' } });
    await db.articleLive.update({
      where: { articleId: article.id },
      data: { slug: 'second-name', sectionId: politics.id },
    });
    // What the editor announces after the commit of a live change: the shortener forgets the link.
    await announceArticleLinksChanged(db, shared.changes, article.id);
    await expect
      .poll(async () => (await follow(link.code)).headers.get('location'))
      .toBe('https://news.example/site/politics/second-name');
    response = await follow(link.code);
    expect(response.headers.get('location')).toBe('https://news.example/site/politics/second-name');
    // The API and the staff pages show where it goes now, not the address it was made with.
    const storedLink = await db.shortLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(storedLink.url).toBe('https://news.example/site/world/first-name');
    expect(await runtime.viewOf(storedLink)).toMatchObject({
      url: 'https://news.example/site/politics/second-name',
      redirectsTo: 'https://news.example/site/politics/second-name',
    });
    const other = await db.shortLink.create({
      data: { code: 'plain', codeKey: 'plain', url: 'https://example.com/plain' },
    });
    expect((await runtime.viewsOf([other, storedLink])).map((view) => view.url)).toEqual([
      'https://example.com/plain',
      'https://news.example/site/politics/second-name',
    ]);

    // Unpublished: a clear 410 page, not the reader site's 404.
    await db.articleLive.delete({ where: { articleId: article.id } });
    await announceArticleLinksChanged(db, shared.changes, article.id);
    await expect.poll(async () => (await follow(link.code)).status).toBe(410);
    response = await follow(link.code);
    expect(response.status).toBe(410);
    expect(await response.text()).toContain('not published at the moment');
    // Not live: there is no address now; the one stored when the link was made is shown.
    expect((await runtime.viewOf(storedLink)).url).toBe(
      'https://news.example/site/world/first-name',
    );
    expect((await fetch(`${base}/${link.code}+`)).status).toBe(410);
  });
});
