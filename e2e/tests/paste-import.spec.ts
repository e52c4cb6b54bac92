// Copy from Word and Google Docs, and "Import .docx": notes arrive as notes of our schema, in the
// editor and on the reader page.
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { expect, type Page, test } from '@playwright/test';
import { body, createArticle, expectSaved, logIn } from './newsroom-helpers';

const references = (page: Page) => body(page).locator('sup.footnote-reference');
const notes = (page: Page) => body(page).locator('li.footnote');

/** Word's clipboard shape (shared/notes/paste-formats.md), trimmed to what matters here. */
function wordClipboard(paragraph: string, noteTexts: string[]): string {
  const reference = (n: number) =>
    `<a style='mso-footnote-id:ftn${n}' href="#_ftn${n}" name="_ftnref${n}" title=""><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference>[${n}]</span><![endif]></span></span></a>`;
  const noteBlocks = noteTexts
    .map(
      (text, index) =>
        `<div style='mso-element:footnote' id=ftn${index + 1}><p class=MsoFootnoteText><a style='mso-footnote-id:ftn${index + 1}' href="#_ftnref${index + 1}" name="_ftn${index + 1}" title=""><span class=MsoFootnoteReference>[${index + 1}]</span></a> ${text}<o:p></o:p></p></div>`,
    )
    .join('');
  const text = paragraph.replace(/\{(\d)\}/g, (_, n: string) => reference(Number(n)));
  return `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta name=ProgId content=Word.Document><style><!-- p.MsoNormal {margin:0cm} --></style></head><body lang=EN-GB><!--StartFragment--><p class=MsoNormal>${text}<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width="33%"><![endif]>${noteBlocks}</div><!--EndFragment--></body></html>`;
}

