import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { body, createArticle, expectSaved, logIn, typeInBody } from './newsroom-helpers';

/** A photo-like JPEG (gradients and grain, so it encodes like a photograph). */
async function photo(width: number, height: number, hue: number) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const index = (y * width + x) * 3;
      const grain = (x * 7 + y * 13) % 11;
      pixels[index] = (hue + (x / width) * 150 + grain) & 0xff;
      pixels[index + 1] = ((y / height) * 180 + grain) & 0xff;
      pixels[index + 2] = 120 + Math.round(60 * Math.sin(x / 40) * Math.cos(y / 60));
    }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg()
    .toBuffer();
}

/** Rendering AVIF, WebP and JPEG at four widths takes seconds on a busy 2-core machine. */
const UPLOADED = { timeout: 60_000 };

async function fillImageTexts(
  scope: ReturnType<Page['locator']>,
  texts: { alt: string; caption: string; credit: string },
) {
  await scope.getByLabel('Alt text (required)').fill(texts.alt);
  await scope.getByLabel('Caption').fill(texts.caption);
  await scope.getByLabel('Credit').fill(texts.credit);
}

test('images: upload with alt, caption and credit; a lead image; the reader page shows figures and og:image', async ({
  page,
}) => {
  const headline = `Flood pictures ${Date.now()}`;
  await logIn(page);
  await createArticle(page, headline);
  await page.getByLabel('Standfirst').fill('The valley road, in pictures.');
  await expect(page.getByLabel('Standfirst')).toHaveValue('The valley road, in pictures.');
  await typeInBody(page, 'The water rose overnight.');

  // Button: nothing is uploaded without alt text.
  await page.getByRole('button', { name: 'Insert image' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an image' });
  await dialog.getByLabel('Image file').setInputFiles({
    name: 'road.jpg',
    mimeType: 'image/jpeg',
    buffer: await photo(1700, 1000, 10),
  });
  await dialog.getByRole('button', { name: 'Upload and insert' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/alt text\): it is required/);
  await fillImageTexts(dialog, {
    alt: 'Brown water across the valley road',
    caption: 'The road at dawn',
    credit: 'Ann Lens / Agency',
  });
  await dialog.getByRole('button', { name: 'Upload and insert' }).click();
  await expect(dialog).toHaveCount(0, UPLOADED);
  const figures = body(page).locator('figure.body-editor-image');
  await expect(figures).toHaveCount(1);
  await expect(figures.first().locator('img')).toHaveAttribute(
    'alt',
    'Brown water across the valley road',
  );
  await expect(figures.first()).toContainText('Ann Lens / Agency');

  // Paste an image file: the same dialog opens with the file, asking for its alt text.
  await body(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  const pasted = (await photo(640, 480, 90)).toString('base64');
  await body(page).evaluate((element, base64) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'pasted.jpg', { type: 'image/jpeg' }));
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, pasted);
  const pasteDialog = page.getByRole('dialog', { name: 'Add an image' });
  await expect(pasteDialog).toContainText('pasted.jpg');
  await fillImageTexts(pasteDialog, {
    alt: 'Sandbags at a door',
    caption: '',
    credit: 'Bo Shutter',
  });
  await pasteDialog.getByRole('button', { name: 'Upload and insert' }).click();
  await expect(figures).toHaveCount(2, UPLOADED);

  // Drop an image file onto the text: the same dialog, the image lands where it was dropped.
  const dropped = (await photo(500, 300, 40)).toString('base64');
  await body(page)
    .locator('p')
    .first()
    .evaluate((paragraph, base64) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'dropped.jpg', { type: 'image/jpeg' }));
      const box = paragraph.getBoundingClientRect();
      const at = { clientX: box.left + 5, clientY: box.top + 5, bubbles: true, cancelable: true };
      paragraph.dispatchEvent(new DragEvent('dragover', { ...at, dataTransfer: data }));
      paragraph.dispatchEvent(new DragEvent('drop', { ...at, dataTransfer: data }));
    }, dropped);
  const dropDialog = page.getByRole('dialog', { name: 'Add an image' });
  await expect(dropDialog).toContainText('dropped.jpg');
  await fillImageTexts(dropDialog, { alt: 'A rowing boat in a street', caption: '', credit: '' });
  await dropDialog.getByRole('button', { name: 'Upload and insert' }).click();
  await expect(figures).toHaveCount(3, UPLOADED);
  // Dropped on the first paragraph: it follows that paragraph, before the other images.
  await expect(figures.first().locator('img')).toHaveAttribute('alt', 'A rowing boat in a street');

  // The lead image, from the side panel.
  await page.getByRole('button', { name: 'Add lead image' }).click();
  const leadPanel = page.getByRole('region', { name: 'Lead image' });
  await leadPanel.getByLabel('Lead image file').setInputFiles({
    name: 'lead.jpg',
    mimeType: 'image/jpeg',
    buffer: await photo(2000, 1200, 170),
  });
  await fillImageTexts(leadPanel, {
    alt: 'Aerial view of the flooded valley',
    caption: 'The valley from the air',
    credit: 'Cy Drone / Agency',
  });
  await leadPanel.getByRole('button', { name: 'Upload lead image' }).click();
  await expect(leadPanel.locator('img')).toHaveAttribute(
    'alt',
    'Aerial view of the flooded valley',
    UPLOADED,
  );
  await expectSaved(page);

  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.locator('.editor-notice')).toHaveText('Published.');
  const readerPath = (await page.getByRole('link', { name: 'View on site' }).getAttribute('href'))!;

  await page.goto(readerPath);
  const lead = page.locator('figure.lead-image');
  await expect(lead.locator('img')).toHaveAttribute('alt', 'Aerial view of the flooded valley');
  await expect(lead.locator('img')).not.toHaveAttribute('loading', 'lazy');
  await expect(page.locator('.article-body figure.article-image')).toHaveCount(3);
  const figure = page.locator('.article-body figure.article-image', {
    hasText: 'The road at dawn',
  });
  await expect(figure.locator('source[type="image/avif"]')).toHaveAttribute(
    'srcset',
    /\/media\/images\/[a-z0-9]+\/400\.avif 400w, .*\/1600\.avif 1600w/,
  );
  await expect(figure.locator('source[type="image/webp"]')).toHaveAttribute(
    'srcset',
    /800\.webp 800w/,
  );
  const img = figure.locator('img');
  await expect(img).toHaveAttribute('srcset', /\/400\.jpg 400w/);
  await expect(img).toHaveAttribute('width', '1700');
  await expect(img).toHaveAttribute('height', '1000');
  await expect(img).toHaveAttribute('loading', 'lazy');
  await expect(figure.locator('figcaption .image-caption')).toHaveText('The road at dawn');
  await expect(figure.locator('figcaption .image-credit')).toHaveText('Ann Lens / Agency');
  // The browser really loaded a rendition (it picks the format and width itself).
  await img.scrollIntoViewIfNeeded();
  await expect
    .poll(() => img.evaluate((element: HTMLImageElement) => element.naturalWidth))
    .toBeGreaterThan(0);

  const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(ogImage).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\/images\/[a-z0-9]+\/1200\.jpg$/);
  await expect(page.locator('meta[name="twitter:image"]')).toHaveAttribute('content', ogImage!);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute(
    'content',
    'summary_large_image',
  );
  const jsonLd = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
  ) as { image?: { url: string }[] };
  expect(jsonLd.image?.[0]?.url).toBe(ogImage);

  const file = await page.request.get(ogImage!);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toBe('image/jpeg');
  expect(file.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const served = await sharp(await file.body()).metadata();
  expect(served).toMatchObject({ width: 1200, height: 720, format: 'jpeg' });
  expect(served.exif).toBeUndefined();

  // The home page list shows the lead image too.
  await page.goto('/');
  await expect(
    page.locator('.article-teaser', { hasText: headline }).locator('img'),
  ).toHaveAttribute('alt', 'Aerial view of the flooded valley');
});

