// An article stored before the stricter link check may hold a link the server now refuses, in its
// text or in its related links. It must still open and save, with or without the collaboration
// server: the link goes (a body link's words stay, a related entry goes whole) and the page says so.
// A related list stored before the stricter list checks (a repeated address, a title with a control
// character) opens repaired too.
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

const REFUSED_RELATED = { url: 'https://user@example.com/', title: 'Old partner' };
const KEPT_RELATED = { url: 'https://example.org/related', title: 'Kept partner' };

const RELATED_NOTICE =
  'A related link was removed: “Old partner” — Leave the user name and password out of the address';

/**
 * A draft whose working copy holds `body` and `related`, as old data would: created over the API
 * (no edit page opened yet, so no shared document either), its body and related links then
 * written straight to the database, past the validator.
 */
async function oldArticle(
  page: Page,
  baseURL: string,
  {
    body = OLD_BODY,
    related = [REFUSED_RELATED, KEPT_RELATED],
  }: { body?: object; related?: { url: string; title: string }[] } = {},
): Promise<string> {
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
      data: { body: JSON.stringify(body) },
    });
    await db.relatedLink.createMany({
      data: related.map((link, position) => ({ articleId: article.id, position, ...link })),
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

async function storedRelated(id: string): Promise<unknown> {
  const db = createDb(process.env.DATABASE_URL);
  try {
    return await db.relatedLink.findMany({
      where: { articleId: id },
      orderBy: { position: 'asc' },
      select: { url: true, title: true },
    });
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

/** What a save sends besides `baseVersion` and `related`. */
const SAVED_FIELDS = [
  'title',
  'slug',
  'sectionId',
  'standfirst',
  'markerStyle',
  'publishedAt',
  'body',
];

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
  const related = page.locator('section.related-panel');
  await expect(related.locator('.related-notice[role="status"]')).toHaveText(
    `${RELATED_NOTICE} Dismiss`,
  );
  await expect(related.locator('.related-list .related-title')).toHaveText(['Kept partner']);

  await typeInBody(page, ' More soon');
  await expectSaved(page);
  await expect.poll(() => storedBody(id)).toEqual(SAVED_BODY);
  await expect.poll(() => storedRelated(id)).toEqual([KEPT_RELATED]);

  // The API does not clean: a client sending the refused address is still told which and why.
  const { article } = (await (await page.request.get(`/api/newsroom/articles/${id}`)).json()) as {
    article: Record<string, unknown>;
  };
  const unchanged = Object.fromEntries(SAVED_FIELDS.map((field) => [field, article[field]]));
  const sent = await page.request.put(`/api/newsroom/articles/${id}`, {
    data: { ...unchanged, baseVersion: article.version, related: [KEPT_RELATED, REFUSED_RELATED] },
    headers: { origin: baseURL },
  });
  expect(sent.status()).toBe(422);
  expect((await sent.json()).error).toMatchObject({
    code: 'validation_failed',
    fields: { 'related[1].url': 'Leave the user name and password out of the address' },
  });
  await related.locator('.related-notice button').click();
  await expect(related.locator('.related-notice')).toBeEmpty();
}

/** A stored related list the validator refuses twice over: a repeat, and a control character. */
const UNREPAIRED_RELATED = [
  KEPT_RELATED,
  { url: 'https://EXAMPLE.org/related', title: 'Same partner' },
  { url: 'https://example.net/', title: 'Our\u0007 sponsor' },
];
const REPAIRED_RELATED = [KEPT_RELATED, { url: 'https://example.net/', title: 'Our sponsor' }];
const REPEATED_NOTICE =
  'A related link was removed: “Same partner” — This link is already in the list';

async function openRepairedRelatedAndSave(page: Page, baseURL: string, coEdited: boolean) {
  await logIn(page);
  const plainBody = { type: 'doc', content: [{ type: 'paragraph' }] };
  const id = await oldArticle(page, baseURL, { body: plainBody, related: UNREPAIRED_RELATED });
  await page.goto(`/newsroom/articles/${id}`);
  await expect(body(page)).toBeVisible();
  await expect(page.locator('section[aria-label="People here"]')).toHaveCount(coEdited ? 1 : 0);
  const related = page.locator('section.related-panel');
  await expect(related.locator('.related-notice[role="status"]')).toHaveText(
    `${REPEATED_NOTICE} Dismiss`,
  );
  await expect(related.locator('.related-list .related-title')).toHaveText([
    'Kept partner',
    'Our sponsor',
  ]);

  await typeInBody(page, 'Listed.');
  await expectSaved(page);
  await expect.poll(() => storedRelated(id)).toEqual(REPAIRED_RELATED);
}

test('an article holding links the server now refuses (text and related) opens, says which went, and saves', async ({
  page,
  baseURL,
}) => {
  await openSeeNoticeAndSave(page, baseURL!, false);
});

test('a related list with a repeat and a control character opens repaired, says which went, and saves', async ({
  page,
  baseURL,
}) => {
  await openRepairedRelatedAndSave(page, baseURL!, false);
});

test.describe('with the collaboration server', () => {
  let server: CollabServerProcess;
  test.beforeAll(async () => {
    server = await CollabServerProcess.start();
  });
  test.afterAll(async () => {
    await server.stop();
  });

  test('the same article opens co-edited: the links go from the shared document, and it saves', async ({
    page,
    baseURL,
  }) => {
    await openSeeNoticeAndSave(page, baseURL!, true);
  });

  test('a related list with a repeat and a control character opens co-edited repaired, and saves', async ({
    page,
    baseURL,
  }) => {
    await openRepairedRelatedAndSave(page, baseURL!, true);
  });
});
