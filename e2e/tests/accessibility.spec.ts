import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, body, createArticle, logIn, typeInBody } from './newsroom-helpers';

const shortenerUrl = process.env.SHORTENER_URL!;

/** axe's findings on the page as "rule: selector" lines, so a failure says what and where. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
  );
}

async function expectAccessible(page: Page) {
  await expect(page.getByRole('main')).toHaveCount(1);
  expect(await axeViolations(page), page.url()).toEqual([]);
}

async function logInToShortener(page: Page, next = '/links/new') {
  await page.goto(`${shortenerUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(`${shortenerUrl}${next}`);
}

test('every newsroom page has one main landmark, a skip link past the nav, and no axe violations', async ({
  page,
}) => {
  await page.goto('/newsroom/login');
  await expectAccessible(page);

  await logIn(page, ADMIN, '/newsroom/articles');
  await expectAccessible(page);
  // The first Tab reaches the skip link; following it moves past the nav to the content.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#content$/);

  const pages = [
    '/newsroom/articles/new',
    '/newsroom/articles/import',
    '/newsroom/users',
    '/newsroom/sections',
  ];
  for (const path of [...pages, '/newsroom/account', '/newsroom/forbidden?role=admin']) {
    await page.goto(path);
    await expectAccessible(page);
  }

  const id = await createArticle(page, `Accessible page ${Date.now()}`);
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/newsroom/articles/${id}/preview`);
  await expectAccessible(page);
});

test('shortener staff pages have one main landmark and no axe violations', async ({ page }) => {
  await page.goto(`${shortenerUrl}/login`);
  await expectAccessible(page);
  await logInToShortener(page);
  await expectAccessible(page);
  await page.getByLabel('Destination URL').fill('https://example.com/axe-checked');
  await page.getByRole('button', { name: 'Create short link' }).click();
  await expect(page.getByRole('heading', { name: /^Short link/ })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`${shortenerUrl}/links`);
  await expectAccessible(page);
});

test('shortener staff pages reflow at 320 CSS px: no sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await logInToShortener(page);
  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
  expect(await pageWidth()).toBeLessThanOrEqual(320);

  const longUrl = `https://example.com/${'a-long-path-segment/'.repeat(12)}?q=${'x'.repeat(80)}`;
  await page.getByLabel('Destination URL').fill(longUrl);
  await page.getByRole('button', { name: 'Create short link' }).click();
  await expect(page.getByRole('heading', { name: /^Short link/ })).toBeVisible();
  await expect(page.getByTestId('destination')).toHaveText(longUrl);
  expect(await pageWidth()).toBeLessThanOrEqual(320);

  await page.goto(`${shortenerUrl}/links`);
  expect(await pageWidth()).toBeLessThanOrEqual(320);
});

test('after a server-side form error the focus is on the problem, not back on <body>', async ({
  page,
}) => {
  // Shortener login, wrong password: the message (the form cannot say which field was wrong).
  await page.goto(`${shortenerUrl}/login`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  // (Next's route announcer is an alert too, outside <main>.)
  const message = page.getByRole('main').getByRole('alert');
  await expect(message).toHaveText('Email or password is incorrect.');
  await expect(message).toBeFocused();

  // New link with a destination the server refuses: the field, described by its message.
  await logInToShortener(page);
  const destination = page.getByLabel('Destination URL');
  await destination.fill('ftp://x');
  await page.getByRole('button', { name: 'Create short link' }).click();
  await expect(destination).toHaveAttribute('aria-invalid', 'true');
  await expect(destination).toBeFocused();
  await expect(destination).toHaveAccessibleDescription(/.+/);

  // Editor account page, wrong current password: that field, described by the message.
  // (Both apps share the staff session: logged in on the shortener is logged in here.)
  await page.goto('/newsroom/account');
  const current = page.getByLabel('Current password');
  await current.fill('not my password');
  await page.getByLabel('New password').fill('a fresh long passphrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expect(current).toHaveAccessibleDescription('Your current password is not correct.');
  await expect(current).toBeFocused();
});

test('"Add user" shows a refused password under the field, announced, described and focused', async ({
  page,
}) => {
  await logIn(page, ADMIN, '/newsroom/users');
  const email = `weak-${Date.now()}@newsroom.test`;
  await page.getByLabel('Name', { exact: true }).fill('Weak Password');
  await page.getByLabel('Email', { exact: true }).fill(email);
  const password = page.getByLabel('Password', { exact: true });
  await password.fill('password1234');
  await page.getByRole('button', { name: 'Add user' }).click();

  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toContainText('list of commonly used passwords');
  await expect(alert).not.toContainText('password:');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(await alert.innerText());
  await expect(password).toBeFocused();
  await expect(page.getByRole('cell', { name: email })).toHaveCount(0);

  // A good password creates the user and clears the problem.
  await password.fill('a long and unusual passphrase');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('status')).toHaveText(`Created ${email}.`);
  await expect(alert).toHaveCount(0);
  await expect(password).not.toHaveAttribute('aria-invalid', 'true');

  // The same email again: the email field is marked, described by the message, and focused.
  const emailField = page.getByLabel('Email', { exact: true });
  await page.getByLabel('Name', { exact: true }).fill('Same Email');
  await emailField.fill(email);
  await password.fill('another long and unusual passphrase');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(alert).toHaveText(/^Not created: .*email/i);
  await expect(emailField).toHaveAttribute('aria-invalid', 'true');
  await expect(emailField).toHaveAccessibleDescription(await alert.innerText());
  await expect(emailField).toBeFocused();
});

test("after Deactivate or Reactivate the focus stays on that row's button, not on <body>", async ({
  page,
}) => {
  await logIn(page, ADMIN, '/newsroom/users');
  const email = `leaver-${Date.now()}@newsroom.test`;
  await page.getByLabel('Name', { exact: true }).fill('Leaver');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill('a long and unusual passphrase');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('status')).toHaveText(`Created ${email}.`);

  await page.getByRole('button', { name: `Deactivate ${email}` }).click();
  await expect(page.getByRole('status')).toHaveText(
    `${email} is deactivated and logged out everywhere.`,
  );
  const reactivate = page.getByRole('button', { name: `Reactivate ${email}` });
  await expect(reactivate).toBeFocused();

  // From the keyboard: Enter on the focused button, and the focus is on its replacement.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText(`${email} can log in again.`);
  await expect(page.getByRole('button', { name: `Deactivate ${email}` })).toBeFocused();
});

test('the link dialog is modal: Tab and Shift+Tab cycle inside it until it closes', async ({
  page,
}) => {
  await logIn(page);
  await createArticle(page, `Modal link dialog ${Date.now()}`);
  await typeInBody(page, 'A sentence to link.');
  await page.keyboard.press('ControlOrMeta+K');
  const dialog = page.getByRole('dialog', { name: 'Add link' });
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  const address = dialog.getByLabel('Link address');
  await expect(address).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);

  // Link address, Apply link, Cancel, and round again: never into the article behind.
  const apply = dialog.getByRole('button', { name: 'Apply link' });
  const cancel = dialog.getByRole('button', { name: 'Cancel' });
  for (const stop of [apply, cancel, address]) {
    await page.keyboard.press('Tab');
    await expect(stop).toBeFocused();
  }
  for (const stop of [cancel, apply, address, cancel]) {
    await page.keyboard.press('Shift+Tab');
    await expect(stop).toBeFocused();
  }

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(body(page)).toBeFocused();
});

test('the link dialog refuses an address a browser would misread and says why, on the field', async ({
  page,
}) => {
  await logIn(page);
  await createArticle(page, `Link dialog misread address ${Date.now()}`);
  await typeInBody(page, 'Your bank.');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+K');
  const dialog = page.getByRole('dialog', { name: 'Add link' });
  const address = dialog.getByLabel('Link address');
  await address.fill('https://bank.example@evil.example/');
  await dialog.getByRole('button', { name: 'Apply link' }).click();
  await expect(address).toHaveAccessibleDescription(
    'Leave the user name and password out of the address',
  );
  await expect(address).toBeFocused();
  await expect(body(page).locator('a')).toHaveCount(0);

  await address.fill('https://bank.example/');
  await dialog.getByRole('button', { name: 'Apply link' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(body(page).locator('a')).toHaveAttribute('href', 'https://bank.example/');
});

test('a press outside the link dialog closes it without applying the link', async ({ page }) => {
  await logIn(page);
  await createArticle(page, `Link dialog pressed outside ${Date.now()}`);
  await typeInBody(page, 'A sentence not to link.');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+K');
  const dialog = page.getByRole('dialog', { name: 'Add link' });
  await dialog.getByLabel('Link address').fill('https://example.com/not-applied');
  await body(page).click({ position: { x: 5, y: 5 } });
  await expect(dialog).toHaveCount(0);
  await expect(body(page)).toBeFocused();
  await expect(body(page).locator('a')).toHaveCount(0);
});
