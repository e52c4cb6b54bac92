import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerMethodNotAllowed, answerUnknownApiPath, readRouteMethods } from './route-methods';

let appDir: string;
let server: Server;
let port: number;

function file(relative: string, text: string) {
  const full = path.join(appDir, relative);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
}

beforeAll(async () => {
  appDir = mkdtempSync(path.join(tmpdir(), 'newsroom-app-'));
  file('api/links/route.ts', 'export const POST = withKey(a);\nexport const GET = withKey(b);\n');
  file('api/links/[code]/route.ts', 'export const GET = x;\nexport const DELETE = y;\n');
  file('api/links/export/route.ts', 'export async function GET() {}\n');
  file('(reader)/[section]/feed.xml/route.ts', 'export function GET() {}\n');
  file('(reader)/[section]/[slug]/page.tsx', 'export default function Page() {}\n');
  const routes = readRouteMethods(appDir);
  // As the front servers do: a request another check refuses first is left to it.
  const refusedFirst = (req: { headers: Record<string, unknown> }) =>
    req.headers['x-refused-first'] === 'yes';
  server = createServer((req, res) => {
    if (answerMethodNotAllowed(req, res, routes, { refusedFirst })) return;
    if (answerUnknownApiPath(req, res, routes, { refusedFirst })) return;
    res.end('to Next.js');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(appDir, { recursive: true, force: true });
});

function send(method: string, target: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; allow?: string; type?: string; body: string }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method, path: target, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            allow: res.headers.allow,
            type: res.headers['content-type'],
            body,
          }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('answerMethodNotAllowed', () => {
  it('answers a method a route handler does not export with 405, Allow and the error shape', async () => {
    const answer = await send('PUT', '/api/links/spring?x=1');
    expect(answer.status).toBe(405);
    expect(answer.allow).toBe('GET, HEAD, DELETE, OPTIONS');
    expect(answer.type).toBe('application/json');
    expect(JSON.parse(answer.body)).toEqual({
      error: {
        code: 'method_not_allowed',
        message: 'PUT is not allowed here; this address answers GET, HEAD, DELETE, OPTIONS.',
      },
    });
    expect((await send('DELETE', '/api/links')).allow).toBe('GET, HEAD, POST, OPTIONS');
  });

  it('takes a static segment before a dynamic one, as Next.js does', async () => {
    expect((await send('DELETE', '/api/links/export')).allow).toBe('GET, HEAD, OPTIONS');
    expect((await send('DELETE', '/api/links/other')).status).toBe(200);
  });

  it('leaves exported methods, HEAD with GET, OPTIONS, pages and unknown paths to Next.js', async () => {
    for (const [method, target] of [
      ['GET', '/api/links'],
      ['HEAD', '/api/links'],
      ['OPTIONS', '/api/links/abc'],
      ['POST', '/world/some-story'], // a page: server actions post to it
      ['PUT', '/nowhere/at/all'],
    ] as const) {
      expect((await send(method, target)).status, `${method} ${target}`).toBe(200);
    }
  });

  it('leaves a request another check refuses first (the Origin check) to it', async () => {
    expect((await send('PUT', '/api/links/spring', { 'x-refused-first': 'yes' })).status).toBe(200);
  });

  it('answers outside /api/ in plain text', async () => {
    const answer = await send('POST', '/world/feed.xml');
    expect([answer.status, answer.type, answer.allow]).toEqual([
      405,
      'text/plain; charset=utf-8',
      'GET, HEAD, OPTIONS',
    ]);
  });
});

describe('answerUnknownApiPath', () => {
  it('answers a path under /api/ that no route serves with 404 in the error shape', async () => {
    for (const [method, target] of [
      ['GET', '/api/nope'],
      ['GET', '/api'],
      ['GET', '/api/links/spring/stats/x'],
      ['POST', '/api/links/x/y'],
      ['DELETE', '/api/links/spring/x?y=1'],
    ] as const) {
      const answer = await send(method, target);
      expect([answer.status, answer.type], `${method} ${target}`).toEqual([
        404,
        'application/json',
      ]);
      expect(JSON.parse(answer.body)).toEqual({
        error: { code: 'not_found', message: 'There is no API at this address: check the path.' },
      });
    }
    expect(await send('HEAD', '/api/nope')).toMatchObject({ status: 404, body: '' });
  });

  it('leaves routes, pages outside /api/ and what another check refuses first to the rest', async () => {
    expect((await send('GET', '/api/links/spring')).status).toBe(200);
    expect((await send('GET', '/nowhere/at/all')).status).toBe(200);
    expect((await send('POST', '/api/nope', { 'x-refused-first': 'yes' })).status).toBe(200);
  });
});
