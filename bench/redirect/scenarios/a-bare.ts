import type { RedirectScenario } from '../scenario';

/** The ceiling: a bare node:http server answering 301 from a Map, for 1,000 codes in turn. */
export default {
  id: 'bare',
  label: '(a) bare node:http, Map, 301',
  server: 'bare',
  order: 'cycle',
  requests: ({ seededPaths }) => seededPaths.slice(0, 1_000).map((path) => ({ path })),
} satisfies RedirectScenario;
