// The cache in front of a stand-in for Next.js, over real HTTP: the stand-in renders pages from
// a mutable table and records their dependencies the way the reader pages do, so every test
// can change "the database" and watch what the cache serves.
import { createHash } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readerPagesChanged } from '../changes/announce';
import { READER_RENDER_HEADER, recordPageDependencies } from '../dependencies/render-registry';
import { articleTag, listTag, SECTIONS_TAG } from '../dependencies/tags';
import { createReaderPageCache, type ReaderPageCache } from './reader-page-cache';

type StandInPage = { status: number; html: string; tags: string[]; location?: string };

const site = new Map<string, StandInPage>();
let renders: string[] = [];
/** Lets a test hold a render mid-way (to change the data while it runs). */
let renderGate: Promise<void> | null = null;
let server: Server;
let origin: string;
let cache: ReaderPageCache;
/** What the change feed tells the cache when it listens again after a gap (see ChangeBus). */
let feedResumed = () => {};

function page(title: string, tags: string[]): StandInPage {
  return {
    status: 200,
    html: `<!DOCTYPE html><html><head><script>self.__next_f=[${JSON.stringify(title)}]</script></head><body><h1>${title}</h1><script type="application/ld+json">{}</script></body></html>`,
    tags,
  };
}

async function standInNext(url: string, headers: IncomingHttpHeaders) {
  renders.push(url);
  // Reads "the database" first, then may be held: a change can land while it renders.
  const found = site.get(url) ?? { status: 404, html: '<h1>Not found</h1>', tags: [] };
  if (renderGate) await renderGate;
  const renderId = headers[READER_RENDER_HEADER];
  recordPageDependencies(typeof renderId === 'string' ? renderId : null, found.tags);
  return found;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    if (cache.handle(req, res)) return;
    void standInNext(req.url ?? '/', req.headers).then((found) => {
      res.writeHead(found.status, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'private, no-store',
        vary: 'rsc, Accept-Encoding',
        ...(found.location ? { location: found.location } : {}),
        'x-rendered-by': 'next',
      });
      res.end(found.html);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cache = createReaderPageCache({
    renderOrigin: origin,
    sMaxAgeSeconds: 30,
    staleWhileRevalidateSeconds: 120,
    changes: {
      publish: async () => undefined,
      subscribe: () => () => undefined,
      onResumed: (handler) => {
        feedResumed = handler;
        return () => undefined;
      },
    },
  });
});

afterEach(() => {
  site.clear();
  renders = [];
  renderGate = null;
  cache.invalidate({ articleIds: ['a', 'b', 'c'], lists: [null, 'world'] });
});

