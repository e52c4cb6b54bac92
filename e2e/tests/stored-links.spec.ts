// An article stored before the stricter link check may hold a link the server now refuses. It
// must still open and save, with or without the collaboration server: the link goes (its words
// stay) and the page says so.
import { createDb } from '@newsroom/db';
import { expect, type Page, test } from '@playwright/test';
import { CollabServerProcess } from './collab-server';
import { body, expectSaved, logIn, typeInBody } from './newsroom-helpers';

const linked = (text: string, href: string) => ({
  type: 'text',
  text,
  marks: [{ type: 'link', attrs: { href } }],
});

const OLD_BODY = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Read ' },
        linked('our report', 'https://bank.example@evil.example/'),
        { type: 'text', text: ' and ' },
        linked('the source', 'javascript:alert(1)'),
        { type: 'text', text: ' or ' },
        linked('the site', 'https://example.org/kept'),
        { type: 'text', text: '.' },
      ],
    },
  ],
};

const NOTICE =
  '2 links were removed (their words were kept): “our report” — Leave the user name and password out of the address; “the source” — Use a web address (https://…), an e-mail link (mailto:…) or a path on this site (/…)';

/**
 * A draft whose working copy holds OLD_BODY, as old data would: created over the API (no edit
 * page opened yet, so no shared document either), its body then written straight to the
 * database, past the validator.
 */
async function oldArticle(page: Page, baseURL: string): Promise<string> {
  const db = createDb(process.env.DATABASE_URL);
  try {
    const section = await db.section.findFirstOrThrow({ select: { id: true } });
    const created = await page.request.post('/api/newsroom/articles', {
      data: { title: `Stored link ${Date.now()}`, sectionId: section.id },
      headers: { origin: baseURL },
    });
    expect(created.status()).toBe(201);
    const { article } = (await created.json()) as { article: { id: string } };
    await db.article.update({
      where: { id: article.id },
      data: { body: JSON.stringify(OLD_BODY) },
    });
    return article.id;
  } finally {
    await db.$disconnect();
  }
}

async function storedBody(id: string): Promise<unknown> {
  const db = createDb(process.env.DATABASE_URL);
  try {
    const { body } = await db.article.findUniqueOrThrow({ where: { id }, select: { body: true } });
    return JSON.parse(body);
  } finally {
    await db.$disconnect();
  }
}

const SAVED_BODY = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Read our report and the source or ' },
        expect.objectContaining({
          text: 'the site',
          marks: [
            expect.objectContaining({
              attrs: expect.objectContaining({ href: 'https://example.org/kept' }),
            }),
          ],
        }),
        { type: 'text', text: '. More soon' },
      ],
    },
  ],
};

async function openSeeNoticeAndSave(page: Page, baseURL: string, coEdited: boolean) {
  await logIn(page);
  const id = await oldArticle(page, baseURL);
  await page.goto(`/newsroom/articles/${id}`);
  // Co-edited pages have a "People here" panel; the others save over the REST API.
  await expect(body(page)).toBeVisible();
  await expect(page.locator('section[aria-label="People here"]')).toHaveCount(coEdited ? 1 : 0);
  await expect(page.locator('.body-editor-notice[role="status"]')).toContainText(NOTICE);
  await expect(body(page)).toHaveText('Read our report and the source or the site.');
  await expect(body(page).locator('a')).toHaveText(['the site']);

  await typeInBody(page, ' More soon');
  await expectSaved(page);
  await expect.poll(() => storedBody(id)).toEqual(SAVED_BODY);
}

test('an article holding a link the server now refuses opens, says which link went, and saves', async ({
  page,
  baseURL,
}) => {
  await openSeeNoticeAndSave(page, baseURL!, false);
});

test.describe('with the collaboration server', () => {
  let server: CollabServerProcess;
  test.beforeAll(async () => {
    server = await CollabServerProcess.start();
  });
  test.afterAll(async () => {
    await server.stop();
  });

  test('the same article opens co-edited: the link goes from the shared document, and it saves', async ({
    page,
    baseURL,
  }) => {
    await openSeeNoticeAndSave(page, baseURL!, true);
  });
});
