// The public reader pages against the seeded demo newsroom: the seed article with its shared
// footnote, related links, SEO tags, pages without JavaScript, and drafts kept out of sight.
import { createDb, type Db } from '@newsroom/db';
import { expect, test, type Page } from '@playwright/test';

const SECTION = { slug: 'military-intelligence', name: 'Military & Intelligence' };
const SEED = {
  slug: 'pentagon-report-russia-likely-supports-us-taliban-reconciliation',
  headline: 'Pentagon Report Says Russia Likely Supports US-Taliban Reconciliation',
  standfirstStart: 'A new Pentagon report to US lawmakers says Russia',
  dateline: '07:00 GMT 14.04.2021',
};
const SEED_PATH = `/${SECTION.slug}/${SEED.slug}`;

let db: Db;
const createdArticleIds: string[] = [];

test.beforeAll(() => {
  db = createDb(process.env.DATABASE_URL);
});

test.afterAll(async () => {
  // Other journeys share this database: leave it as the seed made it.
  await db.article.deleteMany({ where: { id: { in: createdArticleIds } } });
  await db.$disconnect();
});

/** An article written straight into the database, as the newsroom would store it. */
async function createArticle(fields: { slug: string; title: string; status: string }) {
  const [author, section] = await Promise.all([
    db.user.findFirstOrThrow({ where: { role: 'admin' } }),
    db.section.findUniqueOrThrow({ where: { slug: SECTION.slug } }),
  ]);
  const content = {
    slug: fields.slug,
    title: fields.title,
    sectionId: section.id,
    standfirst: 'Written by the reader journey.',
    body: JSON.stringify({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body text.' }] }],
    }),
  };
  const published = fields.status === 'published';
  const now = new Date();
  const article = await db.article.create({
    data: {
      ...content,
      status: fields.status,
      authorId: author.id,
      publishedAt: published ? now : null,
      // A published article has a live version (what readers get) and a URL history.
      ...(published
        ? {
            liveVersion: 1,
            live: {
              create: { ...content, markerStyle: 'symbols', publishedAt: now, updatedAt: now },
            },
            paths: { create: { slug: fields.slug } },
          }
        : {}),
    },
  });
  createdArticleIds.push(article.id);
  return article;
}

async function expectSeedArticle(page: Page) {
  const article = page.locator('article');
  const rubric = article.getByRole('link', { name: SECTION.name, exact: true });
  await expect(rubric).toHaveAttribute('href', `/${SECTION.slug}`);
  await expect(article.locator('time.dateline')).toHaveText(SEED.dateline);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED.headline);
  await expect(article.locator('.standfirst')).toContainText(SEED.standfirstStart);

  const markers = page.locator('[role=doc-noteref]');
  await expect(markers).toHaveCount(2);
  await expect(markers).toHaveText(['*', '*']);

  const notes = page.locator('[role=doc-endnotes] li');
  await expect(notes).toHaveCount(1);
  await expect(notes).toContainText('A terrorist group outlawed in Russia');
  const backLinks = notes.locator('[role=doc-backlink]');
  await expect(backLinks).toHaveCount(2);
  await expect(backLinks.nth(0)).toHaveAccessibleName('Back to reference 1');
  await expect(backLinks.nth(1)).toHaveAccessibleName('Back to reference 2');

  await expect(page.locator('aside.related li a')).toHaveCount(4);
}

