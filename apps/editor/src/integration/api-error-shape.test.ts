// Every route of both apps, read from their folders (a route added tomorrow is covered too).
// One error shape for every API of both apps: this test reads every route file under
// apps/*/app/api (so a route added tomorrow is covered without touching the test), calls each
// exported method of each one against the running apps in the ways that must fail (anonymous,
// from another site, with a body that is not JSON, for something that does not exist) and checks
// that every error answer is `{ "error": { "code", "message", "fields"? } }` as JSON.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, createApiKey, createSession } from '@newsroom/auth';
import { createTestDatabase, type TestDatabase } from '@newsroom/db/testing';
import { startApp, type AppServer } from '@newsroom/testing';

const appsDir = path.resolve(import.meta.dirname, '../../..');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];
type App = 'editor' | 'shortener';
type Route = { app: App; file: string; path: string; methods: Method[] };

function routeFiles(dir: string, name = 'route.ts'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full, name);
    return entry.name === name ? [full] : [];
  });
}

/** `app/api/links/[code]/route.ts` → `/api/links/no-such-thing`: every parameter names nothing. */
function urlPath(app: App, file: string): string {
  const segments = path
    .relative(path.join(appsDir, app, 'app'), path.dirname(file))
    .split(path.sep)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => (/^\[.*\]$/.test(segment) ? 'no-such-thing' : segment));
  return `/${segments.join('/')}`;
}

function exportedMethods(file: string): Method[] {
  const source = readFileSync(file, 'utf8');
  return METHODS.filter((method) =>
    new RegExp(`export\\s+(const|async\\s+function|function)\\s+${method}\\b`).test(source),
  );
}

const routes: Route[] = (['editor', 'shortener'] as const).flatMap((app) =>
  routeFiles(path.join(appsDir, app, 'app', 'api')).map((file) => ({
    app,
    file: path.relative(appsDir, file),
    path: urlPath(app, file),
    methods: exportedMethods(file),
  })),
);

let testDb: TestDatabase;
const servers = {} as Record<App, AppServer>;
const credentials = {} as Record<App, Record<string, string>>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const admin = await testDb.db.user.create({
    data: { email: 'shape@example.com', name: 'Shape', role: 'admin', passwordHash: 'x' },
  });
  const cookie = `${SESSION_COOKIE}=${(await createSession(testDb.db, admin.id)).token}`;
  const { key } = await createApiKey(testDb.db, 'shape');
  for (const app of ['editor', 'shortener'] as const) {
    servers[app] = await startApp(app, testDb.url, {
      env: { SHORTENER_URL: 'http://127.0.0.1:9' },
    });
  }
  credentials.editor = { cookie };
  credentials.shortener = { authorization: `Bearer ${key}` };
});

afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server?.stop()));
  await testDb?.cleanup();
});

type Attempt = { name: string; headers: (route: Route) => Record<string, string>; body?: string };

const isMutation = (method: Method) => method !== 'GET';

/** Ways to call a route that must end in an error answer for at least one of them. */
const attempts: Attempt[] = [
  {
    name: 'anonymous',
    headers: (route) => ({
      origin: servers[route.app].url,
      'content-type': 'application/json',
    }),
    body: '{}',
  },
  {
    name: 'from another site',
    headers: (route) => ({
      ...credentials[route.app],
      origin: 'https://evil.example',
      'content-type': 'application/json',
    }),
    body: '{}',
  },
  {
    name: 'a body that is not JSON',
    headers: (route) => ({
      ...credentials[route.app],
      origin: servers[route.app].url,
      'content-type': 'text/plain',
    }),
    body: 'not json',
  },
  {
    name: 'for something that does not exist',
    headers: (route) => ({
      ...credentials[route.app],
      origin: servers[route.app].url,
      'content-type': 'application/json',
    }),
    body: '{}',
  },
];

