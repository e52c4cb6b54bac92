import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { answerUnavailableOnServerError } from './server-error-gate';

// A real HTTP server whose "app" answers the way Next.js may: writeHead then chunks, statusCode
// then write, or end alone. The gate sits in front, as in the apps' front servers.
let server: Server | undefined;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

type App = (res: ServerResponse) => void;

async function serve(app: App, isDown: () => Promise<boolean>) {
  const asked: string[] = [];
  server = createServer((req, res) => {
    answerUnavailableOnServerError(req, res, () => {
      asked.push(req.url ?? '');
      return isDown();
    });
    res.setHeader('X-Content-Type-Options', 'nosniff'); // set before the app, like the front server
    app(res);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  return { get, asked };
}

const errorDocument: Record<string, App> = {
  'writeHead, then chunks': (res) => {
    res.writeHead(500, { 'content-type': 'text/html', etag: '"x"' });
    res.write('<html>Internal');
    res.end(' Server Error</html>');
  },
  'statusCode, then write': (res) => {
    res.statusCode = 500;
    res.setHeader('content-type', 'text/html');
    res.flushHeaders();
    res.write(Buffer.from('<html>Internal Server Error</html>'));
    res.end();
  },
  'end alone': (res) => {
    res.statusCode = 500;
    res.end('<html>Internal Server Error</html>');
  },
};

describe('answerUnavailableOnServerError', () => {
  for (const [how, app] of Object.entries(errorDocument)) {
    it(`turns a 500 (${how}) into the 503 page while the database is down`, async () => {
      const { get } = await serve(app, async () => true);
      const page = await get('/newsroom/articles');
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.headers.get('etag')).toBeNull();
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.text).toContain('Temporarily unavailable');
    });

    it(`passes a 500 (${how}) on unchanged when the database answers`, async () => {
      const { get } = await serve(app, async () => false);
      const page = await get('/newsroom/articles');
      expect(page.status).toBe(500);
      expect(page.text).toBe('<html>Internal Server Error</html>');
    });
  }

  it('answers an API in the one error shape', async () => {
    const { get } = await serve(errorDocument['end alone']!, async () => true);
    const api = await get('/api/newsroom/images');
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(JSON.parse(api.text)).toMatchObject({
      error: { code: 'unavailable', message: expect.stringContaining('database') },
    });
  });

  it('never holds or questions a successful answer', async () => {
    const { get, asked } = await serve(
      (res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('hello ');
        res.end('world');
      },
      async () => true,
    );
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.text).toBe('hello world');
    expect(asked).toEqual([]);
  });

  it('leaves a 503 the app chose itself alone', async () => {
    const { get, asked } = await serve(
      (res) => {
        res.writeHead(503, { 'retry-after': '30' });
        res.end('maintenance');
      },
      async () => true,
    );
    const page = await get('/');
    expect([page.status, page.headers.get('retry-after'), page.text]).toEqual([
      503,
      '30',
      'maintenance',
    ]);
    expect(asked).toEqual([]);
  });
});
