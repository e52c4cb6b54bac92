// Publishing you can trust: the live version and the working copy, links that never break,
// scheduled publishing. Every wait is for a state (a response, a text), never a fixed sleep.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { body, createArticle, expectSaved, logIn, typeInBody } from './newsroom-helpers';

const publicationText = (page: Page) => page.getByTestId('publication-text');
const notice = (page: Page) => page.locator('.editor-notice');

async function replaceBody(page: Page, text: string) {
  await body(page).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

async function publishNow(page: Page) {
  await page.getByRole('button', { name: 'Publish now' }).click();
  await expect(notice(page)).toHaveText('Published.');
  await expect(publicationText(page)).toHaveText('Published');
  return (await page.getByRole('link', { name: 'View on site' }).getAttribute('href'))!;
}

async function statusOf(request: APIRequestContext, url: string) {
  return (await request.get(url, { maxRedirects: 0 })).status();
}

test('a live article keeps what readers see until "Update"', async ({ page, context }) => {
  const headline = `Live and working copy ${Date.now()}`;
  await logIn(page);
  const id = await createArticle(page, headline);
  await typeInBody(page, 'The version readers see.');
  await expectSaved(page);
  const readerPath = await publishNow(page);
  // "Publish now" is gone: the outcome has the focus, not the top of the page.
  await expect(notice(page)).toBeFocused();

  const reader = await context.newPage();
  await reader.goto(readerPath);
  await expect(reader.locator('.article-body')).toContainText('The version readers see.');

  await replaceBody(page, 'A half-written sent');
  await expectSaved(page);
  await expect(publicationText(page)).toHaveText('Published, with unpublished changes');

  await reader.reload();
  await expect(reader.locator('.article-body')).toContainText('The version readers see.');
  await expect(reader.locator('.article-body')).not.toContainText('half-written');
  await reader.goto(`/newsroom/articles?q=${encodeURIComponent(headline)}`);
  await expect(reader.locator('.article-table tbody tr')).toContainText(
    'published, with unpublished changes',
  );

  await page.getByRole('button', { name: 'Update' }).click();
  await expect(notice(page)).toHaveText('Updated: readers now see your changes.');
  await expect(publicationText(page)).toHaveText('Published');
  await reader.goto(readerPath);
  await expect(reader.locator('.article-body')).toContainText('A half-written sent');

  // Discard changes: the working copy goes back to the live version.
  await replaceBody(page, 'Text nobody should see');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(notice(page)).toHaveText(/Changes discarded/);
  await expect(body(page)).toContainText('A half-written sent');
  await expect(publicationText(page)).toHaveText('Published');
  expect(id).toBeTruthy();
});

test('renaming a live article: the old URL answers 308 and the short link follows', async ({
  page,
  request,
  baseURL,
}) => {
  const stamp = Date.now();
  await logIn(page);
  const id = await createArticle(page, `Old name ${stamp}`);
  await typeInBody(page, 'An article that will move.');
  await expectSaved(page);
  const oldPath = await publishNow(page);

  const shortLink = await request.post(`/api/articles/${id}/short-link`, {
    headers: { origin: baseURL! },
  });
  expect(shortLink.status()).toBe(200);
  const { shortUrl } = (await shortLink.json()) as { shortUrl: string };

  const newSlug = `new-name-${stamp}`;
  await page.getByLabel('Slug').fill(newSlug);
  await expect(page.getByTestId('address-warning')).toContainText('redirect (308)');
  await expectSaved(page);
  // Saved, not updated: readers still find it where it was.
  expect(await statusOf(request, oldPath)).toBe(200);

  await page.getByRole('button', { name: 'Update' }).click();
  await expect(notice(page)).toHaveText('Updated: readers now see your changes.');
  await expect(page.getByTestId('address-warning')).toHaveCount(0);
  const newPath = oldPath.replace(/[^/]+$/, newSlug);

  const old = await request.get(oldPath, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  expect(new URL(old.headers().location!, 'http://x').pathname).toBe(newPath);

  // The short link reaches the article at its new address (by article id).
  await page.goto(shortUrl);
  await expect(page).toHaveURL(new RegExp(`${newPath}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Old name ${stamp}`);

  // Unpublished: the short link says so (410) instead of leading to a 404. Another instance's
  // cache may keep the old answer for its TTL: wait for the state.
  await page.goto(`/newsroom/articles/${id}`);
  await page.getByRole('button', { name: 'Unpublish' }).click();
  await expect(notice(page)).toHaveText('Unpublished: readers no longer see it.');
  await expect.poll(() => statusOf(request, shortUrl), { timeout: 15_000 }).toBe(410);
  expect(await statusOf(request, oldPath)).toBe(404);

  // Another article cannot take the old slug: its old links must keep working.
  await createArticle(page, `Squatter ${stamp}`);
  await page.getByLabel('Slug').fill(oldPath.split('/').pop()!);
  await expect(page.locator('.save-status')).toContainText('another article uses or has used');
});

test('"Publish at": invisible until its time (page, lists, feeds, sitemaps), then live without anyone pressing anything', async ({
  page,
  request,
  baseURL,
}) => {
  const headline = `Scheduled story ${Date.now()}`;
  await logIn(page);
  const id = await createArticle(page, headline);
  await typeInBody(page, 'Embargoed until the time comes.');
  await expectSaved(page);

  const localInput = (offsetMs: number) =>
    page.evaluate((offset) => {
      const date = new Date(Date.now() + offset);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
    }, offsetMs);
  const publishAt = page.getByLabel('Publish at (your local time)');

  await publishAt.fill(await localInput(-60_000));
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(notice(page)).toContainText('Not scheduled: The publish time');
  await expect(notice(page)).toContainText('is not in the future');

  await publishAt.fill(await localInput(10_000));
  await expect(page.getByTestId('publish-at-gmt')).toContainText('GMT');
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(notice(page)).toHaveText('Scheduled.');
  await expect(publicationText(page)).toContainText('Scheduled for');
  await expect(publicationText(page)).toContainText('your time');

  const slug = await page.getByLabel('Slug').inputValue();
  const path = `/world/${slug}`;
  expect(await statusOf(request, path)).toBe(404);
  expect(
    (
      await request.post(`/api/articles/${id}/short-link`, { headers: { origin: baseURL! } })
    ).status(),
  ).toBe(404);
  // Nowhere public before its time: lists, feeds, sitemaps.
  const publicPlaces = ['/', '/feed.xml', '/atom.xml', '/world/feed.xml', '/news-sitemap.xml'];
  const placesShowing = async () => {
    const showing: string[] = [];
    for (const place of publicPlaces)
      if ((await (await request.get(place)).text()).includes(slug)) showing.push(place);
    return showing;
  };
  expect(await placesShowing()).toEqual([]);

  await expect.poll(() => statusOf(request, path), { timeout: 30_000 }).toBe(200);
  expect(await (await request.get('/')).text()).toContain(headline);
  expect(await placesShowing()).toEqual(publicPlaces);
  await page.reload();
  await expect(publicationText(page)).toHaveText('Published');
});

test.describe('"Publish at" when the clocks change', () => {
  test.use({ timezoneId: 'Europe/London', locale: 'en-GB' });

  test('a time that happens twice asks which; a skipped one says what it becomes', async ({
    page,
  }) => {
    await logIn(page);
    await createArticle(page, `Clock change ${Date.now()}`);
    await typeInBody(page, 'Published when the clocks change.');
    await expectSaved(page);
    const publishAt = page.getByLabel('Publish at (your local time)');

    // 31 October 2027: 01:30 comes once in summer time, then again in winter time. Nothing is
    // chosen for the editor: Schedule waits until they say which.
    await publishAt.fill('2027-10-31T01:30:00');
    const which = page.getByRole('group', { name: /this time happens twice/ });
    const first = which.getByRole('radio', { name: /01:30 BST \(before the change/ });
    const second = which.getByRole('radio', { name: /01:30 GMT \(after the change/ });
    await expect(first).not.toBeChecked();
    await expect(second).not.toBeChecked();
    await expect(page.getByRole('button', { name: 'Schedule' })).toBeDisabled();
    await first.check();
    await expect(page.getByTestId('publish-at-gmt')).toContainText('00:30 GMT');
    await second.check();
    await expect(page.getByTestId('publish-at-gmt')).toContainText('01:30 GMT');
    // Adjusting the minutes keeps the choice.
    await publishAt.fill('2027-10-31T01:45:00');
    await expect(which.getByRole('radio', { name: /01:45 GMT \(after the change/ })).toBeChecked();
    await expect(page.getByTestId('publish-at-gmt')).toContainText('01:45 GMT');
    await page.getByRole('button', { name: 'Schedule' }).click();
    await expect(notice(page)).toHaveText('Scheduled.');
    await expect(publicationText(page)).toContainText('01:45 GMT');

    // 28 March 2027: the clocks go from 01:00 to 02:00.
    await page.getByLabel('Publish at (your local time)').fill('2027-03-28T01:30:00');
    await expect(page.getByRole('status').filter({ hasText: 'clocks go forward' })).toHaveText(
      'The clocks go forward that night: 01:30 does not exist in your time zone on that day. It will be 02:30 your time.',
    );
    await expect(page.getByTestId('publish-at-gmt')).toContainText('01:30 GMT');
  });
});
