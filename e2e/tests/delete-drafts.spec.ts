// Deleting a draft that was never published: asked in place, then gone from the list; an
// article readers have seen offers no delete at all. Every wait is for a state, never a sleep.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  createArticle,
  createStaffWithCli,
  expectSaved,
  logIn,
  openFromNewsroomList,
  typeInBody,
} from './newsroom-helpers';

/** axe's findings as "rule: selector" lines (the confirmation and the list's notice included). */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
  );
}

const deleteButton = (page: Page) => page.getByRole('button', { name: 'Delete draft' });

/** `DELETE /api/newsroom/articles/<id>` from the page (same origin, its session). */
function deleteOverApi(page: Page, id: string, baseVersion: number) {
  return page.evaluate(
    async ({ id, baseVersion }) => {
      const response = await fetch(`/api/newsroom/articles/${encodeURIComponent(id)}`, {
        method: 'DELETE',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ baseVersion }),
      });
      return { status: response.status, body: await response.json() };
    },
    { id, baseVersion },
  );
}

test('a writer deletes their own draft after confirming; a published article has no delete', async ({
  page,
  browser,
}) => {
  const writer = createStaffWithCli('writer');
  const headline = `Test paste to delete ${Date.now()}`;
  await logIn(page, writer);
  const id = await createArticle(page, headline);
  await typeInBody(page, 'Pasted into the wrong article.');
  await expectSaved(page);

  // Asked in place; "No" and Escape change nothing and put the focus back on the button.
  await deleteButton(page).click();
  await expect(page.getByText('Really delete this draft?')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Yes, delete' })).toBeFocused();
  await page.getByRole('button', { name: 'No, keep it' }).click();
  await expect(deleteButton(page)).toBeFocused();
  await deleteButton(page).click();
  await page.keyboard.press('Escape');
  await expect(deleteButton(page)).toBeFocused();

  await deleteButton(page).click();
  await expect(page.getByRole('group', { name: /Really delete this draft/ })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page).toHaveURL(/\/newsroom\/articles\?deleted=1$/);
  await expect(page.locator('.newsroom-notice')).toHaveText('Draft deleted.');
  expect(await axeViolations(page)).toEqual([]);
  await expect(page.getByRole('link', { name: headline })).toHaveCount(0);
  await page.goto(`/newsroom/articles?q=${encodeURIComponent(headline)}`);
  await expect(page.getByText('No articles match.')).toBeVisible();
  const gone = await page.request.get(`/api/newsroom/articles/${id}`);
  expect(gone.status()).toBe(404);

  // An editor publishes a story: neither the editor nor the writer is offered to delete it,
  // and the API refuses it with the reason.
  const editorContext = await browser.newContext();
  const editorPage = await editorContext.newPage();
  const editor = createStaffWithCli('editor');
  await logIn(editorPage, editor);
  const publishedHeadline = `Published, never deleted ${Date.now()}`;
  const publishedId = await createArticle(editorPage, publishedHeadline);
  await expect(deleteButton(editorPage)).toBeVisible();
  await typeInBody(editorPage, 'Readers have this one.');
  await expectSaved(editorPage);
  await editorPage.getByRole('button', { name: 'Publish now' }).click();
  await expect(editorPage.getByTestId('publication-text')).toHaveText('Published');
  await expect(deleteButton(editorPage)).toHaveCount(0);
  const refused = await deleteOverApi(editorPage, publishedId, 1);
  expect(refused.status).toBe(409);
  expect(refused.body.error.code).toBe('was_published');
  await editorContext.close();

  await openFromNewsroomList(page, new RegExp(publishedHeadline));
  // The writer's page of someone else's published article is read-only: nothing to delete.
  await expect(page.getByText('this article is read-only for you')).toBeVisible();
  await expect(deleteButton(page)).toHaveCount(0);
});
