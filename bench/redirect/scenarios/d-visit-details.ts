import type { RedirectScenario } from '../scenario';
import {
  VISIT_SERVER_ENV,
  checkVisitDetails,
  deleteVisitLinks,
  seedVisitLinks,
  sendExactVisits,
  visitLoadClicks,
  visitLoadRequests,
} from '../visit-details';

/** What the exact phase sent, between afterLoad (server running) and verify (server stopped). */
let exact = new Map<string, number>();

/**
 * The shortener with visit details on: varied user agents, referrers and client addresses (the
 * generator is the trusted proxy), then an exact phase; clicks and breakdowns must be exact.
 */
export default {
  id: 'visits',
  label: '(d) shortener, visit details',
  server: 'shortener',
  env: VISIT_SERVER_ENV,
  order: 'cycle',
  requests: () => visitLoadRequests(),
  minRatio: { versus: 'cached', min: 0.8 },
  checkSeededClicks: false,
  clicksWritten: ({ db }) => visitLoadClicks(db),
  setup: ({ db }) => seedVisitLinks(db),
  afterLoad: async (_context, baseUrl) => {
    exact = await sendExactVisits(baseUrl);
  },
  verify: async ({ db, connections }, redirects, unanswered) => {
    const check = await checkVisitDetails(db, {
      mix: undefined,
      redirects,
      inFlight: 2 * connections + unanswered,
      exact,
    });
    console.log(check.lines.join('\n'));
    await deleteVisitLinks(db);
    return [{ label: 'visit details exact', met: check.ok }];
  },
} satisfies RedirectScenario;
