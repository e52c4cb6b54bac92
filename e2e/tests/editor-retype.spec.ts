// The seed article retyped from scratch with the keyboard, as an editor would: headline, body,
// the note on "Taliban*", the same note reused on "(Daesh)*", the related links; then published
// and read on the public page.
import { readFileSync } from 'node:fs';
import { createDb } from '@newsroom/db';
import { expect, type Page, test } from '@playwright/test';
import { body, expectSaved, logIn } from './newsroom-helpers';

interface SeedText {
  paragraphs: string[];
  note: string;
  related: string[];
}

/** e2e/fixtures/seed-article.txt is a copy of the article as published (shared/fixtures). */
function readSeedText(): SeedText {
  const lines = readFileSync(new URL('../fixtures/seed-article.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const bodyStart = lines.indexOf('Get short URL') + 1;
  const noteLine = lines.findIndex((line) => line.startsWith('* '));
  return {
    paragraphs: lines.slice(bodyStart, noteLine),
    note: lines[noteLine]!.slice(2),
    related: lines.slice(noteLine + 1, -1), // the last line is the page's "Community standards"
  };
}

// The .txt is the page as readers saw it, without the headline and standfirst.
const HEADLINE = 'Pentagon Report Says Russia Likely Supports US-Taliban Reconciliation';
const STANDFIRST =
  'A new Pentagon report to US lawmakers says Russia “very likely” backs US-Taliban reconciliation.';

/**
 * Types a paragraph; at each "*" the first one inserts a new note (Mod-Alt-F, type it, Escape
 * back to the text) and later ones reference that note through the existing-note picker.
 */
async function typeParagraph(page: Page, paragraph: string, note: string, noteExists: boolean) {
  const [first, ...rest] = paragraph.split('*');
  await page.keyboard.type(first!);
  for (const part of rest) {
    if (!noteExists) {
      await page.keyboard.press('ControlOrMeta+Alt+F');
      await page.keyboard.type(note);
      await page.keyboard.press('Escape');
      noteExists = true;
    } else {
      await page.getByRole('button', { name: 'Reuse note' }).click();
      const choice = page.getByRole('listbox', { name: 'Notes' });
      await expect(choice.getByRole('option', { selected: true })).toContainText(note);
      await expect(choice.getByRole('option')).toHaveCount(1);
      await page.keyboard.press('Enter');
      await expect(choice).toBeHidden();
    }
    await page.keyboard.type(part);
  }
  return noteExists;
}

test.describe.serial('the seed article, retyped', () => {
  const seed = readSeedText();
  let articleId: string | undefined;
  let readerPath: string | undefined;

  test.afterAll(async () => {
    // Other journeys share this database and look for the seed's headline: leave it as it was.
    if (!articleId) return;
    const db = createDb(process.env.DATABASE_URL);
    await db.article.deleteMany({ where: { id: articleId } });
    await db.$disconnect();
  });

  test('retype it with the keyboard, note and reused note included, and publish it', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    expect(seed.paragraphs).toHaveLength(7);
    expect(seed.related).toHaveLength(4);

    await logIn(page);
    await page.goto('/newsroom/articles/new');
    await page.getByLabel('Headline').click();
    await page.keyboard.type(HEADLINE);
    await page.getByLabel('Section').selectOption({ label: 'Military & Intelligence' });
    await page.getByRole('button', { name: 'Create draft' }).click();
    // The new article's edit page (the form itself lives at …/articles/new).
    await expect(page).toHaveURL(/\/newsroom\/articles\/(?!new$)[^/]+$/);
    articleId = page.url().split('/').pop();

    await page.getByLabel('Footnote markers').selectOption('symbols');
    await page.getByLabel('Dateline (GMT)').fill('2021-04-14T07:00');
    await page.getByLabel('Standfirst').click();
    await page.keyboard.type(STANDFIRST);

    const editor = page.getByRole('textbox', { name: 'Article body' });
    await editor.click();
    let noteExists = false;
    for (const [index, paragraph] of seed.paragraphs.entries()) {
      if (index > 0) await page.keyboard.press('Enter');
      noteExists = await typeParagraph(page, paragraph, seed.note, noteExists);
    }

    // Live markers in the editor: two references to one note, both "*".
    const references = editor.locator('sup.footnote-reference');
    await expect(references).toHaveCount(2);
    for (const reference of await references.all()) {
      await expect(reference).toHaveAttribute('data-marker', '*');
    }
    const notes = editor.locator('li.footnote');
    await expect(notes).toHaveCount(1);
    await expect(notes).toHaveText(seed.note);
    await expect(notes).toHaveAttribute('data-marker', '*');
    await expect(body(page)).toContainText(seed.paragraphs[6]!);

    for (const title of seed.related) {
      await page.getByLabel('Find a published article').fill(title.slice(0, 40));
      await page.getByRole('button', { name: `Add: ${title}` }).click();
    }
    await expect(page.locator('.related-list .related-title')).toHaveText(seed.related);
    await expectSaved(page);

    // The preview is the shared renderer: what readers will get.
    await page.getByRole('button', { name: 'Show preview' }).click();
    const preview = page.getByTestId('preview');
    await expect(preview.locator('[role="doc-noteref"]')).toHaveText(['*', '*']);
    await expect(preview.locator('[role="doc-endnotes"] li')).toHaveCount(1);
    await expect(preview.locator('[role="doc-endnotes"] li')).toContainText(seed.note);
    for (const paragraph of seed.paragraphs) {
      await expect(preview.locator('.article-body')).toContainText(paragraph);
    }

    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.locator('.editor-notice')).toHaveText('Published.');
    readerPath = (await page.getByRole('link', { name: 'View on site' }).getAttribute('href'))!;
    expect(readerPath).toMatch(/^\/military-intelligence\//);
    await page.goto(readerPath);
    await expect(page.getByRole('heading', { level: 1, name: HEADLINE })).toBeVisible();
  });

  test('readers see it with two "*" markers, one note and the related links, and can share it', async ({
    page,
  }) => {
    await page.goto(readerPath!);
    await expect(page.getByRole('heading', { level: 1, name: HEADLINE })).toBeVisible();
    await expect(page.locator('[role="doc-noteref"]')).toHaveText(['*', '*']);
    const endnotes = page.locator('[role="doc-endnotes"] li');
    await expect(endnotes).toHaveCount(1);
    await expect(endnotes).toContainText(seed.note);
    for (const paragraph of seed.paragraphs) {
      await expect(page.locator('article')).toContainText(paragraph);
    }
    for (const title of seed.related) {
      await expect(page.getByRole('link', { name: title })).toBeVisible();
    }

    await page.getByRole('button', { name: 'Get short URL' }).click();
    const shortUrlField = page.getByRole('textbox', { name: 'Short URL' });
    await expect(shortUrlField).toBeVisible();
    const shortUrl = await shortUrlField.inputValue();
    expect(shortUrl).toMatch(new RegExp(`^${process.env.SHORTENER_URL}/[A-Za-z0-9]{8}$`));
    await page.goto(shortUrl);
    await expect(page).toHaveURL(new RegExp(`${readerPath}$`));
    await expect(page.getByRole('heading', { level: 1, name: HEADLINE })).toBeVisible();
  });
});
