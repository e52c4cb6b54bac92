/**
 * The "visit details" redirect scenario, kept apart from the bench driver so that the driver can
 * change (own process for the load generator, …) without touching it. It gives:
 *  - the server environment (the load generator is the trusted proxy: X-Forwarded-For counts),
 *  - the links to seed (`visit0` … `visit999`, ids `visit-…`, apart from the other scenarios'),
 *  - a request mix of varied user agents, referrers and client addresses: a fixed cycle of
 *    precomputed requests, so that picking one costs the generator no more than a cached path,
 *    and the expected count of every (dimension, value) follows from how many were sent,
 *  - an exact phase (fixed number of requests by plain HTTP, bots and HEAD among them),
 *  - the check, after the shortener has stopped (and so flushed): clicks and breakdowns exact.
 */
import http from 'node:http';
import type { Db } from '@newsroom/db';
import {
  countryLookup,
  parseUserAgent,
  referrerHost,
  VISIT_DIMENSIONS,
  VISIT_VALUES,
} from '@newsroom/links';

export const VISIT_SERVER_ENV = { TRUSTED_PROXIES: 'loopback' };

export const VISIT_LINKS = 1_000;
const EXACT_CODE = 'visitexact';
/** Requests of the exact phase per request of the cycle below… */
const EXACT_REQUESTS = 5_000;

const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/V.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/V.0.0.0 Safari/537.36 Edg/V.0.0.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.V Safari/605.1.15',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:V.0) Gecko/20100101 Firefox/V.0',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/V.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_V like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.V Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (iPad; CPU OS 16_V like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.V Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/V.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/V.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/V.0.0.0 Mobile Safari/537.36',
];
/** Ten browsers in 30 versions each: 300 distinct user agents, as a day of real traffic has. */
const USER_AGENTS = BROWSERS.flatMap((template) =>
  Array.from({ length: 30 }, (_, index) => template.replaceAll('V', String(100 + index))),
);
const REFERRER_HOSTS = [
  'www.google.com',
  't.co',
  'www.facebook.com',
  'news.ycombinator.com',
  'lnkd.in',
  'android-app://com.google.android.gm',
  'www.reddit.com',
  'duckduckgo.com',
  'nitter.example',
  'mail.example.org',
];
/** 50 referring pages over 10 hosts, and visits without a Referer. */
const REFERERS: (string | undefined)[] = [
  undefined,
  ...REFERRER_HOSTS.flatMap((host) =>
    Array.from({ length: 5 }, (_, page) =>
      host.includes('://') ? `${host}/` : `https://${host}/story/${page}?ref=share`,
    ),
  ),
];
/** 20,000 public IPv4 addresses (twice the server's country cache: about half the look-ups miss). */
const ADDRESSES = Array.from({ length: 20_000 }, (_, index) => {
  const first = [8, 23, 31, 41, 46, 62, 77, 81, 85, 91, 103, 133, 151, 177, 185, 190, 200, 212];
  return `${first[index % first.length]}.${(index * 7) % 256}.${(index * 13) % 256}.${(index % 254) + 1}`;
});

type VisitRequest = { path: string; headers: Record<string, string>; details: string[] };

/**
 * A cycle of precomputed requests over the links; the strides are co-prime with the list lengths,
 * so user agent, referrer and address vary independently. `details` is what the server must count.
 */
function buildCycle(count: number, pathOf: (index: number) => string): VisitRequest[] {
  const countries = countryLookup();
  return Array.from({ length: count }, (_, index) => {
    const userAgent = USER_AGENTS[(index * 7) % USER_AGENTS.length]!;
    const referer = REFERERS[(index * 11) % REFERERS.length];
    const address = ADDRESSES[(index * 3) % ADDRESSES.length]!;
    const agent = parseUserAgent(userAgent);
    return {
      path: pathOf(index),
      headers: {
        'user-agent': userAgent,
        // A client address behind the (trusted, loopback) proxy, as a load balancer sends it.
        'x-forwarded-for': address,
        ...(referer && { referer }),
      },
      details: [
        `referrer\n${referer ? referrerHost(referer) : VISIT_VALUES.direct}`,
        agent.device,
        agent.browser,
        agent.os,
        countries(address),
      ],
    };
  });
}

