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
import { startAppServer, type AppServer } from '@newsroom/testing';

const appsDir = path.resolve(import.meta.dirname, '../../..');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];
type App = 'editor' | 'shortener';
type Route = { app: App; file: string; path: string; methods: Method[] };

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
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
  [servers.editor, servers.shortener] = await Promise.all(
    (['editor', 'shortener'] as const).map((app) =>
      startAppServer({
        appDir: path.join(appsDir, app),
        portVariable: app === 'editor' ? 'EDITOR_PORT' : 'SHORTENER_PORT',
        readyText: app === 'editor' ? 'Editor ready on' : 'Shortener ready on',
        databaseUrl: testDb.url,
        env: { SHORTENER_URL: 'http://127.0.0.1:9' },
      }),
    ),
  );
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
