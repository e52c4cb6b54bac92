/* eslint-disable @typescript-eslint/no-explicit-any -- parsed XML has no static shape; the assertions check it */
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle, createAuthor, createSection, goLive } from '../test-newsroom';
import { absolutizeLinks } from './build-feed';
import { buildRobotsTxt } from './build-sitemap';
import { feedXml } from './feed-content';
import { FEED_ARTICLE_COUNT, FEED_PATHS, type SiteInfo } from './feed-settings';
import { newsSitemapXml, sitemapPartXml, sitemapXml } from './sitemap-content';

let testDb: TestDatabase;
const site: SiteInfo = { name: 'Newsroom', baseUrl: 'https://news.example', language: 'en' };
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => ['item', 'entry', 'url', 'sitemap'].includes(name),
});

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Record<string, any>;
}

const withNote = (text: string) =>
  JSON.stringify({
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text },
          { type: 'footnoteReference', attrs: { noteId: 'n1' } },
          { type: 'text', text: ' & <more>' },
        ],
      },
      {
        type: 'footnotes',
        content: [
          {
            type: 'footnote',
            attrs: { id: 'n1' },
            content: [{ type: 'text', text: 'The note text.' }],
          },
        ],
      },
    ],
  });

const NOW = new Date('2026-11-29T12:00:00Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
let world: { id: string; slug: string };

beforeAll(async () => {
  testDb = await createTestDatabase();
  const { db } = testDb;
  const author = await createAuthor(db, 'Ann Writer');
  world = await createSection(db, 'feeds-world', 'World');
  const sport = await createSection(db, 'feeds-sport', 'Sport');
  // 52 World articles an hour apart (newest 1 h ago), a Sport one, and a draft.
  for (let hour = 1; hour <= FEED_ARTICLE_COUNT + 2; hour++)
    await createArticle(db, {
      authorId: author.id,
      sectionId: world.id,
      slug: `world-${hour}`,
      title: `World story ${hour} <&>`,
      standfirst: `Standfirst ${hour}`,
      body: withNote(`Body of ${hour}`),
      markerStyle: 'numeric',
      publishedAt: hoursAgo(hour),
    });
  await createArticle(db, {
    authorId: author.id,
    sectionId: sport.id,
    slug: 'sport-1',
    title: 'Sport story',
    body: withNote('The match began late'),
    publishedAt: hoursAgo(0.5),
  });
  await createArticle(db, {
    authorId: author.id,
    sectionId: world.id,
    slug: 'secret-draft',
    status: 'draft',
  });
});
afterAll(() => testDb.cleanup());

describe('RSS and Atom feeds', () => {
  it('RSS 2.0 of the site: the latest 50, newest first, full text with the notes rendered', async () => {
    const rss = parse((await feedXml(testDb.db, site, 'rss'))!).rss;
    expect(rss['@_version']).toBe('2.0');
    const items = rss.channel.item as Record<string, any>[];
    expect(items).toHaveLength(FEED_ARTICLE_COUNT);
    expect(items[0]!.title).toBe('Sport story');
    // No standfirst: described by the body's opening words (without the note), not by nothing.
    expect(items[0]!.description).toBe('The match began late &amp; &lt;more&gt;');
    expect(items[1]).toMatchObject({
      title: 'World story 1 <&>',
      link: 'https://news.example/feeds-world/world-1',
      description: 'Standfirst 1',
    });
    const content = items[1]!['content:encoded'] as string;
    expect(content).toContain('Body of 1');
    expect(content).toContain('&amp; &lt;more&gt;');
    expect(content).toContain('role="doc-endnotes"');
    expect(content).toContain('The note text.');
    // The note marker links to the note on the article page, absolute for feed readers.
    expect(content).toContain('href="https://news.example/feeds-world/world-1#fn-1"');
    expect(JSON.stringify(items)).not.toContain('secret-draft');
  });

  it('Atom of a section: only its articles, with links to both feeds', async () => {
    const feed = parse((await feedXml(testDb.db, site, 'atom', world.slug))!).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.title).toBe('World · Newsroom');
    const entries = feed.entry as Record<string, any>[];
    expect(entries).toHaveLength(FEED_ARTICLE_COUNT);
    expect(
      entries.every((entry) => /^tag:news\.example,\d{4}-\d\d-\d\d:article:\w+$/.test(entry.id)),
    ).toBe(true);
    expect(entries[0]!.published).toBe(hoursAgo(1).toISOString());
    const links = [feed.link].flat().map((link: Record<string, string>) => link['@_href']);
    expect(links).toContain('https://news.example/feeds-world/atom.xml');
  });

  it('escapes plain-text headlines and standfirsts where the format reads HTML', async () => {
    // A database of its own: the other tests count articles.
    const own = await createTestDatabase();
    const { db } = own;
    const author = await createAuthor(db);
    const odd = await createSection(db, 'feeds-odd', 'Odd');
    await createArticle(db, {
      authorId: author.id,
      sectionId: odd.id,
      slug: 'odd-1',
      title: 'Tom & Jerry <script>x</script>',
      standfirst: '<b>not bold</b> & co',
    });
    const atom = parse((await feedXml(db, site, 'atom', odd.slug))!).feed.entry[0];
    expect(atom.title).toMatchObject({
      '#text': 'Tom &amp; Jerry &lt;script&gt;x&lt;/script&gt;',
      '@_type': 'html',
    });
    expect(atom.summary['#text']).toBe('&lt;b&gt;not bold&lt;/b&gt; &amp; co');
    const rss = parse((await feedXml(db, site, 'rss', odd.slug))!).rss.channel.item[0];
    expect(rss.title).toBe('Tom & Jerry <script>x</script>');
    expect(rss.description).toBe('&lt;b&gt;not bold&lt;/b&gt; &amp; co');
    await own.cleanup();
  });

  it('stays well-formed XML when stored text holds characters XML forbids', async () => {
    const own = await createTestDatabase();
    const { db } = own;
    const author = await createAuthor(db);
    const odd = await createSection(db, 'feeds-control', 'Control');
    await createArticle(db, {
      authorId: author.id,
      sectionId: odd.id,
      slug: 'control-1',
      title: 'Title\u000bwith VT\u0001',
      standfirst: 'Stand\u0002first\uffff',
      body: withNote('Body\u0001 text'),
      publishedAt: hoursAgo(1),
    });
    const documents = [
      (await feedXml(db, site, 'rss'))!,
      (await feedXml(db, site, 'atom'))!,
      (await feedXml(db, site, 'rss', odd.slug))!,
      (await feedXml(db, site, 'atom', odd.slug))!,
      await newsSitemapXml(db, site, NOW),
      await sitemapXml(db, site.baseUrl),
      (await sitemapPartXml(db, site.baseUrl, 1, 1))!,
    ];
    for (const xml of documents) {
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
      parse(xml);
    }
    const rss = parse(documents[0]!).rss.channel.item[0];
    expect(rss.title).toBe('Titlewith VT');
    expect(rss.description).toBe('Standfirst');
    expect(rss['content:encoded']).toContain('Body text');
    const news = parse(documents[4]!).urlset.url[0];
    expect(news['news:news']['news:title']).toBe('Titlewith VT');
    await own.cleanup();
  });

  it('stays well-formed with a section named "Kids <12", and carries the lead picture', async () => {
    const own = await createTestDatabase();
    const { db } = own;
    const author = await createAuthor(db);
    const kids = await createSection(db, 'feeds-kids', 'Kids <12 & "Teens"');
    const article = await createArticle(db, {
      authorId: author.id,
      sectionId: kids.id,
      slug: 'kids-1',
      publishedAt: hoursAgo(1),
    });
    const image = await db.image.create({
      data: {
        format: 'png',
        width: 2000,
        height: 1000,
        bytes: 1,
        alt: 'A chart',
        caption: 'Votes',
        credit: 'Agency',
        uploadedById: author.id,
      },
    });
    await db.article.update({ where: { id: article.id }, data: { leadImageId: image.id } });
    await goLive(db, article.id);
    const jpeg = `https://news.example/media/images/${image.id}/1200.jpg`;
    const atomXml = (await feedXml(db, site, 'atom'))!;
    // XML allows no `<` in an attribute value (fast-xml-parser lets it pass; feed readers don't).
    expect(atomXml).toContain('label="Kids &lt;12 &amp; &quot;Teens&quot;"');
    const atom = parse(atomXml).feed.entry[0];
    expect(atom.category['@_label']).toBe('Kids <12 & "Teens"');
    expect(atom.link.find((link: any) => link['@_rel'] === 'enclosure')['@_href']).toBe(jpeg);
    expect(atom.content['#text']).toMatch(/^<figure class="lead-image"/);
    const rss = parse((await feedXml(db, site, 'rss', kids.slug))!).rss.channel.item[0];
    expect(rss.enclosure).toMatchObject({ '@_url': jpeg, '@_type': 'image/jpeg' });
    expect(rss['content:encoded']).toMatch(/^<figure class="lead-image">.*alt="A chart"/);
    await own.cleanup();
  });

  it('keeps an entry id when the slug changes, and names the author with dc:creator in RSS', async () => {
    const own = await createTestDatabase();
    const { db } = own;
    const author = await createAuthor(db, 'Tom & Jerry');
    const renamed = await createSection(db, 'feeds-renamed', 'Renamed');
    const article = await createArticle(db, {
      authorId: author.id,
      sectionId: renamed.id,
      slug: 'before-rename',
      title: 'Renamed story',
    });
    const ids = async () => {
      const rss = parse((await feedXml(db, site, 'rss'))!).rss;
      const atom = parse((await feedXml(db, site, 'atom'))!).feed;
      return { item: rss.channel.item[0], entry: atom.entry[0], rss };
    };
    const before = await ids();
    const day = (await db.article.findUniqueOrThrow({ where: { id: article.id } })).createdAt
      .toISOString()
      .slice(0, 10);
    const expected = `tag:news.example,${day}:article:${article.id}`;
    expect(before.item.guid).toEqual({ '#text': expected, '@_isPermaLink': 'false' });
    expect(before.entry.id).toBe(expected);
    expect(before.item.author).toBeUndefined();
    expect(before.item['dc:creator']).toEqual({
      '#text': 'Tom & Jerry',
      '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/',
    });
    expect(before.entry.author).toEqual({ name: 'Tom & Jerry' });

    await db.articleLive.update({
      where: { articleId: article.id },
      data: { slug: 'after-rename' },
    });
    const after = await ids();
    expect(after.item.link).toBe('https://news.example/feeds-renamed/after-rename');
    expect(after.item.guid).toEqual(before.item.guid);
    expect(after.entry.id).toBe(expected);
    await own.cleanup();
  });

  it('answers null for an unknown section', async () => {
    expect(await feedXml(testDb.db, site, 'rss', 'no-such-section')).toBeNull();
  });
});