test('the upload API refuses SVG (415) and files over the limit (413) with a message', async ({
  page,
  baseURL,
}) => {
  await logIn(page);
  const post = (name: string, mimeType: string, buffer: Buffer) =>
    page.request.post('/api/newsroom/images', {
      headers: { origin: baseURL! },
      multipart: { file: { name, mimeType, buffer }, alt: 'Something' },
    });
  const svg = await post(
    'innocent.jpg',
    'image/jpeg',
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  );
  expect(svg.status()).toBe(415);
  expect(await svg.json()).toEqual({
    error: { code: 'svg_refused', message: expect.stringMatching(/SVG images are not accepted/) },
  });
  const huge = await post('huge.jpg', 'image/jpeg', Buffer.alloc(21 * 1024 * 1024, 1));
  expect(huge.status()).toBe(413);
  expect(await huge.json()).toEqual({
    error: { code: 'too_large', message: expect.stringMatching(/at most 20 MB/) },
  });
  const crossSite = await page.request.post('/api/newsroom/images', {
    headers: { origin: 'https://evil.example' },
    multipart: {
      file: { name: 'a.jpg', mimeType: 'image/jpeg', buffer: await photo(10, 10, 0) },
      alt: 'x',
    },
  });
  expect(crossSite.status()).toBe(403);
});

test('the edit page fits a 390 px phone without sideways scrolling', async ({ page }) => {
  await logIn(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await createArticle(page, `Phone layout ${Date.now()}`);
  await typeInBody(page, 'Written on a phone. '.repeat(20));
  await expectSaved(page);
  const fits = () =>
    page.evaluate(() => {
      const root = document.scrollingElement!;
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
    });
  const edit = await fits();
  expect(edit.scrollWidth).toBeLessThanOrEqual(edit.clientWidth);
  // The writing column is the reader's column at this width.
  const column = await page.locator('.ProseMirror').evaluate((element) => element.clientWidth);
  expect(column).toBe(358);
  await page.getByRole('button', { name: 'Insert image' }).click();
  const dialogFits = await fits();
  expect(dialogFits.scrollWidth).toBeLessThanOrEqual(dialogFits.clientWidth);
});
