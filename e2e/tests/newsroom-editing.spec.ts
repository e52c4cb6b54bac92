import { expect, test } from '@playwright/test';
import { body, createArticle, expectSaved, logIn, typeInBody } from './newsroom-helpers';

test('create, write and publish an article; it appears on the home page', async ({ page }) => {
  const headline = `Floods close the valley road ${Date.now()}`;
  await logIn(page);
  await createArticle(page, headline, 'Politics');
  await expect(page.getByLabel('Slug')).toHaveValue(/^floods-close-the-valley-road-\d+$/);
  await page.getByLabel('Standfirst').fill('Heavy rain cut the only road.');
  await typeInBody(page, 'The road was closed on Tuesday morning.');
  await expectSaved(page);

  await page.getByRole('button', { name: 'Show preview' }).click();
  const preview = page.getByTestId('preview');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText(headline);
  await expect(preview.locator('.article-body')).toContainText('The road was closed');

  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.locator('.editor-notice')).toHaveText('Published.');
  await expect(page.locator('.status')).toHaveText('published');
  await expect(page.getByRole('button', { name: 'Unpublish' })).toBeVisible();

  await page.goto('/');
  await expect(page.getByRole('link', { name: headline })).toBeVisible();
});

test('related links: add a published article and an external link, reorder, remove', async ({
  page,
}) => {
  await logIn(page);
  const id = await createArticle(page, `Related links ${Date.now()}`);
  await page.getByLabel('Find a published article').fill('Financial Data');
  await page.getByRole('button', { name: /^Add: US Allegedly Has Financial Data/ }).click();

  await page.getByLabel('External URL').fill('javascript:alert(1)');
  await page.getByLabel('Link title').fill('Bad link');
  await page.getByRole('button', { name: 'Add link' }).click();
  // The server's own check and words (parseLinkAddress in @newsroom/article).
  await expect(page.locator('#external-error')).toHaveText(
    'Use a web address (https://…) or a path on this site (/…)',
  );
  await page.getByLabel('External URL').fill('https://bank.example@evil.example/');
  await page.getByRole('button', { name: 'Add link' }).click();
  await expect(page.locator('#external-error')).toHaveText(
    'Leave the user name and password out of the address',
  );
  await page.getByLabel('External URL').fill('https://example.org/report');
  await page.getByLabel('Link title').fill('The full report');
  await page.getByRole('button', { name: 'Add link' }).click();

  const items = page.locator('.related-list .related-title');
  await expect(items).toHaveText([/US Allegedly Has Financial Data/, 'The full report']);
  await page.getByRole('button', { name: 'Move up: The full report' }).click();
  await expect(items).toHaveText(['The full report', /US Allegedly/]);
  await expectSaved(page);

  await page.goto(`/newsroom/articles/${id}`);
  await expect(items).toHaveText(['The full report', /US Allegedly/]);
  await page.getByRole('button', { name: 'Show preview' }).click();
  const related = page.getByTestId('preview').locator('aside.related a');
  await expect(related).toHaveText(['The full report', /US Allegedly/]);
  await expect(related.first()).toHaveAttribute('href', 'https://example.org/report');

  await page.getByRole('button', { name: 'Remove: The full report' }).click();
  await expect(items).toHaveText([/US Allegedly/]);
  await expectSaved(page);
});

test('history lists revisions and restores one as a new revision', async ({ page }) => {
  await logIn(page);
  await createArticle(page, `History ${Date.now()}`);
  await typeInBody(page, 'First version of the text.');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Publish' }).click(); // publish always records a revision
  await expect(page.locator('.status')).toHaveText('published');

  await body(page).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Second version, which we will regret.');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Unpublish' }).click();
  await expect(page.locator('.status')).toHaveText('draft');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.locator('.status')).toHaveText('published');

  await page.getByRole('button', { name: 'Show history' }).click();
  const rows = page.locator('.revision-list li');
  await expect(rows).toHaveCount(3); // first autosave, two publications
  await expect(rows.first()).toContainText('Published');
  await expect(rows.first()).toContainText('Demo Admin');

  const firstPublication = rows.nth(1);
  await firstPublication.getByRole('button', { name: 'Show' }).click();
  await expect(page.locator('.history-panel .article-body')).toContainText('First version');
  await firstPublication.getByRole('button', { name: 'Restore' }).click();
  await expect(page.locator('.history-panel [role=status]')).toHaveText(/Restored version \d+/);
  await expect(body(page)).toHaveText('First version of the text.');
  await expect(rows).toHaveCount(5); // the restore, and the working copy it replaced
  await expect(rows.first()).toContainText('Restored');
  await expect(rows.nth(1)).toContainText('Before a restore');

  await page.reload();
  await expect(body(page)).toHaveText('First version of the text.');
});
