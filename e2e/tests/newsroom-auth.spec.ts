import { expect, test } from '@playwright/test';
import { ADMIN, createArticle, createStaffWithCli, logIn } from './newsroom-helpers';

test.describe('logged out', () => {
  test('newsroom pages redirect to the login page and come back after logging in', async ({
    page,
  }) => {
    await page.goto('/newsroom/articles?status=draft');
    await expect(page).toHaveURL(/\/newsroom\/login\?next=%2Fnewsroom%2Farticles%3Fstatus%3Ddraft/);
    await page.goto('/newsroom/users');
    await expect(page).toHaveURL(/\/newsroom\/login\?next=%2Fnewsroom%2Fusers/);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page).toHaveURL(/\/newsroom\/users$/);
    await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  });

  test('newsroom APIs answer 401, also with a forged session cookie', async ({
    page,
    playwright,
    baseURL,
  }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    expect((await anonymous.get('/api/newsroom/articles')).status()).toBe(401);
    const create = await anonymous.post('/api/newsroom/articles', {
      data: { title: 'Sneaky', sectionId: 'x' },
      headers: { origin: baseURL! },
    });
    expect(create.status()).toBe(401);
    expect(await create.json()).toEqual({
      error: { code: 'unauthorized', message: 'Log in to use this API.' },
    });
    await anonymous.dispose();

    const forged = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { cookie: 'newsroom_session=forged-token' },
    });
    expect((await forged.get('/api/newsroom/articles')).status()).toBe(401);
    await forged.dispose();

    await page
      .context()
      .addCookies([{ name: 'newsroom_session', value: 'forged-token', url: baseURL! }]);
    await page.goto('/newsroom/articles');
    await expect(page).toHaveURL(/\/newsroom\/login/);
  });
});

test('a wrong password gets one generic message; log in and log out', async ({ page }) => {
  await page.goto('/newsroom/login');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('.form-error')).toHaveText('Email or password is incorrect.');
  await page.getByLabel('Email').fill('nobody@newsroom.test');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('.form-error')).toHaveText('Email or password is incorrect.');

  await logIn(page);
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
  const cookie = (await page.context().cookies()).find((c) => c.name === 'newsroom_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/newsroom\/login\?loggedOut=1/);
  await page.goto('/newsroom/articles');
  await expect(page).toHaveURL(/\/newsroom\/login/);
  // The old token no longer works either (the session was deleted, not just the cookie).
  const response = await page.request.get('/api/newsroom/articles', {
    headers: { cookie: `newsroom_session=${cookie!.value}` },
  });
  expect(response.status()).toBe(401);
});

test('a cross-site request is refused even with a session', async ({ page, baseURL }) => {
  await logIn(page);
  const sections = await page.request.get('/api/newsroom/articles');
  expect(sections.status()).toBe(200);
  const crossSite = await page.request.post('/api/newsroom/articles', {
    data: { title: 'From elsewhere', sectionId: 'x' },
    headers: { origin: 'https://evil.example' },
  });
  expect(crossSite.status()).toBe(403);
  const invalid = await page.request.post('/api/newsroom/articles', {
    data: { title: '', sectionId: '' },
    headers: { origin: baseURL! },
  });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).error).toMatchObject({
    code: 'validation_failed',
    fields: { title: 'Give the article a headline' },
  });
});

test('a writer cannot publish: no button, and the API answers 403', async ({ page, baseURL }) => {
  const writer = createStaffWithCli('writer');
  await logIn(page, writer);
  const id = await createArticle(page, `Writer draft ${Date.now()}`);
  await expect(page.locator('.status')).toHaveText('draft');
  await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
  const response = await page.request.post(`/api/newsroom/articles/${id}/publish`, {
    data: { baseVersion: 1 },
    headers: { origin: baseURL! },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error).toEqual({
    code: 'forbidden',
    message: 'This needs the editor role; your role is writer.',
  });
  await page.goto('/newsroom/users');
  await expect(page).toHaveURL(/\/newsroom\/forbidden/);
});