export type VisitMix = {
  /** The next request (path and headers): set them on autocannon's request in setupRequest. */
  next: () => { path: string; headers: Record<string, string> };
  /** How many were handed out. */
  sent: () => number;
  /** What the server must have counted for `sent` requests: "dimension\nvalue" → clicks. */
  expected: (sent: number) => Map<string, number>;
};

export function createVisitMix(): VisitMix {
  const cycle = buildCycle(40_000, (index) => `/visit${index % VISIT_LINKS}`);
  let counter = 0;
  return {
    next: () => cycle[counter++ % cycle.length]!,
    sent: () => counter,
    expected: (sent) => {
      const totals = new Map<string, number>();
      cycle.forEach((request, index) => {
        const times = Math.floor(sent / cycle.length) + (index < sent % cycle.length ? 1 : 0);
        if (times === 0) return;
        for (const detail of request.details) totals.set(detail, (totals.get(detail) ?? 0) + times);
      });
      return totals;
    },
  };
}

/**
 * The load phase's requests for a generator in another process: a cycle over the links (each
 * of autocannon's connections walks it from the start, so counts per value are not known here;
 * the exact phase checks those).
 */
export function visitLoadRequests(
  count = 4_000,
): { path: string; headers: Record<string, string> }[] {
  return buildCycle(count, (index) => `/visit${index % VISIT_LINKS}`).map(({ path, headers }) => ({
    path,
    headers,
  }));
}

/** `visit0` … `visit999` and `visitexact`, in 1,000-row INSERTs. */
export async function seedVisitLinks(db: Db): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM "ShortLink" WHERE "id" LIKE 'visit-%'`);
  const now = new Date().toISOString();
  const row = (id: string, code: string) =>
    `('${id}', '${code}', '${code.toLowerCase()}', 'https://example.com/${code}', 302, false, '${now}', '${now}')`;
  const rows = Array.from({ length: VISIT_LINKS }, (_, index) =>
    row(`visit-${index}`, `visit${index}`),
  );
  rows.push(row('visit-exact', EXACT_CODE));
  await db.$executeRawUnsafe(
    `INSERT INTO "ShortLink" ("id", "code", "codeKey", "url", "redirectType", "disabled", "createdAt", "updatedAt") VALUES ${rows.join(',')}`,
  );
}

export async function deleteVisitLinks(db: Db): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM "ShortLink" WHERE "id" LIKE 'visit-%'`);
}

/**
 * The exact phase: EXACT_REQUESTS requests of the mix to one link over plain keep-alive HTTP, each
 * awaited, plus bots and HEAD requests that must count nowhere. Returns what must be counted.
 */
