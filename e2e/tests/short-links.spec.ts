import { expect, test } from '@playwright/test';
import { CLICKS_WRITTEN_WITHIN_MS } from '@newsroom/links/testing';
import { createDb } from '@newsroom/db';
import { getShortUrlOnPage } from './newsroom-helpers';

const shortenerUrl = process.env.SHORTENER_URL!;
const seedHeadline = /Russia Likely Supports US-Taliban Reconciliation/;

test('a reader gets the short URL of an article and it leads back to the article', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: seedHeadline }).click();
  const articleUrl = page.url();

  await getShortUrlOnPage(page);
  const shortUrlField = page.getByRole('textbox', { name: 'Short URL' });
  await expect(shortUrlField).toBeVisible();
  const shortUrl = await shortUrlField.inputValue();
  expect(shortUrl).toMatch(new RegExp(`^${shortenerUrl}/[A-Za-z0-9]{8}$`));
  await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();

  // Asking again (another reader) gives the same canonical link.
  await page.reload();
  await getShortUrlOnPage(page);
  await expect(page.getByRole('textbox', { name: 'Short URL' })).toHaveValue(shortUrl);

  await page.goto(shortUrl);
  expect(page.url()).toBe(articleUrl);
  await expect(page.getByRole('heading', { level: 1, name: seedHeadline })).toBeVisible();

  // Staff see the article's link going where the article lives.
  const code = new URL(shortUrl).pathname.slice(1);
  await page.goto(`${shortenerUrl}/login?next=${encodeURIComponent(`/links/${code}`)}`);
  await page.getByLabel('Email').fill('admin@newsroom.test');
  await page.getByLabel('Password').fill('e2e-admin-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: `Short link /${code}` })).toBeVisible();
  await expect(page.getByTestId('destination')).toHaveText(articleUrl);
  await expect(page.getByTestId('link-status')).toHaveText('active');
});

test('staff create a link, see its QR code and clicks, disable it and it answers 410', async ({
  page,
  request,
}) => {
  await page.goto(`${shortenerUrl}/links`);
  await expect(page).toHaveURL(/\/login\?next=%2Flinks/);
  await page.getByLabel('Email').fill('admin@newsroom.test');
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText(
    'Email or password is incorrect.',
  );
  await page.getByLabel('Password').fill('e2e-admin-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Short links' })).toBeVisible();

  await page.getByRole('link', { name: 'Create a link' }).click();
  await page.getByLabel('Destination URL').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Create short link' }).click();
  await expect(page.getByText('Only http:// and https:// links are allowed')).toBeVisible();
  await page.getByLabel('Destination URL').fill('https://example.com/e2e-campaign');
  await page.getByLabel(/^Alias/).fill('e2e-campaign');
  await page.getByRole('button', { name: 'Create short link' }).click();

  await expect(page.getByRole('heading', { name: 'Short link /e2e-campaign' })).toBeVisible();
  await expect(page.getByText('https://example.com/e2e-campaign').first()).toBeVisible();
  await expect(
    page.getByRole('img', { name: `QR code for ${shortenerUrl}/e2e-campaign` }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'PNG' })).toHaveAttribute(
    'href',
    '/links/e2e-campaign/qr?format=png',
  );
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'SVG' }).click();
  expect((await download).suggestedFilename()).toBe('qr-e2e-campaign.svg');

  // Two human clicks, then the stats show them (clicks are written every 5 s by default).
  const browserUa = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36' };
  for (let index = 0; index < 2; index += 1) {
    const response = await request.get(`${shortenerUrl}/e2e-campaign`, {
      maxRedirects: 0,
      headers: browserUa,
    });
    expect(response.status()).toBe(302);
  }
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('click-total')).toHaveText('2', { timeout: 1_000 });
  }).toPass({ timeout: CLICKS_WRITTEN_WITHIN_MS });
  await expect(
    page.getByRole('img', { name: /Clicks per day over the last 30 days: 2 in total/ }),
  ).toBeVisible();
  // The same figures as a table, for those who cannot see the bars.
  await page.getByText('Table of all 30 days').click();
  const today = new Date().toISOString().slice(0, 10);
  await expect(page.getByRole('row', { name: `${today} 2` })).toBeVisible();

  await page.getByRole('button', { name: 'Disable link' }).click();
  await expect(page.getByTestId('link-status')).toHaveText('disabled');
  const gone = await request.get(`${shortenerUrl}/e2e-campaign`, { maxRedirects: 0 });
  expect(gone.status()).toBe(410);

  await page.getByRole('button', { name: 'Enable link' }).click();
  await expect(page.getByTestId('link-status')).toHaveText('active');
  expect((await request.get(`${shortenerUrl}/e2e-campaign`, { maxRedirects: 0 })).status()).toBe(
    302,
  );
});

