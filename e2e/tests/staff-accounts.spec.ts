import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN, createStaffWithCli, logIn } from './newsroom-helpers';

const shortenerUrl = process.env.SHORTENER_URL!;

/** A second browser (its own cookies): the member of staff's other device. */
async function otherBrowser(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

async function expectLoggedOut(page: Page) {
  await page.goto('/newsroom/articles');
  await expect(page).toHaveURL(/\/newsroom\/login/);
}

async function tryLogIn(page: Page, user: { email: string; password: string }) {
  await page.goto('/newsroom/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

test('deactivating a member of staff ends their open session on both apps and refuses their login', async ({
  page,
  browser,
  baseURL,
}) => {
  const leaver = createStaffWithCli('writer');
  const theirs = await otherBrowser(browser, baseURL);
  await logIn(theirs, leaver);
  await theirs.goto(`${shortenerUrl}/links/new`);
  await expect(theirs).toHaveURL(`${shortenerUrl}/links/new`);

  await logIn(page, ADMIN, '/newsroom/users');
  await page.getByRole('button', { name: `Deactivate ${leaver.email}` }).click();
  await expect(page.getByRole('status')).toHaveText(
    `${leaver.email} is deactivated and logged out everywhere.`,
  );
  await expect(page.getByRole('button', { name: `Reactivate ${leaver.email}` })).toBeVisible();

  // Their open browser is logged out of the newsroom and of the shortener's staff pages.
  await expectLoggedOut(theirs);
  await theirs.goto(`${shortenerUrl}/links/new`);
  await expect(theirs).toHaveURL(new RegExp(`^${shortenerUrl}/login`));
  // And the right password gets the same message as a wrong one.
  await tryLogIn(theirs, leaver);
  await expect(theirs.locator('.form-error')).toHaveText('Email or password is incorrect.');

  // Reactivated, the same password works again.
  await page.getByRole('button', { name: `Reactivate ${leaver.email}` }).click();
  await expect(page.getByRole('status')).toHaveText(`${leaver.email} can log in again.`);
  await tryLogIn(theirs, leaver);
  await expect(theirs).toHaveURL(/\/newsroom\/articles$/);
  await theirs.context().close();
});

test('changing the password logs out the other session and keeps this one; log out everywhere ends both', async ({
  page,
  browser,
  baseURL,
}) => {
  const user = createStaffWithCli('editor');
  const other = await otherBrowser(browser, baseURL);
  await logIn(other, user);
  await logIn(page, user);

  await page.getByRole('link', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { name: 'Account' })).toBeVisible();
  const current = page.getByLabel('Current password');
  const next = page.getByLabel('New password');
  const change = page.getByRole('button', { name: 'Change password' });

  await current.fill('not my password');
  await next.fill('a fresh long passphrase');
  await change.click();
  await expect(current).toHaveAccessibleDescription('Your current password is not correct.');

  await current.fill(user.password);
  await next.fill('password1234');
  await change.click();
  await expect(next).toHaveAccessibleDescription(/list of commonly used passwords/);

  const newPassword = 'a fresh long passphrase';
  await current.fill(user.password);
  await next.fill(newPassword);
  await change.click();
  await expect(page.getByRole('status')).toHaveText(
    'Password changed. 1 other session was logged out.',
  );

  await expectLoggedOut(other);
  await page.goto('/newsroom/articles');
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();

  // The other device logs in with the new password; "Log out everywhere" ends both sessions.
  await tryLogIn(other, { email: user.email, password: newPassword });
  await expect(other).toHaveURL(/\/newsroom\/articles$/);
  await page.goto('/newsroom/account');
  await page.getByRole('button', { name: 'Log out everywhere' }).click();
  await expect(page).toHaveURL(/\/newsroom\/login\?loggedOut=everywhere/);
  await expect(page.getByRole('status')).toHaveText('You are logged out on every device.');
  await expectLoggedOut(page);
  await expectLoggedOut(other);
  await other.context().close();
});
