// Reader pages from the cache, against the real editor (server.ts + Next.js production build) on
// a real database: hits, validators, CDN headers, and invalidation by exactly the changes made
// through the newsroom's API: an update, unpublish, publish, a related article's new headline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import type { EditableArticle } from '@newsroom/editorial';
import { startEditor, type EditorProcess } from '../testing/editor-process';
import {
  createNewsroom,
  insertArticle,
  paragraphs,
  staffClient,
} from '../testing/newsroom-fixtures';

let testDb: TestDatabase;
let editor: EditorProcess;
let newsroom: Awaited<ReturnType<typeof createNewsroom>>;
let staff: ReturnType<typeof staffClient>;
let story: EditableArticle;
let linked: EditableArticle;
let storyPath: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { db } = testDb;
  newsroom = await createNewsroom(db);
  const [storyRow, linkedRow] = [
    await insertArticle(db, {
      authorId: newsroom.editor.id,
      sectionId: newsroom.world.id,
      slug: 'the-story',
      title: 'The story',
      text: 'First version of the text.',
    }),
    await insertArticle(db, {
      authorId: newsroom.editor.id,
      sectionId: newsroom.world.id,
      slug: 'the-linked-story',
      title: 'The linked story',
    }),
    await insertArticle(db, {
      authorId: newsroom.editor.id,
      sectionId: newsroom.politics.id,
      slug: 'a-politics-story',
      title: 'A politics story',
    }),
  ];
  await db.relatedLink.create({
    data: { articleId: storyRow.id, position: 0, targetArticleId: linkedRow.id },
  });
  editor = await startEditor(testDb.url, { TRUSTED_PROXIES: 'loopback' });
  staff = staffClient(editor.url, newsroom.sessionToken);
  story = await staff.get(storyRow.id);
  linked = await staff.get(linkedRow.id);
  storyPath = `/${newsroom.world.slug}/the-story`;
});

afterAll(async () => {
  await editor?.stop();
  await testDb?.cleanup();
});

function get(path: string, headers: Record<string, string> = {}) {
  return fetch(`${editor.url}${path}`, { headers, redirect: 'manual' });
}

/** Asks until the page is served from the cache (the first request renders it). */
async function cached(path: string) {
  await get(path).then((response) => response.arrayBuffer());
  const response = await get(path);
  expect(response.headers.get('x-cache')).toBe('hit');
  return response;
}