export async function sendExactVisits(baseUrl: string): Promise<Map<string, number>> {
  const cycle = buildCycle(EXACT_REQUESTS, () => `/${EXACT_CODE}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });
  const { hostname, port } = new URL(baseUrl);
  const send = (path: string, headers: Record<string, string>, method = 'GET') =>
    new Promise<number>((resolve, reject) => {
      const req = http.request({ host: hostname, port, path, method, headers, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });
  let next = 0;
  const statuses: number[] = [];
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < cycle.length) {
        const request = cycle[next++]!;
        statuses.push(await send(request.path, request.headers));
        if (next % 10 === 0) {
          // Never counted: a bot and a HEAD request, with the same kind of headers.
          statuses.push(
            await send(request.path, { ...request.headers, 'user-agent': 'Googlebot/2.1' }),
          );
          statuses.push(await send(request.path, request.headers, 'HEAD'));
        }
      }
    }),
  );
  agent.destroy();
  const wrong = statuses.filter((status) => status !== 302).length;
  if (wrong > 0) throw new Error(`Exact phase: ${wrong} answers were not 302`);
  const expected = new Map<string, number>();
  for (const request of cycle) {
    for (const detail of request.details) expected.set(detail, (expected.get(detail) ?? 0) + 1);
  }
  return expected;
}

type Counted = { clicks: number; details: Map<string, number> };

/** Where the load phase's clicks are counted: every visit link but the exact phase's. */
const LOAD_LINKS = `"linkId" LIKE 'visit-%' AND "linkId" <> 'visit-exact'`;

/** Clicks written so far for the load phase's links. */
export async function visitLoadClicks(db: Db): Promise<number> {
  return (await counted(db, LOAD_LINKS)).clicks;
}

async function counted(db: Db, where: string): Promise<Counted> {
  const [days, details] = await Promise.all([
    db.$queryRawUnsafe<{ total: bigint | number | null }[]>(
      `SELECT SUM("count") AS total FROM "ClickDay" WHERE ${where}`,
    ),
    db.$queryRawUnsafe<{ dimension: string; value: string; total: bigint | number }[]>(
      `SELECT "dimension", "value", SUM("count") AS total FROM "ClickDetail" WHERE ${where} GROUP BY "dimension", "value"`,
    ),
  ]);
  return {
    clicks: Number(days[0]?.total ?? 0),
    details: new Map(details.map((row) => [`${row.dimension}\n${row.value}`, Number(row.total)])),
  };
}

function perDimension(details: Map<string, number>): Record<string, number> {
  const sums: Record<string, number> = Object.fromEntries(VISIT_DIMENSIONS.map((d) => [d, 0]));
  for (const [key, count] of details) {
    const dimension = key.slice(0, key.indexOf('\n'));
    sums[dimension] = (sums[dimension] ?? 0) + count;
  }
  return sums;
}

/**
 * Run after the shortener has stopped (a clean stop writes every pending click).
 * Load phase: every redirect seen by the generator counted (plus at most `inFlight` requests it
 * stopped waiting for), each dimension adding up to the clicks exactly, and each (dimension,
 * value) within what was sent. Exact phase: every (dimension, value) equal to what was sent.
 */
export async function checkVisitDetails(
  db: Db,
  {
    mix,
    redirects,
    inFlight,
    exact,
  }: {
    /** The generator's mix when it ran in this process (counts per value known); else undefined. */
    mix: VisitMix | undefined;
    redirects: number;
    inFlight: number;
    exact: Map<string, number>;
  },
): Promise<{ ok: boolean; lines: string[] }> {
  const lines: string[] = [];
  let ok = true;
  const fail = (line: string) => {
    ok = false;
    lines.push(`✗ ${line}`);
  };

  const load = await counted(db, LOAD_LINKS);
  if (load.clicks < redirects || load.clicks > redirects + inFlight) {
    fail(
      `load phase: ${load.clicks} clicks counted for ${redirects} redirects (+ ≤ ${inFlight} in flight)`,
    );
  }
  for (const [dimension, sum] of Object.entries(perDimension(load.details))) {
    if (sum !== load.clicks)
      fail(`load phase: ${dimension} adds up to ${sum}, clicks ${load.clicks}`);
  }
  if (mix) {
    const sent = mix.sent();
    const expected = mix.expected(sent);
    const lost = sent - load.clicks; // sent by the generator but never answered before it stopped
    for (const [key, count] of load.details) {
      const want = expected.get(key) ?? 0;
      if (count > want || count < want - lost) {
        fail(
          `load phase: ${key.replace('\n', ' = ')} counted ${count}, sent ${want} (${lost} lost)`,
        );
      }
    }
  }
  lines.push(
    `load phase: ${load.clicks.toLocaleString('en')} clicks for ` +
      `${redirects.toLocaleString('en')} redirects, ${load.details.size} (dimension, value) pairs, ` +
      'every dimension adds up to the clicks' +
      (mix ? '' : ' (per-value counts: see the exact phase)'),
  );

  const exactCounted = await counted(db, `"linkId" = 'visit-exact'`);
  const exactClicks = [...exact]
    .filter(([key]) => key.startsWith('country\n'))
    .reduce((s, [, c]) => s + c, 0);
  if (exactCounted.clicks !== exactClicks) {
    fail(`exact phase: ${exactCounted.clicks} clicks counted, ${exactClicks} sent`);
  }
  const keys = new Set([...exact.keys(), ...exactCounted.details.keys()]);
  const wrong = [...keys].filter(
    (key) => (exact.get(key) ?? 0) !== (exactCounted.details.get(key) ?? 0),
  );
  if (wrong.length > 0) {
    fail(
      `exact phase: ${wrong.length} (dimension, value) pairs differ, e.g. ` +
        wrong
          .slice(0, 3)
          .map(
            (key) =>
              `${key.replace('\n', ' = ')}: ${exactCounted.details.get(key) ?? 0} ≠ ${exact.get(key) ?? 0}`,
          )
          .join('; '),
    );
  }
  lines.push(
    `exact phase: ${exactCounted.clicks.toLocaleString('en')} clicks, ${keys.size} (dimension, value) pairs, ` +
      `${wrong.length === 0 ? 'all equal to what was sent' : 'NOT equal'} (bots and HEAD sent too, not counted)`,
  );
  return { ok, lines };
}