test.describe('the article page', () => {
  test('shows rubric, dateline, headline, two markers for one note and four related links', async ({
    page,
  }) => {
    const response = await page.goto(SEED_PATH);
    expect(response?.status()).toBe(200);
    await expectSeedArticle(page);
  });

  test('a marker jumps to its note and each back-link returns to its own marker', async ({
    page,
  }) => {
    await page.goto(SEED_PATH);
    const markers = page.locator('[role=doc-noteref]');
    const note = page.locator('[role=doc-endnotes] li').first();
    const noteId = await note.getAttribute('id');
    await expect(note).not.toBeInViewport();

    await markers.nth(1).click();
    await expect(page).toHaveURL(new RegExp(`#${noteId}$`));
    await expect(note).toBeInViewport();

    const secondBackLink = note.getByRole('link', { name: 'Back to reference 2' });
    await secondBackLink.click();
    await expect(page).toHaveURL(new RegExp(`#${await markers.nth(1).getAttribute('id')}$`));
    await expect(markers.nth(1)).toBeInViewport();

    await page.goto(`${SEED_PATH}#${noteId}`);
    await note.getByRole('link', { name: 'Back to reference 1' }).click();
    await expect(markers.nth(0)).toBeInViewport();
  });

  test('each related link opens its article', async ({ page }) => {
    await page.goto(SEED_PATH);
    const related = page.locator('aside.related li a');
    const titles = await related.allTextContents();
    expect(titles).toHaveLength(4);
    for (const [index, title] of titles.entries()) {
      await page.goto(SEED_PATH);
      await related.nth(index).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page).not.toHaveURL(new RegExp(SEED.slug));
    }
  });

  test('works with JavaScript disabled, footnote jumps included', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(SEED_PATH);
      await expectSeedArticle(page);
      const note = page.locator('[role=doc-endnotes] li').first();
      await expect(note).not.toBeInViewport();
      await page.locator('[role=doc-noteref]').first().click();
      await expect(note).toBeInViewport();
      await page.goto('/');
      await expect(page.getByRole('link', { name: SEED.headline })).toBeVisible();
    } finally {
      await context.close();
    }
  });

  test('has title, description, canonical, Open Graph, Twitter tags and NewsArticle JSON-LD', async ({
    page,
  }) => {
    await page.goto(SEED_PATH);
    const canonical = `${process.env.EDITOR_URL}${SEED_PATH}`;
    const meta = (attribute: string, value: string) =>
      page.locator(`head meta[${attribute}="${value}"]`);

    await expect(page).toHaveTitle(`${SEED.headline} | Newsroom`);
    await expect(meta('name', 'description')).toHaveAttribute(
      'content',
      new RegExp(`^${SEED.standfirstStart}`),
    );
    await expect(page.locator('head link[rel=canonical]')).toHaveAttribute('href', canonical);
    await expect(meta('property', 'og:type')).toHaveAttribute('content', 'article');
    await expect(meta('property', 'og:title')).toHaveAttribute('content', SEED.headline);
    await expect(meta('property', 'og:description')).toHaveAttribute(
      'content',
      new RegExp(`^${SEED.standfirstStart}`),
    );
    await expect(meta('property', 'og:url')).toHaveAttribute('content', canonical);
    await expect(meta('property', 'article:published_time')).toHaveAttribute(
      'content',
      '2021-04-14T07:00:00.000Z',
    );
    await expect(meta('property', 'article:section')).toHaveAttribute('content', SECTION.name);
    await expect(meta('name', 'twitter:card')).toHaveAttribute('content', 'summary');
    await expect(meta('name', 'twitter:title')).toHaveAttribute('content', SEED.headline);

    const jsonLd = page.locator('script[type="application/ld+json"]');
    await expect(jsonLd).toHaveCount(1);
    const data = JSON.parse((await jsonLd.textContent()) ?? '');
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: SEED.headline,
      datePublished: '2021-04-14T07:00:00.000Z',
      articleSection: SECTION.name,
      mainEntityOfPage: { '@id': canonical },
      publisher: { '@type': 'Organization', name: 'Newsroom' },
    });
    expect(data.author[0].name).toEqual(expect.any(String));
    expect(Date.parse(data.dateModified)).toBeGreaterThanOrEqual(Date.parse(data.datePublished));
  });

  test('a headline with </script> cannot break out of the JSON-LD', async ({ page }) => {
    const headline = 'Breaking </script><script>window.__pwned = true</script> news';
    const article = await createArticle({
      slug: 'reader-journey-script-headline',
      title: headline,
      status: 'published',
    });
    await page.goto(`/${SECTION.slug}/${article.slug}`);

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
    const jsonLd = page.locator('script[type="application/ld+json"]');
    await expect(jsonLd).toHaveCount(1);
    expect(JSON.parse((await jsonLd.textContent()) ?? '').headline).toBe(headline);
    expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
  });

  test('a draft is a 404 and is listed nowhere', async ({ page }) => {
    const draft = await createArticle({
      slug: 'reader-journey-draft',
      title: 'A draft nobody may read yet',
      status: 'draft',
    });

    const response = await page.goto(`/${SECTION.slug}/${draft.slug}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not here');
    await expect(page.getByText(draft.title)).toHaveCount(0);

    for (const listPath of ['/', `/${SECTION.slug}`]) {
      await page.goto(listPath);
      await expect(page.getByRole('link', { name: SEED.headline })).toBeVisible();
      await expect(page.getByText(draft.title)).toHaveCount(0);
    }
  });

  test('an unknown article or section is a 404 with a way home', async ({ page }) => {
    for (const path of [`/${SECTION.slug}/no-such-article`, '/no-such-section', '/a/b/c']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('link', { name: 'Read the latest news' })).toBeVisible();
    }
  });
});

test.describe('lists of articles', () => {
  for (const listPath of ['/', `/${SECTION.slug}`]) {
    test(`${listPath} lists the seed article with rubric, headline, standfirst and dateline`, async ({
      page,
    }) => {
      const response = await page.goto(listPath);
      expect(response?.status()).toBe(200);
      const teaser = page
        .locator('.article-teaser')
        .filter({ has: page.getByRole('link', { name: SEED.headline }) });
      await expect(teaser).toHaveCount(1);
      await expect(teaser.getByRole('link', { name: SECTION.name })).toHaveAttribute(
        'href',
        `/${SECTION.slug}`,
      );
      await expect(teaser).toContainText(SEED.standfirstStart);
      await expect(teaser.locator('time.dateline')).toHaveText(SEED.dateline);

      await teaser.getByRole('link', { name: SEED.headline }).click();
      await expect(page).toHaveURL(new RegExp(`${SEED_PATH}$`));
    });
  }

  test('the rubric leads to the section page, which holds only that section', async ({ page }) => {
    await page.goto(SEED_PATH);
    await page.locator('article').getByRole('link', { name: SECTION.name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${SECTION.slug}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SECTION.name);
    const rubrics = await page.locator('.article-teaser .rubric').allTextContents();
    expect(rubrics.length).toBeGreaterThan(0);
    expect(new Set(rubrics)).toEqual(new Set([SECTION.name]));
  });
});