/** A real paste event, as the browser sends one: a ClipboardEvent carrying text/html. */
async function pasteHtml(page: Page, html: string) {
  await page.evaluate((markup) => {
    const data = new DataTransfer();
    data.setData('text/html', markup);
    data.setData('text/plain', 'plain text fallback');
    const target = document.querySelector('.ProseMirror')!;
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, html);
}

async function publishAndOpenReaderPage(page: Page, headline: string) {
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.locator('.status')).toHaveText('published');
  await page.goto('/');
  await page.getByRole('link', { name: headline }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
}

test('pasting Word HTML with two footnotes gives two notes, in the editor and on the reader page', async ({
  page,
}) => {
  const headline = `Pasted from Word ${Date.now()}`;
  await logIn(page);
  await createArticle(page, headline);
  await page.getByLabel('Footnote markers').selectOption('numeric');
  await body(page).click();
  await pasteHtml(
    page,
    wordClipboard('The Taliban{1} and <b>Daesh</b>{2} were named.', [
      'Outlawed in <i>Russia</i>.',
      'Second source.',
    ]),
  );

  await expect(references(page)).toHaveCount(2);
  await expect(references(page).nth(0)).toHaveAttribute('data-marker', '1');
  await expect(references(page).nth(1)).toHaveAttribute('data-marker', '2');
  await expect(notes(page)).toHaveText(['Outlawed in Russia.', 'Second source.']);
  await expect(body(page)).not.toContainText('[1]');
  await expectSaved(page);

  await publishAndOpenReaderPage(page, headline);
  await expect(page.locator('a[role="doc-noteref"]')).toHaveText(['1', '2']);
  const readerNotes = page.locator('section[role="doc-endnotes"] li');
  await expect(readerNotes).toHaveCount(2);
  await expect(readerNotes.nth(0)).toContainText('Outlawed in Russia.');
  await expect(readerNotes.nth(0).locator('em')).toHaveText('Russia');
  await expect(readerNotes.nth(1)).toContainText('Second source.');
});

test('pasting Word HTML into a note keeps it inside that note', async ({ page }) => {
  await logIn(page);
  await createArticle(page, `Paste into a note ${Date.now()}`);
  await body(page).click();
  await page.keyboard.type('Text');
  await page.keyboard.press('ControlOrMeta+Alt+F');
  await page.keyboard.type('Note: ');
  await pasteHtml(
    page,
    wordClipboard('<b>first</b> line{1}', ['A note of the note.']).replace(
      '<p class=MsoNormal><o:p>&nbsp;</o:p></p>',
      '<p class=MsoNormal>second line<o:p></o:p></p>',
    ),
  );
  await expect(notes(page)).toHaveCount(1);
  await expect(notes(page)).toHaveText('Note: first linesecond line');
  await expect(notes(page).locator('strong')).toHaveText('first');
  await expect(notes(page).locator('br')).toHaveCount(1);
  await expect(references(page)).toHaveCount(1);
  await expect(body(page).locator('p')).toHaveCount(1);
  // The pasted text's own note ("A note of the note.") cannot come along: said, not lost silently.
  await expect(page.getByRole('status').filter({ hasText: 'own notes were left out' })).toHaveText(
    /The pasted text’s own notes were left out: a note cannot hold notes/,
  );
});

test('Google Docs footnote numbers without their notes: the editor says so', async ({ page }) => {
  await logIn(page);
  await createArticle(page, `Pasted from Google Docs ${Date.now()}`);
  await body(page).click();
  await pasteHtml(
    page,
    `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-0a1b2c3d"><p dir="ltr"><span style="font-weight:700;">Claim</span><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup><span style="font-weight:400;"> stands.</span></p></b>`,
  );
  await expect(body(page)).toContainText('Claim stands.');
  await expect(body(page).locator('strong')).toHaveText('Claim');
  await expect(
    page.getByRole('status').filter({ hasText: 'Footnotes were not copied' }),
  ).toHaveText(/Footnotes were not copied: import the \.docx instead/);
});

async function docxWithTwoNotes(title: string): Promise<Buffer> {
  const document = new Document({
    footnotes: {
      1: { children: [new Paragraph('First note from Word.')] },
      2: {
        children: [
          new Paragraph({
            children: [new TextRun({ text: 'Second', italics: true }), new TextRun(' note.')],
          }),
        ],
      },
    },
    sections: [
      {
        children: [
          new Paragraph({
            text: title,
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
          }),
          new Paragraph({
            children: [
              new TextRun('Imported text'),
              new FootnoteReferenceRun(1),
              new TextRun(' goes on'),
              new FootnoteReferenceRun(2),
              new TextRun('.'),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

test('importing a .docx with notes creates a draft with those notes', async ({ page }) => {
  const title = `Imported from Word ${Date.now()}`;
  await logIn(page);
  await page.goto('/newsroom/articles');
  await page.getByRole('link', { name: 'Import a document' }).click();
  const form = page.getByRole('form', { name: 'Import a document' });
  await form.getByLabel(/Word \(\.docx\)/).setInputFiles({
    name: 'story.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: await docxWithTwoNotes(title),
  });
  await form.getByLabel('Section').selectOption({ label: 'World' });
  await form.getByRole('button', { name: 'Import as a new draft' }).click();

  await expect(page).toHaveURL(/\/newsroom\/articles\/[^/]+$/);
  await expect(page.getByLabel('Headline')).toHaveValue(title);
  await expect(references(page)).toHaveCount(2);
  await expect(notes(page)).toHaveText(['First note from Word.', 'Second note.']);
  await expect(body(page)).toContainText('Imported text goes on.');
});

test('importing a file that is not a document is refused with a message, and no draft appears', async ({
  page,
}) => {
  await logIn(page);
  await page.goto('/newsroom/articles');
  await page.getByRole('link', { name: 'Import a document' }).click();
  const form = page.getByRole('form', { name: 'Import a document' });
  await form.getByLabel(/Word \(\.docx\)/).setInputFiles({
    name: 'photo.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  });
  await form.getByLabel('Section').selectOption({ label: 'World' });
  await form.getByRole('button', { name: 'Import as a new draft' }).click();
  await expect(form.getByRole('alert')).toHaveText(/Import takes a Word document/);
  // Before hydration the form posts without JavaScript and the message comes back in the URL.
  await expect(page).toHaveURL(/\/newsroom\/articles\/import(\?importError=[^&]+)?$/);
  await page.goto('/newsroom/articles?q=photo');
  await expect(page.getByText('No articles match.')).toBeVisible();
});

test('the import form works without JavaScript', async ({ page, browser }) => {
  const title = `Imported without JavaScript ${Date.now()}`;
  await logIn(page);
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const plain = await noScript.newPage();
  await plain.goto('/newsroom/articles/import');
  const form = plain.getByRole('form', { name: 'Import a document' });
  await form.getByLabel(/Word \(\.docx\)/).setInputFiles({
    name: 'story.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: await docxWithTwoNotes(title),
  });
  await form.getByLabel('Section').selectOption({ label: 'World' });
  await form.getByRole('button', { name: 'Import as a new draft' }).click();
  await expect(plain).toHaveURL(/\/newsroom\/articles\/[^/]+$/);
  const id = plain.url().split('/').pop()!;
  await noScript.close();

  await page.goto(`/newsroom/articles/${id}`);
  await expect(page.getByLabel('Headline')).toHaveValue(title);
  await expect(notes(page)).toHaveCount(2);
});
