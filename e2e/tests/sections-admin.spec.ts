import { expect, test, type Page } from '@playwright/test';
import { ADMIN, createStaffWithCli, logIn } from './newsroom-helpers';

/** The names in the reader site's section navigation, in order (from a fresh page). */
async function readerNavigation(page: Page) {
  await page.goto('/');
  return page.getByRole('navigation', { name: 'Sections' }).getByRole('link').allTextContents();
}

test('an admin adds a section, renames it and moves it up; readers see it at once', async ({
  page,
}) => {
  const unique = Date.now();
  const slug = `desk-${unique}`;
  await logIn(page, ADMIN, '/newsroom/sections');
  await expect(page.getByRole('heading', { name: 'Sections' })).toBeVisible();

  // Add, with an address the site answers itself first: the server's refusal is on the field.
  await page.getByLabel('Name', { exact: true }).fill(`Desk ${unique}`);
  const slugField = page.getByLabel('Slug (optional)');
  await slugField.fill('media');
  await page.getByRole('button', { name: 'Add section' }).click();
  await expect(slugField).toBeFocused();
  await expect(slugField).toHaveAttribute('aria-invalid', 'true');
  await expect(slugField).toHaveAccessibleDescription(/slug cannot be one of .*media/);
  await slugField.fill(slug);
  await page.getByRole('button', { name: 'Add section' }).click();
  await expect(page.getByRole('status')).toHaveText(`Added Desk ${unique} at /${slug}.`);
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `/${slug}` }) });
  await expect(row.getByRole('cell').nth(3)).toHaveText('0');

  // Rename: an empty name is refused on its field; the slug stays.
  const name = row.getByLabel(`Name of /${slug}`);
  await name.fill('   ');
  await row.getByRole('button', { name: `Rename /${slug}` }).click();
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/name is required/);
  await name.fill(`Night desk ${unique}`);
  await row.getByRole('button', { name: `Rename /${slug}` }).click();
  await expect(page.getByRole('status')).toHaveText(
    `Renamed: readers now see "Night desk ${unique}" at /${slug}.`,
  );
  await expect(name).not.toHaveAttribute('aria-invalid');

  // Move up (it was added last): the focus stays on the button that was pressed.
  const before = await page.getByRole('row').count();
  const moveUp = page.getByRole('button', { name: `Move up: Night desk ${unique}` });
  await moveUp.click();
  await expect(page.getByRole('status')).toHaveText(
    `Night desk ${unique} is now number ${before - 2} of ${before - 1}.`,
  );
  await expect(moveUp).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText(
    `Night desk ${unique} is now number ${before - 3} of ${before - 1}.`,
  );
  await expect(moveUp).toBeFocused();

  // The reader site's navigation has the new name, two places from the end.
  const names = await readerNavigation(page);
  expect(names.at(-3)).toBe(`Night desk ${unique}`);
  expect(names).not.toContain(`Desk ${unique}`);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: `Night desk ${unique}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/${slug}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Night desk ${unique}`);
});

test('a writer has no Sections link, gets the forbidden page, and the API refuses them', async ({
  page,
  baseURL,
}) => {
  await logIn(page, createStaffWithCli('writer'));
  await expect(page.getByRole('navigation', { name: 'Newsroom' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sections', exact: true })).toHaveCount(0);
  await page.goto('/newsroom/sections');
  await expect(page).toHaveURL(/\/newsroom\/forbidden\?role=admin/);
  const response = await page.request.post('/api/newsroom/sections', {
    data: { name: 'Writer section' },
    headers: { origin: baseURL! },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error).toMatchObject({ code: 'forbidden' });
});
