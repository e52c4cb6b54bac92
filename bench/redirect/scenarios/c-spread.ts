import type { RedirectScenario } from '../scenario';

/** The shortener for codes picked at random among 100,000 links. */
export default {
  id: 'spread',
  label: '(c) shortener, 100,000 codes',
  server: 'shortener',
  order: 'random',
  requests: ({ seededPaths }) => seededPaths.map((path) => ({ path })),
  minRatio: { versus: 'bare', min: 0.7 },
  maxP99Ms: 10,
} satisfies RedirectScenario;
