import { expect, test } from '@playwright/test';
import { body, createArticle, logIn, saveStatus } from './newsroom-helpers';

test('two editors type in one paragraph at once and both see the same text', async ({
  page,
  browser,
}) => {
  await logIn(page);
  const id = await createArticle(page, `Together ${Date.now()}`);
  await expect(saveStatus(page)).toHaveText('Saved');

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await logIn(other, undefined, `/newsroom/articles/${id}`);
  await expect(other.getByRole('list', { name: 'Also in this article' })).toBeVisible();

  await body(page).click();
  await page.keyboard.type('Alpha');
  await body(other).click();
  await other.keyboard.press('End');
  await other.keyboard.type('Omega');
  await page.keyboard.type(' beta');

  // Both screens converge on one text holding both people's words.
  await expect(body(page)).toContainText('Omega');
  await expect(body(other)).toContainText('Alpha beta');
  await expect(body(page)).toHaveText((await body(other).textContent()) ?? '');
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(saveStatus(other)).toHaveText('Saved');

  // The working copy (what preview, revisions and Update use) has both, once.
  await page.reload();
  await expect(body(page)).toContainText('Alpha beta');
  await expect(body(page)).toContainText('Omega');
  await otherContext.close();
});

test('text typed while offline is kept in the browser and merged on reconnect', async ({
  page,
}) => {
  await logIn(page);
  await createArticle(page, `Offline together ${Date.now()}`);
  await body(page).click();
  await page.keyboard.type('Online words.');
  await expect(saveStatus(page)).toHaveText('Saved');

  await page.context().setOffline(true);
  await page.keyboard.type(' Offline words.');
  await expect(saveStatus(page)).toHaveText(/^Offline(: \d+ changes? kept here)?$/);
  await page.context().setOffline(false);
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.reload();
  await expect(body(page)).toHaveText('Online words. Offline words.');
});