describe('the one error shape', () => {
  it('finds the API routes of both apps', () => {
    expect(routes.filter((route) => route.app === 'editor').length).toBeGreaterThan(5);
    expect(routes.filter((route) => route.app === 'shortener').length).toBeGreaterThan(2);
    for (const route of routes) expect(route.methods.length, route.file).toBeGreaterThan(0);
  });

  it('answers every failure of every API method as { error: { code, message } } JSON', async () => {
    const checked: string[] = [];
    for (const route of routes) {
      for (const method of route.methods) {
        let errors = 0;
        for (const attempt of attempts) {
          const response = await fetch(`${servers[route.app].url}${route.path}`, {
            method,
            headers: attempt.headers(route),
            body: isMutation(method) ? attempt.body : undefined,
            redirect: 'manual',
          });
          const label = `${method} ${route.path} (${route.file}), ${attempt.name}: ${response.status}`;
          const text = await response.text();
          if (response.status < 400) continue;
          errors += 1;
          expect(response.headers.get('content-type'), label).toMatch(/^application\/json/);
          const body = JSON.parse(text) as { error?: Record<string, unknown> };
          expect(Object.keys(body), label).toEqual(['error']);
          expect(body.error, label).toMatchObject({
            code: expect.stringMatching(/^[a-z_]+$/),
            message: expect.any(String),
          });
          expect(
            Object.keys(body.error!).every((key) => ['code', 'message', 'fields'].includes(key)),
            label,
          ).toBe(true);
          expect(response.status, label).not.toBe(500);
        }
        expect(errors, `${method} ${route.path}: no attempt failed`).toBeGreaterThan(0);
        checked.push(`${method} ${route.path}`);
      }
    }
    expect(checked.length).toBe(routes.reduce((sum, route) => sum + route.methods.length, 0));
  });
});

/** Every page and route path of an app (parameters filled in), where a form or action may post. */
function everyPath(app: App): string[] {
  const appDir = path.join(appsDir, app, 'app');
  const files = [...routeFiles(appDir, 'page.tsx'), ...routeFiles(appDir, 'route.ts')];
  return [...new Set(files.map((file) => urlPath(app, file)))];
}

/**
 * Paths a prefix-based proxy matcher could skip ("favicon.ico", "icon.svg", "_next/static"
 * without its slash), where Next.js would still run a posted server action.
 */
const EDGE_PATHS = [
  '/favicon.ico',
  '/favicon.icox',
  '/icon.svg',
  '/icon.svgx',
  '/_next/staticx',
  '/_next/image',
  '/robots.txt',
];

/** The shortener's link API is authenticated by API keys in a header, not cookies: no Origin. */
const isOriginExempt = (app: App, pathname: string) =>
  app === 'shortener' && /^\/api\/links(\/|$)/.test(pathname);

describe('the Origin check', () => {
  it('refuses every state-changing request without this site’s Origin, on every path', async () => {
    let refused = 0;
    for (const app of ['editor', 'shortener'] as const) {
      for (const pathname of [...everyPath(app), ...EDGE_PATHS]) {
        if (isOriginExempt(app, pathname)) continue;
        for (const origin of [null, 'https://evil.example', 'null']) {
          for (const method of ['POST', 'PUT', 'DELETE'] as const) {
            const response = await fetch(`${servers[app].url}${pathname}`, {
              method,
              headers: {
                ...credentials[app],
                ...(origin ? { origin } : {}),
                // What a server action post looks like: Next.js would run it on any page path.
                'next-action': '00'.repeat(21),
                'content-type': 'text/plain;charset=UTF-8',
              },
              body: '[]',
              redirect: 'manual',
            });
            const label = `${method} ${app} ${pathname}, Origin ${origin ?? 'missing'}`;
            const text = await response.text();
            expect(response.status, `${label}: ${text.slice(0, 120)}`).toBe(403);
            expect(text, label).toContain('Cross-site request refused');
            refused += 1;
          }
        }
      }
    }
    expect(refused).toBeGreaterThan(100);
  });
});
