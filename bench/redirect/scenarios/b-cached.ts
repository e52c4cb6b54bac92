import type { RedirectScenario } from '../scenario';

/** The shortener for 1,000 codes in turn: every one cached after the warm-up. */
export default {
  id: 'cached',
  label: '(b) shortener, cached codes',
  server: 'shortener',
  order: 'cycle',
  requests: ({ seededPaths }) => seededPaths.slice(0, 1_000).map((path) => ({ path })),
  minRatio: { versus: 'bare', min: 0.9 },
  maxP99Ms: 10,
} satisfies RedirectScenario;
