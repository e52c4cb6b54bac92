import { expect, test } from '@playwright/test';

const seedHeadline = /Russia Likely Supports US-Taliban Reconciliation/;

test('the home page lists the seeded article and the article page opens', async ({ page }) => {
  await page.goto('/');
  const link = page.getByRole('link', { name: seedHeadline });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/military-intelligence\//);
  await expect(page.getByRole('heading', { level: 1, name: seedHeadline })).toBeVisible();
  await expect(page.getByText('Military & Intelligence').first()).toBeVisible();
});

test('a page that does not exist is a 404', async ({ page }) => {
  const response = await page.goto('/no-such-section/no-such-article');
  expect(response?.status()).toBe(404);
});

test('the shortener says what it is', async ({ page }) => {
  await page.goto(process.env.SHORTENER_URL!);
  await expect(page.getByRole('heading', { name: 'Newsroom short links' })).toBeVisible();
});
