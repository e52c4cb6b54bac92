// Feeds and sitemaps: an article appears in them once published, never as a draft.
import { expect, test } from '@playwright/test';
import { createArticle, expectSaved, logIn, typeInBody } from './newsroom-helpers';

test('a published article is in the feeds and sitemaps; a draft is not', async ({
  page,
  request,
}) => {
  const headline = `Feeds carry this ${Date.now()}`;
  await logIn(page);
  await createArticle(page, headline, 'World');
  const slug = await page.getByLabel('Slug').inputValue();
  await typeInBody(page, 'Feed body text.');
  await expectSaved(page);

  const mentions = async (path: string) => (await (await request.get(path)).text()).includes(slug);
  expect(await mentions('/feed.xml')).toBe(false);
  expect(await mentions('/sitemap.xml')).toBe(false);

  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.locator('.status')).toHaveText('published');

  const rss = await request.get('/feed.xml');
  expect(rss.headers()['content-type']).toContain('application/rss+xml');
  expect(rss.headers()['cache-control']).toContain('s-maxage');
  const rssText = await rss.text();
  expect(rssText).toContain(`<title><![CDATA[${headline}]]></title>`);
  expect(rssText).toContain('Feed body text.');
  expect((await request.get('/atom.xml')).headers()['content-type']).toContain(
    'application/atom+xml',
  );
  expect(await mentions('/world/feed.xml')).toBe(true);
  expect(await mentions('/world/atom.xml')).toBe(true);
  expect(await mentions('/sitemap.xml')).toBe(true);
  expect(await mentions('/news-sitemap.xml')).toBe(true);
  expect((await request.get('/no-such-section/feed.xml')).status()).toBe(404);
  expect(await (await request.get('/robots.txt')).text()).toMatch(
    /Sitemap: .*\/sitemap\.xml\nSitemap: .*\/news-sitemap\.xml/,
  );

  await page.goto('/world');
  const alternates = page.locator('link[rel="alternate"][type="application/rss+xml"]');
  await expect(alternates.first()).toHaveAttribute('href', /\/world\/feed\.xml$/);
  await expect(alternates.nth(1)).toHaveAttribute('href', /\/feed\.xml$/);
});
