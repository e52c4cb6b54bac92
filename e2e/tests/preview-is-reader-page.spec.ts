// The newsroom's previews are the reader page: same column width and type, rubric and dateline,
// related links resolved the same way, for the live preview and for revisions.
import { expect, test, type Locator } from '@playwright/test';
import {
  createArticle,
  expectSaved,
  logIn,
  openFromNewsroomList,
  typeInBody,
} from './newsroom-helpers';

const seedHeadline = /Russia Likely Supports US-Taliban Reconciliation/;

async function looks(article: Locator) {
  return article.evaluate((element) => {
    const column = element.closest('.reader-column')!;
    const style = (selector: string) => getComputedStyle(element.querySelector(selector)!);
    return {
      columnWidth: getComputedStyle(column).maxWidth,
      bodyFont: style('.article-body').fontFamily,
      bodySize: style('.article-body').fontSize,
      bodyLineHeight: style('.article-body').lineHeight,
      headlineFont: style('.headline').fontFamily,
      headlineSize: style('.headline').fontSize,
      rubric: element.querySelector('.rubric')?.textContent ?? null,
      dateline: element.querySelector('.dateline')?.textContent ?? null,
      related: [...element.querySelectorAll('aside.related a')].map((a) => a.textContent),
    };
  });
}

test('the live preview looks exactly like the reader page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await page.getByRole('link', { name: seedHeadline }).click();
  const reader = await looks(page.locator('article.article'));
  expect(reader.rubric).toBe('Military & Intelligence');
  expect(reader.dateline).toBeTruthy();
  expect(reader.related.length).toBeGreaterThan(0);

  await logIn(page);
  await openFromNewsroomList(page, seedHeadline);
  await page.getByRole('button', { name: 'Show preview' }).click();
  expect(await looks(page.getByTestId('preview').locator('article'))).toEqual(reader);
});

test('a revision is shown as the reader page showed it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await logIn(page);
  const headline = `Revision preview ${Date.now()}`;
  const editUrl = `/newsroom/articles/${await createArticle(page, headline)}`;
  await typeInBody(page, 'What readers read when it was published.');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.locator('.status')).toHaveText('published');

  await page.goto('/');
  await page.getByRole('link', { name: headline }).click();
  const reader = await looks(page.locator('article.article'));
  expect(reader.rubric).toBe('World');

  await page.goto(editUrl);
  await page.getByRole('button', { name: 'Show history' }).click();
  await page.getByRole('button', { name: 'Show', exact: true }).first().click();
  expect(await looks(page.locator('[aria-label^="Revision"] article'))).toEqual(reader);
});
