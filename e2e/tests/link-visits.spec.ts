import { expect, test } from '@playwright/test';
import { CLICKS_WRITTEN_WITHIN_MS } from '@newsroom/links/testing';

const shortenerUrl = process.env.SHORTENER_URL!;

const UA = {
  iphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0',
};

test('staff see where a link’s readers come from, for a range they choose, and download it', async ({
  page,
  request,
}) => {
  await page.goto(`${shortenerUrl}/login?next=%2Flinks%2Fnew`);
  await page.getByLabel('Email').fill('admin@newsroom.test');
  await page.getByLabel('Password').fill('e2e-admin-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByLabel('Destination URL').fill('https://example.com/e2e-visits');
  await page.getByLabel(/^Alias/).fill('e2e-visits');
  await page.getByRole('button', { name: 'Create short link' }).click();
  await expect(page.getByRole('heading', { name: 'Short link /e2e-visits' })).toBeVisible();

  const visits: Record<string, string>[] = [
    { 'user-agent': UA.iphone, referer: 'https://t.co/x' },
    { 'user-agent': UA.iphone, referer: 'https://t.co/y' },
    { 'user-agent': UA.firefox },
  ];
  for (const headers of visits) {
    const response = await request.get(`${shortenerUrl}/e2e-visits`, { maxRedirects: 0, headers });
    expect(response.status()).toBe(302);
  }
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('click-total')).toHaveText('3', { timeout: 1_000 });
  }).toPass({ timeout: CLICKS_WRITTEN_WITHIN_MS });
  await expect(
    page.getByRole('img', { name: 'Referrer: t.co 2 (67%), (direct) 1 (33%)' }),
  ).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'Device type: mobile 2 (67%), desktop 1 (33%)' }),
  ).toBeVisible();
  await expect(
    page.getByRole('img', { name: /^Browser: Mobile Safari 2 \(67%\), Firefox 1/ }),
  ).toBeVisible();

  // A reversed range is explained; the last 30 days stay on screen.
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel('From', { exact: true }).fill(today);
  await page.getByLabel('To', { exact: true }).fill('2020-01-01');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('range-error')).toContainText(
    `The range is reversed: from (${today}) is after to (2020-01-01).`,
  );
  await expect(
    page.getByRole('img', { name: /Clicks per day over the last 30 days: 3 in total/ }),
  ).toBeVisible();

  // Just today.
  await page.getByLabel('From', { exact: true }).fill(today);
  await page.getByLabel('To', { exact: true }).fill(today);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('range-total')).toHaveText(`3 clicks from ${today} to ${today}.`);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  expect((await download).suggestedFilename()).toBe(`visits-e2e-visits-${today}-to-${today}.csv`);
});
