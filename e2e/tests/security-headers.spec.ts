// Security headers on every route of both apps. The routes are read from the apps' folders
// (every app/**/page.tsx and route.ts, with each method a route file exports), so a new route is
// checked without anyone remembering to add it here; a new kind of [parameter] fails this test
// until it gets a value below. Each route is asked anonymously and as a logged-in admin, and
// whatever it answers (200, 3xx, 4xx) must carry the headers.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIResponse } from '@playwright/test';
import { createSession, SESSION_COOKIE } from '@newsroom/auth';
import { createDb } from '@newsroom/db';
import { ADMIN } from './newsroom-helpers';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const editorUrl = process.env.EDITOR_URL!;
const shortenerUrl = process.env.SHORTENER_URL!;

type Route = { app: 'editor' | 'shortener'; pattern: string; methods: string[] };

const ROUTE_METHODS =
  /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g;

function routesOf(app: Route['app']): Route[] {
  const appDir = path.join(repoRoot, 'apps', app, 'app');
  return (readdirSync(appDir, { recursive: true }) as string[])
    .filter((file) => /(^|\/)(page\.tsx|route\.ts)$/.test(file))
    .map((file) => {
      const segments = path
        .dirname(file)
        .split(path.sep)
        .filter((segment) => segment !== '.' && !/^\(.*\)$/.test(segment));
      const methods = file.endsWith('route.ts')
        ? [...readFileSync(path.join(appDir, file), 'utf8').matchAll(ROUTE_METHODS)].map(
            (match) => match[1]!,
          )
        : ['GET'];
      return { app, pattern: `/${segments.join('/')}`, methods };
    });
}

/** Staff-only routes: never framed by anyone. */
function isStaff(route: Route): boolean {
  return route.app === 'shortener' || /^\/(api\/)?newsroom(\/|$)/.test(route.pattern);
}

test('every route of both apps answers with the security headers', async ({ request }) => {
  const db = createDb(process.env.DATABASE_URL);
  try {
    const article = await db.article.findFirstOrThrow({
      where: { status: 'published' },
      include: { section: true },
    });
    const admin = await db.user.findUniqueOrThrow({ where: { email: ADMIN.email } });
    const { token } = await createSession(db, admin.id);
    const values: Record<string, (pattern: string) => string> = {
      '[section]': () => article.section.slug,
      '[slug]': () => article.slug,
      '[id]': (pattern) => (pattern.includes('/users/') ? admin.id : article.id),
      '[revisionId]': () => 'no-such-revision',
      '[code]': () => 'no-such-code',
      '[file]': () => '800.webp',
      '[part]': () => '1.xml',
    };
    const urlOf = (route: Route) =>
      route.pattern.replace(/\[[^\]]+\]/g, (parameter) => {
        const value = values[parameter];
        if (!value) throw new Error(`${route.app} ${route.pattern}: give ${parameter} a value`);
        return encodeURIComponent(value(route.pattern));
      });

    const routes = [...routesOf('editor'), ...routesOf('shortener')];
    expect(routes.filter((route) => route.app === 'editor').length).toBeGreaterThan(15);
    expect(routes.filter((route) => route.app === 'shortener').length).toBeGreaterThan(5);

    let checked = 0;
    for (const route of routes) {
      const base = route.app === 'editor' ? editorUrl : shortenerUrl;
      for (const method of route.methods) {
        for (const loggedIn of [false, true]) {
          const response = await request.fetch(`${base}${urlOf(route)}`, {
            method,
            maxRedirects: 0,
            headers: {
              origin: base,
              'content-type': 'application/json',
              ...(loggedIn ? { cookie: `${SESSION_COOKIE}=${token}` } : {}),
            },
            ...(method === 'GET' ? {} : { data: '{}' }),
          });
          expectSecurityHeaders(
            response,
            isStaff(route),
            `${method} ${route.app} ${route.pattern}`,
          );
          checked += 1;
        }
      }
    }
    // Answers that never reach Next.js: cached reader pages, the shortener's own pages.
    for (const [url, staff] of [
      [`${editorUrl}/`, false],
      [`${editorUrl}/${article.section.slug}/${article.slug}`, false],
      [`${shortenerUrl}/no-such-code`, false],
      [`${shortenerUrl}/no-such-code+`, false],
      [`${editorUrl}/no-such-section/no-such-article`, false],
    ] as const) {
      for (let time = 0; time < 2; time += 1) {
        expectSecurityHeaders(await request.get(url, { maxRedirects: 0 }), staff, `GET ${url}`);
      }
    }
    console.log(`Checked the security headers of ${checked} route answers.`);
  } finally {
    await db.$disconnect();
  }
});

function expectSecurityHeaders(response: APIResponse, staff: boolean, what: string) {
  const headers = response.headers();
  const policy = headers['content-security-policy'] ?? '';
  expect(policy, `${what} (${response.status()}): CSP`).toContain("default-src 'self'");
  expect(policy, what).toContain("object-src 'none'");
  expect(policy, what).toContain(staff ? "frame-ancestors 'none'" : "frame-ancestors 'self'");
  expect(policy.match(/script-src [^;]*/)?.[0], what).not.toContain("'unsafe-inline'");
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBeTruthy();
  expect(headers['permissions-policy'], what).toContain('camera=()');
  expect(headers['x-frame-options'], what).toBe(staff ? 'DENY' : 'SAMEORIGIN');
  // Served over plain http here: no HSTS (it is tested behind a trusted https proxy elsewhere).
  expect(headers['strict-transport-security'], what).toBeUndefined();
}
