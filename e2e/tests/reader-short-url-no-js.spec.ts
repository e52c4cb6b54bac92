// "Get short URL" for every reader: without JavaScript (as before the page hydrates, on a slow
// phone) the button is a form the server answers with the short URL.
import { expect, test } from '@playwright/test';

const shortenerUrl = process.env.SHORTENER_URL!;
const seedHeadline = /Russia Likely Supports US-Taliban Reconciliation/;

test.use({ javaScriptEnabled: false });

test('without JavaScript, a reader gets the short URL from the server and it leads back', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: seedHeadline }).click();
  const articleUrl = page.url();

  await page.getByRole('button', { name: 'Get short URL' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Short URL' })).toBeVisible();
  const shortUrl = await page.getByRole('textbox', { name: 'Short URL' }).inputValue();
  expect(shortUrl).toMatch(new RegExp(`^${shortenerUrl}/[A-Za-z0-9]{8}$`));
  await expect(page.getByRole('link', { name: shortUrl })).toHaveAttribute('href', shortUrl);

  await page.getByRole('link', { name: 'Back to the article' }).click();
  expect(page.url()).toBe(articleUrl);
  // Another reader, same canonical link.
  await page.getByRole('button', { name: 'Get short URL' }).click();
  await expect(page.getByRole('textbox', { name: 'Short URL' })).toHaveValue(shortUrl);

  await page.goto(shortUrl);
  expect(page.url()).toBe(articleUrl);
  await expect(page.getByRole('heading', { level: 1, name: seedHeadline })).toBeVisible();
});