describe('reader pages from the cache', () => {
  it('serves an article page from memory after one render, with validators and CDN headers', async () => {
    const first = await get(storyPath);
    const firstHtml = await first.text();
    expect(first.status).toBe(200);
    expect(firstHtml).toContain('First version of the text.');
    const second = await cached(storyPath);
    expect(await second.text()).toBe(firstHtml);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('cache-control')).toMatch(
      /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/,
    );

    const notModified = await get(storyPath, { 'if-none-match': second.headers.get('etag')! });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
  });

  it('gives cached pages a CSP that allows their scripts by hash, never a shared nonce', async () => {
    const response = await cached(storyPath);
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(policy).not.toContain('nonce-');
    expect(await response.text()).not.toContain('nonce=');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toBeNull();
    const overHttps = await get(storyPath, { 'x-forwarded-proto': 'https' });
    expect(overHttps.headers.get('strict-transport-security')).toMatch(/^max-age=/);
  });

  it('an Update through the newsroom is served at once (autosaves are not); pages it does not touch stay cached', async () => {
    const politicsPath = `/${newsroom.politics.slug}`;
    await cached(storyPath);
    await cached(politicsPath);
    const before = (await get(storyPath)).headers.get('etag');

    story = await staff.save(story, { body: paragraphs('Second version of the text.') });
    const afterAutosave = await get(storyPath);
    expect(afterAutosave.headers.get('x-cache')).toBe('hit');
    expect(await afterAutosave.text()).not.toContain('Second version of the text.');
    story = await staff.publish(story);

    const after = await get(storyPath);
    expect(await after.text()).toContain('Second version of the text.');
    expect(after.headers.get('etag')).not.toBe(before);
    expect((await get(politicsPath)).headers.get('x-cache')).toBe('hit');
  });

  it('unpublishing takes the page and its list entries away; publishing brings them back', async () => {
    const worldPath = `/${newsroom.world.slug}`;
    expect(await (await cached('/')).text()).toContain('The story');
    await cached(worldPath);

    story = await staff.unpublish(story);
    expect((await get(storyPath)).status).toBe(404);
    expect(await (await get('/')).text()).not.toContain('The story');
    expect(await (await get(worldPath)).text()).not.toContain('The story');

    story = await staff.publish(story);
    expect((await get(storyPath)).status).toBe(200);
    expect(await (await get('/')).text()).toContain('The story');
    expect(await (await get(worldPath)).text()).toContain('The story');
  });

  it('a new headline on a linked article changes the pages that link it and list it', async () => {
    expect(await (await cached(storyPath)).text()).toContain('The linked story');
    await cached('/');
    await cached(`/${newsroom.politics.slug}/a-politics-story`);

    linked = await staff.publish(await staff.save(linked, { title: 'The linked story, renamed' }));

    expect(await (await get(storyPath)).text()).toContain('The linked story, renamed');
    expect(await (await get('/')).text()).toContain('The linked story, renamed');
    const untouched = await get(`/${newsroom.politics.slug}/a-politics-story`);
    expect(untouched.headers.get('x-cache')).toBe('hit');
  });

  it('a slug change serves the new address and the old one redirects to it', async () => {
    await cached(storyPath);
    story = await staff.publish(await staff.save(story, { slug: 'the-story-renamed' }));
    const renamedPath = `/${newsroom.world.slug}/the-story-renamed`;
    expect((await get(renamedPath)).status).toBe(200);
    const old = await get(storyPath);
    expect(old.status).toBe(308);
    expect(old.headers.get('location')).toBe(renamedPath);
    // A shared link keeps its query string, from an old slug and from a wrong section alike.
    const shared = await get(`${storyPath}?utm_source=tw`);
    expect(shared.status).toBe(308);
    expect(shared.headers.get('location')).toBe(`${renamedPath}?utm_source=tw`);
    const wrongSection = await get(`/${newsroom.politics.slug}/the-story-renamed?utm_source=tw`);
    expect(wrongSection.status).toBe(308);
    expect(wrongSection.headers.get('location')).toBe(`${renamedPath}?utm_source=tw`);
    story = await staff.publish(await staff.save(story, { slug: 'the-story' }));
    expect((await get(storyPath)).status).toBe(200);
  });

  it('an address typed with capitals redirects to the page it names', async () => {
    const worldPath = `/${newsroom.world.slug}`;
    const capitalised = (path: string) => path.toUpperCase();
    const section = await get(`${capitalised(worldPath)}?utm_source=tw`);
    expect([section.status, section.headers.get('location')]).toEqual([
      308,
      `${worldPath}?utm_source=tw`,
    ]);
    const article = await get(capitalised(storyPath));
    expect([article.status, article.headers.get('location')]).toEqual([308, storyPath]);
    expect((await get('/NO-SUCH-SECTION')).status).toBe(404);
  });

  it('leaves newsroom pages to Next.js with a per-response nonce and no framing', async () => {
    const [first, second] = [await get('/newsroom/login'), await get('/newsroom/login')];
    const policy = first.headers.get('content-security-policy')!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(second.headers.get('content-security-policy')).not.toBe(policy);
    expect(first.headers.get('x-frame-options')).toBe('DENY');
    expect(first.headers.get('x-cache')).toBeNull();
  });

  it('serves the site icon where browsers and feed readers look for it', async () => {
    const favicon = await get('/favicon.ico');
    expect([favicon.status, favicon.headers.get('content-type')]).toEqual([200, 'image/x-icon']);
    expect(await (await get('/')).text()).toMatch(/<link rel="icon" href="\/favicon\.ico/);
  });
});

describe('feeds and sitemaps', () => {
  it('carry a validator: an unchanged feed answers 304, a change gives a new one', async () => {
    const worldFeed = `/${newsroom.world.slug}/atom.xml`;
    for (const path of ['/feed.xml', worldFeed, '/sitemap.xml']) {
      const first = await get(path);
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
      const again = await get(path, { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
      expect((await get(path, { 'if-none-match': 'W/"something-else"' })).status).toBe(200);
    }

    const feedEtag = (await get('/feed.xml')).headers.get('etag')!;
    story = await staff.unpublish(story);
    const changed = await get('/feed.xml', { 'if-none-match': feedEtag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(feedEtag);
    expect(await changed.text()).not.toContain('The story');
    story = await staff.publish(story);
  });
});
