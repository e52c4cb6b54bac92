// The Content-Security-Policy lets our own pages work and nothing else: cached reader pages (scripts
// allowed by hash) hydrate and enhance "Get short URL"; newsroom pages (scripts by nonce) load the
// editor. Chromium reports every blocked script or style, and there must be none.
import { expect, test, type Page } from '@playwright/test';
import { getShortUrlOnPage, logIn, openFromNewsroomList } from './newsroom-helpers';

const seedHeadline = /Russia Likely Supports US-Taliban Reconciliation/;

function collectViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test('cached reader pages hydrate under their hash-only policy', async ({ page }) => {
  const violations = collectViolations(page);
  await page.goto('/');
  await page.reload(); // the second answer comes from the cache
  await page.getByRole('link', { name: seedHeadline }).click();
  await page.reload();
  const articleUrl = page.url();

  // Taken over by script: the short URL appears on the article page itself.
  await getShortUrlOnPage(page);
  await expect(page.getByRole('textbox', { name: 'Short URL' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
  expect(page.url()).toBe(articleUrl);
  expect(violations).toEqual([]);
});

test('newsroom pages run their scripts by nonce', async ({ page }) => {
  const violations = collectViolations(page);
  await logIn(page);
  await openFromNewsroomList(page, seedHeadline);
  await expect(page.locator('.ProseMirror').first()).toBeVisible();
  await expect(page.locator('.save-status')).toBeVisible();
  expect(violations).toEqual([]);
});
