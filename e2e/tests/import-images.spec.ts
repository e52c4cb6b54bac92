// "Import a document" with pictures: they arrive as images of the article (stored through the
// upload pipeline), a picture without alt text is flagged and holds publishing back, and the
// reader page shows each as a <figure> with srcset.
import { Document, HeadingLevel, ImageRun, Packer, Paragraph } from 'docx';
import { expect, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import { body, createArticle, expectSaved, logIn } from './newsroom-helpers';

/** Rendering AVIF, WebP and JPEG at several widths takes seconds on a busy 2-core machine. */
const STORED = { timeout: 60_000 };

/** A real picture (gradients), as Word would hold it. */
async function picture(width: number, height: number, format: 'png' | 'jpeg') {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const index = (y * width + x) * 3;
      pixels[index] = (x / width) * 220;
      pixels[index + 1] = (y / height) * 200;
      pixels[index + 2] = 90 + ((x + y) % 40);
    }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  return format === 'png' ? image.png().toBuffer() : image.jpeg().toBuffer();
}

async function docxWithPictures(title: string): Promise<Buffer> {
  const described = new ImageRun({
    type: 'jpg',
    data: await picture(1200, 700, 'jpeg'),
    transformation: { width: 400, height: 240 },
    altText: { name: 'Picture 1', title: '', description: 'Sandbags stacked at a shop door' },
  });
  const undescribed = new ImageRun({
    type: 'png',
    data: await picture(500, 500, 'png'),
    transformation: { width: 200, height: 200 },
  });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
          new Paragraph('The town prepared for the flood.'),
          new Paragraph({ children: [described] }),
          new Paragraph({
            text: 'Shops on Market Street on Sunday. Photo: Ann Lens / Agency',
            style: 'Caption',
          }),
          new Paragraph('The river peaked at noon.'),
          new Paragraph({ children: [undescribed] }),
          new Paragraph('Clean-up begins tomorrow.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

test('importing a .docx with pictures: images in the editor, alt text required before publishing, figures with srcset for readers', async ({
  page,
}) => {
  const title = `Imported pictures ${Date.now()}`;
  await logIn(page);
  await page.goto('/newsroom/articles/import');
  const form = page.getByRole('form', { name: 'Import a document' });
  await form.getByLabel(/Word \(\.docx\)/).setInputFiles({
    name: 'flood.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: await docxWithPictures(title),
  });
  await form.getByLabel('Section').selectOption({ label: 'World' });
  await form.getByRole('button', { name: 'Import as a new draft' }).click();

  // The draft exists; the page says which picture still needs a description.
  const outcome = form.getByRole('status');
  await expect(outcome).toContainText(
    'Image 2 of the article has no alt text: describe it with “Edit image” before publishing',
    STORED,
  );
  await outcome.getByRole('link', { name: 'Open the draft' }).click();
  await expect(page).toHaveURL(/\/newsroom\/articles\/[^/]+$/);
  await expect(page.getByLabel('Headline')).toHaveValue(title);

  const figures = body(page).locator('figure.body-editor-image');
  await expect(figures).toHaveCount(2);
  await expect(figures.nth(0).locator('img')).toHaveAttribute(
    'alt',
    'Sandbags stacked at a shop door',
  );
  await expect(figures.nth(0).locator('.image-caption')).toHaveText(
    'Shops on Market Street on Sunday',
  );
  await expect(figures.nth(0).locator('.image-credit')).toHaveText('Ann Lens / Agency');
  await expect(figures.nth(0).locator('.body-editor-image-alt-needed')).toBeHidden();
  await expect(figures.nth(1).locator('.body-editor-image-alt-needed')).toBeVisible();
  // The caption paragraph went with its picture, out of the text.
  await expect(body(page).locator('p', { hasText: 'Shops on Market Street' })).toHaveCount(0);

  // Publishing waits for the description.
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.locator('.editor-notice')).toHaveText(
    /Not published: .*Image 2 of the article has no alt text/,
  );

  await figures.nth(1).getByRole('button', { name: 'Edit image: no alt text' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit image' });
  await expect(dialog.getByLabel('Alt text (required)')).toHaveValue('');
  await dialog.getByLabel('Alt text (required)').fill('A flood gauge at the river');
  await dialog.getByRole('button', { name: 'Save image' }).click();
  await expect(figures.nth(1).locator('.body-editor-image-alt-needed')).toBeHidden();
  await expectSaved(page);

  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.locator('.editor-notice')).toHaveText('Published.');
  const readerPath = (await page.getByRole('link', { name: 'View on site' }).getAttribute('href'))!;

  await page.goto(readerPath);
  const readerFigures = page.locator('.article-body figure.article-image');
  await expect(readerFigures).toHaveCount(2);
  const first = readerFigures.nth(0);
  await expect(first.locator('source[type="image/avif"]')).toHaveAttribute(
    'srcset',
    /\/media\/images\/[a-z0-9]+\/400\.avif 400w, .*\/1200\.avif 1200w/,
  );
  const img = first.locator('img');
  await expect(img).toHaveAttribute('srcset', /\/400\.jpg 400w/);
  await expect(img).toHaveAttribute('alt', 'Sandbags stacked at a shop door');
  await expect(img).toHaveAttribute('width', '1200');
  await expect(img).toHaveAttribute('height', '700');
  await expect(first.locator('figcaption .image-caption')).toHaveText(
    'Shops on Market Street on Sunday',
  );
  await expect(first.locator('figcaption .image-credit')).toHaveText('Ann Lens / Agency');
  await expect(readerFigures.nth(1).locator('img')).toHaveAttribute(
    'alt',
    'A flood gauge at the river',
  );
  // The browser really loaded a rendition.
  await expect
    .poll(() => img.evaluate((element: HTMLImageElement) => element.naturalWidth))
    .toBeGreaterThan(0);
});

/** A real paste event carrying `text/html` (and `text/plain` when given), as browsers send. */
async function paste(page: Page, html: string, plain = '') {
  await page.evaluate(
    ([markup, text]) => {
      const data = new DataTransfer();
      data.setData('text/html', markup!);
      if (text) data.setData('text/plain', text);
      document
        .querySelector('.ProseMirror')!
        .dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
    },
    [html, plain],
  );
}

test('pasting pictures: a lone data: URL picture goes through the upload dialog; pictures in copied text are named in a notice', async ({
  page,
}) => {
  await logIn(page);
  await createArticle(page, `Pasted pictures ${Date.now()}`);
  await body(page).click();
  await page.keyboard.type('Before the picture.');

  const png = (await picture(600, 400, 'png')).toString('base64');
  await paste(page, `<meta charset="utf-8"><img src="data:image/png;base64,${png}">`);
  const dialog = page.getByRole('dialog', { name: 'Add an image' });
  await dialog.getByLabel('Alt text (required)').fill('A pasted chart');
  await dialog.getByRole('button', { name: 'Upload and insert' }).click();
  await expect(dialog).toHaveCount(0, STORED);
  const figures = body(page).locator('figure.body-editor-image');
  await expect(figures).toHaveCount(1);
  await expect(figures.first().locator('img')).toHaveAttribute('alt', 'A pasted chart');

  // Word's clipboard: the text, and its pictures as local files no page may read.
  await body(page).locator('p').first().click();
  await paste(
    page,
    `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=ProgId content=Word.Document></head><body><p class=MsoNormal>Copied from Word.<o:p></o:p></p><p class=MsoNormal><img width=200 height=100 src="file:///C:/Users/me/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png"></p></body></html>`,
    'Copied from Word.',
  );
  await expect(body(page)).toContainText('Copied from Word.');
  const notice = page.getByRole('status').filter({ hasText: 'Images were left out' });
  await expect(notice).toHaveText(
    /cannot be taken from the clipboard .*import the document instead/,
  );
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);

  // Any other page's HTML: the text comes, and its picture is named as left out, not lost silently.
  await paste(
    page,
    '<p>From a web page.</p><p><img src="https://example.com/photo.jpg" alt="x"></p>',
    'From a web page.',
  );
  await expect(body(page)).toContainText('From a web page.');
  await expect(notice).toHaveText(/Images were left out/);
  await expect(figures).toHaveCount(1);
});
