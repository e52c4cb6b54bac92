// Page 2 of the home page and of a section's list is canonical to itself, with its own title and
// og:url (page 1 as canonical told search engines to drop the older pages); `?page=1` is page 1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE } from '@newsroom/publishing';
import {
  createPublishedArticle,
  createTestDatabase,
  type TestDatabase,
} from '@newsroom/db/testing';
import { startApp, type AppServer } from '@newsroom/testing';

const SITE = 'https://news.example';
let testDb: TestDatabase;
let editor: AppServer;

beforeAll(async () => {
  testDb = await createTestDatabase();
  for (let index = 0; index <= DEFAULT_PAGE_SIZE; index++)
    await createPublishedArticle(testDb.db, `listed-${index}`);
  editor = await startApp('editor', testDb.url, { env: { EDITOR_URL: SITE } });
});

afterAll(async () => {
  await editor?.stop();
  await testDb?.cleanup();
});

async function head(path: string) {
  const response = await fetch(new URL(path, editor.url));
  expect(response.status, path).toBe(200);
  const html = await response.text();
  const attribute = (pattern: RegExp) => pattern.exec(html)?.[1];
  return {
    title: attribute(/<title>([^<]*)<\/title>/),
    canonical: attribute(/<link rel="canonical" href="([^"]*)"/),
    ogUrl: attribute(/<meta property="og:url" content="([^"]*)"/),
  };
}

describe('list pages', () => {
  it('page 2 is canonical to itself, with its own title', async () => {
    expect(await head('/?page=2')).toEqual({
      title: 'Newsroom – page 2',
      canonical: `${SITE}/?page=2`,
      ogUrl: `${SITE}/?page=2`,
    });
    expect(await head('/world?page=2')).toEqual({
      title: 'World – page 2 | Newsroom',
      canonical: `${SITE}/world?page=2`,
      ogUrl: `${SITE}/world?page=2`,
    });
  });

  it('page 1, with or without ?page=1, is canonical to the list itself', async () => {
    for (const path of ['/', '/?page=1'])
      expect(await head(path)).toEqual({
        title: 'Newsroom',
        canonical: `${SITE}/`,
        ogUrl: `${SITE}/`,
      });
    expect(await head('/world?page=1')).toMatchObject({
      title: 'World | Newsroom',
      canonical: `${SITE}/world`,
    });
  });
});
