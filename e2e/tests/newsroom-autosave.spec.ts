import { expect, test } from '@playwright/test';
import {
  body,
  createArticle,
  expectSaved,
  logIn,
  saveStatus,
  typeInBody,
} from './newsroom-helpers';

test('text typed while offline survives a reload and is saved once back online', async ({
  page,
  browser,
}) => {
  await logIn(page);
  const id = await createArticle(page, `Offline ${Date.now()}`);
  await typeInBody(page, 'Saved before the outage.');
  await expectSaved(page);

  await page.context().setOffline(true);
  await typeInBody(page, ' Written with no network.');
  await expect(saveStatus(page)).toHaveText('Offline, retrying…');

  // The page must load again, but saves must still fail: block only the save API, then reload.
  await page.route(`**/api/newsroom/articles/${id}`, (route) =>
    route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.fallback(),
  );
  await page.context().setOffline(false);
  await page.reload();
  await expect(body(page)).toHaveText('Saved before the outage. Written with no network.');
  await expect(saveStatus(page)).toHaveText('Offline, retrying…');

  await page.unroute(`**/api/newsroom/articles/${id}`);
  await page.context().setOffline(true);
  await page.context().setOffline(false); // the browser's `online` event: retry at once
  await expectSaved(page);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await logIn(other, undefined, `/newsroom/articles/${id}`);
  await expect(body(other)).toHaveText('Saved before the outage. Written with no network.');
  await fresh.close();
});

test('two tabs editing the same article get a conflict, not a lost edit', async ({ page }) => {
  await logIn(page);
  const id = await createArticle(page, `Two tabs ${Date.now()}`);
  const second = await page.context().newPage();
  await second.goto(`/newsroom/articles/${id}`);
  await expect(body(second)).toBeVisible();

  await typeInBody(page, 'Tab one wrote this.');
  await expectSaved(page);
  await typeInBody(second, 'Tab two wrote this.');

  const conflict = second.getByRole('alertdialog');
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(conflict.getByRole('region', { name: 'Your version' })).toContainText(
    'Tab two wrote this.',
  );
  await expect(conflict.getByRole('region', { name: 'Stored version' })).toContainText(
    'Tab one wrote this.',
  );
  await conflict.getByRole('button', { name: /Keep mine/ }).click();
  await expectSaved(second);
  await expect(conflict).toHaveCount(0);

  // Tab one is now behind: its next edit conflicts too, and it takes the stored version.
  await typeInBody(page, ' And more from tab one.');
  const firstConflict = page.getByRole('alertdialog');
  await expect(firstConflict).toBeVisible({ timeout: 15_000 });
  await firstConflict.getByRole('button', { name: /Take the stored version/ }).click();
  await expect(body(page)).toHaveText('Tab two wrote this.');
  await expect(saveStatus(page)).toHaveText('Saved');

  await page.reload();
  await expect(body(page)).toHaveText('Tab two wrote this.');
});