test('staff edit a link (destination, UTM, forwarding) and see who changed what', async ({
  page,
  request,
}) => {
  await page.goto(`${shortenerUrl}/login?next=%2Flinks%2Fnew`);
  await page.getByLabel('Email').fill('admin@newsroom.test');
  await page.getByLabel('Password').fill('e2e-admin-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByLabel('Destination URL').fill('https://example.com/e2e-edit');
  await page.getByLabel(/^Alias/).fill('E2E-Edit');
  await page.getByLabel('utm_source').fill('print');
  await page.getByRole('button', { name: 'Create short link' }).click();
  await expect(page.getByRole('heading', { name: 'Short link /E2E-Edit' })).toBeVisible();
  await expect(page.getByTestId('redirects-to')).toHaveText(
    'https://example.com/e2e-edit?utm_source=print',
  );
  await expect(page.getByText('No changes since the link was created.')).toBeVisible();

  // An internal destination is refused with the reason, and nothing changes.
  const edit = page.locator('form', { has: page.getByRole('button', { name: 'Save changes' }) });
  await edit.getByLabel('Destination URL').fill('http://169.254.169.254/latest/meta-data/');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit.getByRole('alert')).toHaveText('Please correct the fields below.');
  await expect(edit.getByText(/internal address/)).toBeVisible();

  await edit.getByLabel('Destination URL').fill('https://example.com/e2e-edited');
  await edit.getByLabel('Redirect type').selectOption('307');
  await edit.getByLabel('utm_campaign').fill('spring');
  await edit.getByLabel("Forward the visitor's query string").uncheck();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toHaveText('Changes saved.');

  const changes = page.getByTestId('link-changes');
  await expect(changes.getByRole('row')).toHaveCount(2);
  await expect(changes).toContainText(
    'Destination: https://example.com/e2e-edit → https://example.com/e2e-edited',
  );
  await expect(changes).toContainText('Redirect type: 302 → 307');
  await expect(changes).toContainText('utm_campaign: (none) → spring');
  await expect(changes).toContainText('Forward query string: yes → no');
  await expect(changes.getByRole('cell').nth(1)).not.toBeEmpty();

  // Any case of the alias, the visitor's query dropped, the UTM fields added.
  const response = await request.get(`${shortenerUrl}/e2e-edit?ref=x`, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toBe(
    'https://example.com/e2e-edited?utm_source=print&utm_campaign=spring',
  );
});

test('a disabled article link is not handed out to readers', async ({ request, baseURL }) => {
  const db = createDb(process.env.DATABASE_URL);
  try {
    const article = await db.article.findFirstOrThrow({
      where: { status: 'published', title: { not: { contains: 'Taliban' } } },
    });
    const ask = () =>
      request.post(`/api/articles/${article.id}/short-link`, { headers: { origin: baseURL! } });
    expect((await ask()).status()).toBe(200);
    const link = await db.shortLink.findFirstOrThrow({ where: { articleId: article.id } });
    await db.shortLink.update({ where: { id: link.id }, data: { disabled: true } });
    try {
      const refused = await ask();
      expect(refused.status()).toBe(410);
      expect((await refused.json()).error).toMatchObject({
        code: 'link_disabled',
        message: expect.stringMatching(/turned off for this article/),
      });
    } finally {
      await db.shortLink.update({ where: { id: link.id }, data: { disabled: false } });
    }
  } finally {
    await db.$disconnect();
  }
});

test('only published articles get a short link', async ({ request, baseURL }) => {
  const db = createDb(process.env.DATABASE_URL);
  try {
    const published = await db.article.findFirstOrThrow({ where: { status: 'published' } });
    const draft = await db.article.create({
      data: {
        slug: `e2e-draft-${Date.now()}`,
        title: 'An unpublished draft',
        body: published.body,
        sectionId: published.sectionId,
        authorId: published.authorId,
        status: 'draft',
      },
    });
    for (const id of [draft.id, 'no-such-article']) {
      // As the page's button sends it: every mutation must carry the site's own Origin.
      const response = await request.post(`/api/articles/${id}/short-link`, {
        headers: { origin: baseURL! },
      });
      expect(response.status()).toBe(404);
      expect((await response.json()).error.message).toMatch(/no published article/);
    }
    expect(await db.shortLink.count({ where: { articleId: draft.id } })).toBe(0);
  } finally {
    await db.$disconnect();
  }
});