afterAll(async () => {
  cache.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

type Answer = { status: number; headers: IncomingHttpHeaders; body: Buffer };

function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(`${origin}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const text = (answer: Answer) => answer.body.toString('utf8');

describe('reader page cache', () => {
  it('renders a page once, then serves the same bytes from memory with CDN headers', async () => {
    site.set('/world/story', page('Story', [articleTag('a')]));
    const first = await get('/world/story');
    const second = await get('/world/story');
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBe('miss');
    expect(second.headers['x-cache']).toBe('hit');
    expect(text(second)).toBe(site.get('/world/story')!.html);
    expect(renders).toEqual(['/world/story']);
    expect(second.headers['cache-control']).toBe(
      'public, max-age=0, s-maxage=30, stale-while-revalidate=120',
    );
    expect(second.headers.vary).toBe('rsc, Accept-Encoding');
    expect(second.headers['x-rendered-by']).toBeUndefined();
  });

  it('answers 304 to a matching If-None-Match, in any form', async () => {
    site.set('/', page('Home', [listTag(null)]));
    const { headers } = await get('/');
    const etag = headers.etag!;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    const notModified = await get('/', { 'if-none-match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(notModified.headers.etag).toBe(etag);
    expect(notModified.headers['permissions-policy']).toContain('camera=()');
    expect(notModified.headers['x-content-type-options']).toBe('nosniff');
    expect((await get('/', { 'if-none-match': `"x", ${etag.slice(2)}` })).status).toBe(304);
    expect((await get('/', { 'if-none-match': '"something-else"' })).status).toBe(200);
  });

  it('serves brotli, gzip or identity as the client accepts, all with one validator', async () => {
    site.set('/world', page('World', [listTag('world')]));
    const identity = await get('/world');
    const br = await get('/world', { 'accept-encoding': 'gzip, deflate, br' });
    const gz = await get('/world', { 'accept-encoding': 'gzip, br;q=0' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(identity.body)).toBe(true);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(identity.body)).toBe(true);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(new Set([identity, br, gz].map((answer) => answer.headers.etag)).size).toBe(1);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
  });

  it('allows exactly the page’s inline scripts by hash: no nonce is shared between readers', async () => {
    site.set('/world/story', page('Story', [articleTag('a')]));
    await get('/world/story');
    const { headers } = await get('/world/story');
    const policy = headers['content-security-policy']!;
    const script = 'self.__next_f=["Story"]';
    const hash = createHash('sha256').update(script).digest('base64');
    expect(policy).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(policy).not.toContain('nonce-');
    expect(policy).toContain("frame-ancestors 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  it('drops exactly the pages that depend on a change', async () => {
    site.set('/world/a', page('A', [articleTag('a'), articleTag('b')]));
    site.set('/world/b', page('B', [articleTag('b')]));
    site.set('/world/c', page('C', [articleTag('c')]));
    site.set('/', page('Home', [listTag(null), articleTag('a'), articleTag('c')]));
    site.set('/world', page('World', [listTag('world'), articleTag('a')]));
    for (const path of site.keys()) await get(path);
    renders = [];

    // B's headline changed: its page and A's (whose related links name B) change.
    site.set('/world/a', page('A, linking B renamed', [articleTag('a'), articleTag('b')]));
    site.set('/world/b', page('B renamed', [articleTag('b')]));
    await readerPagesChanged({ articleIds: ['b'], lists: [] });
    expect(text(await get('/world/b'))).toContain('B renamed');
    expect(text(await get('/world/a'))).toContain('linking B renamed');
    for (const path of ['/world/c', '/', '/world']) await get(path);
    expect(renders.sort()).toEqual(['/world/a', '/world/b']);

    // A new article in World: both lists it enters change, nothing else.
    renders = [];
    cache.invalidate({ articleIds: ['d'], lists: [null, 'world'] });
    for (const path of site.keys()) await get(path);
    expect(renders.sort()).toEqual(['/', '/world']);
  });

  it('drops every page that shows the sections when one is added, renamed or moved', async () => {
    site.set('/', page('Home', [listTag(null), SECTIONS_TAG]));
    site.set('/world', page('World', [listTag('world'), SECTIONS_TAG]));
    site.set('/world/a', page('A', [articleTag('a'), SECTIONS_TAG]));
    site.set('/unrelated', page('No sections shown', [articleTag('z')]));
    for (const path of site.keys()) await get(path);
    renders = [];
    await readerPagesChanged({ articleIds: [], lists: [], sections: true });
    for (const path of site.keys()) await get(path);
    expect(renders.sort()).toEqual(['/', '/world', '/world/a']);
  });

  it('does not store a render that began before a change to what it shows', async () => {
    site.set('/world/a', page('Old text', [articleTag('a')]));
    let release!: () => void;
    renderGate = new Promise((resolve) => (release = resolve));
    const during = get('/world/a');
    await expect.poll(() => renders.length).toBe(1);
    site.set('/world/a', page('New text', [articleTag('a')]));
    cache.invalidate({ articleIds: ['a'], lists: [] });
    release();
    renderGate = null;
    expect(text(await during)).toContain('Old text'); // asked before the change
    expect(text(await get('/world/a'))).toContain('New text');
    expect(renders).toEqual(['/world/a', '/world/a']);
  });

  it('forgets every page when the change feed comes back after a gap, renders in flight too', async () => {
    site.set('/world/a', page('A', [articleTag('a')]));
    site.set('/', page('Home', [listTag(null), articleTag('a')]));
    for (const path of site.keys()) await get(path);
    // Unpublished on another instance while this one's feed was away: the message was missed.
    site.set('/world/a', { status: 404, html: '<h1>Not found</h1>', tags: [] });
    site.set('/', page('Home without A', [listTag(null)]));
    site.set('/world/b', page('B', [articleTag('b')]));
    let release!: () => void;
    renderGate = new Promise((resolve) => (release = resolve));
    renders = [];
    const during = get('/world/b');
    await expect.poll(() => renders.length).toBe(1);
    feedResumed();
    release();
    renderGate = null;
    await during;
    expect((await get('/world/a')).status).toBe(404);
    expect(text(await get('/'))).toContain('Home without A');
    await get('/world/b');
    expect(renders).toEqual(['/world/b', '/world/a', '/', '/world/b']);
  });

  it('renders a page once for many readers arriving together', async () => {
    site.set('/world/a', page('A', [articleTag('a')]));
    let release!: () => void;
    renderGate = new Promise((resolve) => (release = resolve));
    const readers = Array.from({ length: 20 }, () => get('/world/a'));
    await expect.poll(() => renders.length).toBe(1);
    release();
    const answers = await Promise.all(readers);
    expect(answers.every((answer) => text(answer).includes('<h1>A</h1>'))).toBe(true);
    expect(renders).toEqual(['/world/a']);
  });

  it('passes on answers that are not pages (404, redirects) without storing them', async () => {
    site.set('/old/story', { status: 308, html: '', tags: [], location: '/world/story' });
    const moved = await get('/old/story');
    expect(moved.status).toBe(308);
    expect(moved.headers.location).toBe('/world/story');
    // The visitor's query string goes along (the page itself was rendered without it).
    const shared = await get('/old/story?utm_source=tw&x=a%20b');
    expect(shared.status).toBe(308);
    expect(shared.headers.location).toBe('/world/story?utm_source=tw&x=a%20b');
    const missing = await get('/world/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBe('private, no-store');
    expect(missing.headers['content-security-policy']).toContain("script-src 'self'");
    await get('/world/nothing-here');
    expect(renders).toEqual([
      '/old/story',
      '/old/story',
      '/world/nothing-here',
      '/world/nothing-here',
    ]);
  });

  it('keys pages by path and page number only', async () => {
    site.set('/', page('Home', [listTag(null)]));
    site.set('/?page=2', page('Home, page 2', [listTag(null)]));
    await get('/');
    expect((await get('/?utm_source=share&page=1')).headers['x-cache']).toBe('hit');
    expect(text(await get('/?page=2'))).toContain('page 2');
    expect(renders).toEqual(['/', '/?page=2']);
  });

  it('leaves everything else to Next.js', async () => {
    site.set('/world/story', page('Story', [articleTag('a')]));
    await get('/world/story');
    const asks: [string, Record<string, string>, string?][] = [
      ['/world/story', { rsc: '1' }],
      ['/world/story', { 'next-router-prefetch': '1' }],
      ['/world/story?_rsc=abc', {}],
      ['/world/story', {}, 'POST'],
      ['/newsroom', {}],
      ['/api/articles', {}],
      ['/icon.svg', {}],
      ['/World/Story', {}],
      ['/world/story/extra', {}],
      ['/?page=0', {}],
      ['/world/story', { [READER_RENDER_HEADER]: 'an-id-nobody-issued' }],
    ];
    for (const [path, headers, method] of asks) {
      const answer = await get(path, headers, method);
      const expectedByNext = !(READER_RENDER_HEADER in headers);
      expect(answer.headers['x-rendered-by'], `${method ?? 'GET'} ${path}`).toBe(
        expectedByNext ? 'next' : undefined,
      );
    }
  });

  it('answers HEAD with the headers only', async () => {
    site.set('/world/story', page('Story', [articleTag('a')]));
    await get('/world/story');
    const head = await get('/world/story', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(site.get('/world/story')!.html.length);
  });
});
