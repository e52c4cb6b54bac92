// Deleting a draft that was never published: asked in place, then gone from the list; an
// article readers have seen offers no delete at all. Every wait is for a state, never a sleep.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  body,
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

/** A JSON request from the page (same origin, its session), as the edit page makes them. */
function callApi(page: Page, method: string, url: string, payload: unknown) {
  return page.evaluate(
    async ({ method, url, payload }) => {
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
      return { status: response.status, body: await response.json() };
    },
    { method, url, payload },
  );
}

/** `DELETE /api/newsroom/articles/<id>` from the page. */
const deleteOverApi = (page: Page, id: string, baseVersion: number) =>
  callApi(page, 'DELETE', `/api/newsroom/articles/${encodeURIComponent(id)}`, { baseVersion });

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

test("deleting a draft takes it out of another open article's related list, which keeps saving", async ({
  page,
}) => {
  // The edit page saving over the REST API (no collaboration server runs in this spec); the
  // co-editing path is covered by packages/collab's collab-server.test.ts.
  const editor = createStaffWithCli('editor');
  await logIn(page, editor);
  const doomedHeadline = `Duplicate import ${Date.now()}`;
  const doomedId = await createArticle(page, doomedHeadline);
  const doomed = (await callApi(page, 'GET', `/api/newsroom/articles/${doomedId}`, undefined)).body
    .article;

  // Another article lists the draft (the API takes any article id the person may see).
  const created = await callApi(page, 'POST', '/api/newsroom/articles', {
    title: `Listing a duplicate ${Date.now()}`,
    sectionId: doomed.sectionId,
  });
  expect(created.status).toBe(201);
  const other = created.body.article;
  const listed = await callApi(page, 'PUT', `/api/newsroom/articles/${other.id}`, {
    baseVersion: other.version,
    title: other.title,
    slug: other.slug,
    sectionId: other.sectionId,
    standfirst: other.standfirst,
    markerStyle: other.markerStyle,
    body: other.body,
    related: [{ articleId: doomedId }, { url: 'https://example.com/', title: 'Elsewhere' }],
  });
  expect(listed.status).toBe(200);
  await page.goto(`/newsroom/articles/${other.id}`);
  const removeDoomed = page.getByRole('button', { name: `Remove: ${doomedHeadline}` });
  await expect(removeDoomed).toBeVisible();

  const current = await callApi(page, 'GET', `/api/newsroom/articles/${doomedId}`, undefined);
  const deleted = await deleteOverApi(page, doomedId, current.body.article.version);
  expect(deleted.status).toBe(200);

  // The page still shows the entry; its next save goes through and the entry goes.
  await typeInBody(page, 'Still writing.');
  await expectSaved(page);
  await expect(removeDoomed).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove: Elsewhere' })).toBeVisible();
  await page.reload();
  await expect(body(page)).toContainText('Still writing.');
  await expect(page.getByRole('button', { name: 'Remove: Elsewhere' })).toBeVisible();
  await expect(removeDoomed).toHaveCount(0);
});
