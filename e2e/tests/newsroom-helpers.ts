// Shared steps for the newsroom journeys (not a spec file itself).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const ADMIN = { email: 'admin@newsroom.test', password: 'e2e-admin-password' };

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** A member of staff created the way people do it: the CLI (same DATABASE_URL as the apps). */
export function createStaffWithCli(role: 'writer' | 'editor' | 'admin') {
  const user = {
    email: `${role}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@newsroom.test`,
    password: `${role} e2e password`,
  };
  execFileSync(
    'npm',
    [
      'run',
      'user:create',
      '--',
      '--email',
      user.email,
      '--name',
      `E2E ${role}`,
      '--role',
      role,
      '--password',
      user.password,
    ],
    { cwd: repoRoot, env: process.env, stdio: 'pipe' },
  );
  return user;
}

export async function logIn(page: Page, user = ADMIN, from = '/newsroom/articles') {
  await page.goto(from);
  await expect(page).toHaveURL(/\/newsroom\/login/);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).not.toHaveURL(/\/newsroom\/login/);
}

/**
 * Opens an article's edit page from the newsroom's list, searched by headline: the journeys
 * before this one add many articles, and the list shows the latest 25.
 */
export async function openFromNewsroomList(page: Page, headline: RegExp) {
  await page.goto(`/newsroom/articles?q=${encodeURIComponent(headline.source)}`);
  await page.getByRole('link', { name: headline }).first().click();
}

/** Creates a draft through the "New article" form and waits for the editor. */
export async function createArticle(page: Page, headline: string, section = 'World') {
  await page.goto('/newsroom/articles/new');
  await page.getByLabel('Headline').fill(headline);
  await page.getByLabel('Section').selectOption({ label: section });
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page).toHaveURL(/\/newsroom\/articles\/[^/]+$/);
  await expect(body(page)).toBeVisible();
  return page.url().split('/').pop()!;
}

export const body = (page: Page) => page.locator('.ProseMirror').first();
export const saveStatus = (page: Page) => page.locator('.save-status');

export async function typeInBody(page: Page, text: string) {
  await body(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(text);
}

export async function expectSaved(page: Page) {
  await expect(saveStatus(page)).toHaveText('Saved', { timeout: 15_000 });
}

/**
 * Clicks "Get short URL" once the page has hydrated (the form says so), so that the short URL
 * appears on the article page with its Copy button; before that the form posts to the server.
 */
export async function getShortUrlOnPage(page: Page) {
  await expect(page.locator('form.short-url[data-enhanced]')).toBeAttached();
  await page.getByRole('button', { name: 'Get short URL' }).click();
}