describe('sitemaps and robots.txt', () => {
  it('sitemap.xml lists every published article with lastmod, no drafts', async () => {
    const urls = parse(await sitemapXml(testDb.db, site.baseUrl)).urlset.url as Record<
      string,
      string
    >[];
    expect(urls).toHaveLength(FEED_ARTICLE_COUNT + 3);
    expect(urls[1]).toEqual({
      loc: 'https://news.example/feeds-world/world-1',
      lastmod: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(JSON.stringify(urls)).not.toContain('secret-draft');
  });

  it('becomes an index of parts when there are more articles than fit in one file', async () => {
    const index = parse(await sitemapXml(testDb.db, site.baseUrl, 20)).sitemapindex;
    expect(index.sitemap.map((part: Record<string, string>) => part.loc)).toEqual([
      'https://news.example/sitemaps/1.xml',
      'https://news.example/sitemaps/2.xml',
      'https://news.example/sitemaps/3.xml',
    ]);
    const parts = await Promise.all(
      [1, 2, 3].map((page) => sitemapPartXml(testDb.db, site.baseUrl, page, 20)),
    );
    const counts = parts.map((xml) => (parse(xml!).urlset.url as unknown[]).length);
    expect(counts).toEqual([20, 20, FEED_ARTICLE_COUNT + 3 - 40]);
    expect(await sitemapPartXml(testDb.db, site.baseUrl, 4, 20)).toBeNull();
  });

  it('the Google News sitemap has the last 48 hours, with publication, date and title', async () => {
    const urls = parse(await newsSitemapXml(testDb.db, site, NOW)).urlset.url as Record<
      string,
      any
    >[];
    expect(urls).toHaveLength(1 + 48);
    // An hour before, the sport story (dated half an hour before NOW) was still to come.
    const earlier = parse(await newsSitemapXml(testDb.db, site, hoursAgo(0.75))).urlset.url;
    expect(earlier.map((url: any) => url.loc)).not.toContain(
      'https://news.example/feeds-sport/sport-1',
    );
    expect(earlier).toHaveLength(48);
    expect(urls[1]).toEqual({
      loc: 'https://news.example/feeds-world/world-1',
      'news:news': {
        'news:publication': { 'news:name': 'Newsroom', 'news:language': 'en' },
        'news:publication_date': hoursAgo(1).toISOString(),
        'news:title': 'World story 1 <&>',
      },
    });
  });

  it('robots.txt keeps crawlers out of the newsroom and names the sitemaps', () => {
    expect(buildRobotsTxt(site.baseUrl, [FEED_PATHS.sitemap, FEED_PATHS.newsSitemap])).toBe(
      'User-agent: *\nDisallow: /newsroom/\nDisallow: /api/\n\nSitemap: https://news.example/sitemap.xml\nSitemap: https://news.example/news-sitemap.xml\n',
    );
  });
});

describe('absolutizeLinks', () => {
  it('makes every site-relative address absolute, each picture size in a srcset included', () => {
    const figure =
      '<figure><picture><source type="image/avif" srcset="/media/images/cimg1/400.avif 400w, /media/images/cimg1/800.avif 800w">' +
      '<img src="/media/images/cimg1/800.jpg" srcset="/media/images/cimg1/400.jpg 400w, https://cdn.example/x.jpg 800w" alt="x"></picture></figure>' +
      '<a href="#fn-1">1</a><a href="//other.example/">o</a>';
    expect(absolutizeLinks(figure, 'https://news.example', 'https://news.example/w/a')).toBe(
      '<figure><picture><source type="image/avif" srcset="https://news.example/media/images/cimg1/400.avif 400w, https://news.example/media/images/cimg1/800.avif 800w">' +
        '<img src="https://news.example/media/images/cimg1/800.jpg" srcset="https://news.example/media/images/cimg1/400.jpg 400w, https://cdn.example/x.jpg 800w" alt="x"></picture></figure>' +
        '<a href="https://news.example/w/a#fn-1">1</a><a href="//other.example/">o</a>',
    );
  });
});
