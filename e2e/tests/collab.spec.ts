import { expect, test } from '@playwright/test';
import type { Locator } from '@playwright/test';
import { body, createArticle, logIn, saveStatus } from './newsroom-helpers';

/** The body's text without the other people's caret labels. */
const bodyText = (editor: Locator) =>
  editor.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collab-caret')) caret.remove();
    return copy.textContent ?? '';
  });

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
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(saveStatus(other)).toHaveText('Saved');
  await expect.poll(() => bodyText(body(page))).toBe(await bodyText(body(other)));

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
  // Chromium's offline mode stalls the open WebSocket rather than closing it: the status
  // says the change has not reached the server yet.
  await expect(saveStatus(page)).toHaveText(/^(Syncing…|Offline: \d+ changes? kept here)$/);
  await page.context().setOffline(false);
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.reload();
  await expect(body(page)).toHaveText('Online words. Offline words.');
});
