/**
 * A redirect-bench scenario. Each file in ./scenarios default-exports one; the runner loads them
 * in file-name order, starts a fresh server for each, drives it with the pinned load generator and
 * prints one table. To add a scenario, add a file there (see the existing ones).
 */
import type { Db } from '@newsroom/db';
import type { PlannedRequest } from './load-plan';
import type { ServerKind } from './servers';

export type ScenarioContext = {
  db: Db;
  databaseUrl: string;
  /** Paths of the seeded links: `/bench0` … `/bench99999` (302 to https://example.com/article/i). */
  seededPaths: string[];
  /** Connections the load generator keeps open (requests in flight when it stops, per run). */
  connections: number;
};

export type Goal = { label: string; met: boolean };

export type RedirectScenario = {
  /** Short id other scenarios compare with (`bare` is the ceiling). */
  id: string;
  /** What the table prints. */
  label: string;
  server: ServerKind;
  /** Extra environment for the server. */
  env?: Record<string, string>;
  order: 'cycle' | 'random';
  requests: (context: ScenarioContext) => PlannedRequest[];
  /** Ratio goals: req/s of this scenario ≥ `min` × req/s of scenario `versus`. */
  minRatio?: { versus: string; min: number };
  maxP99Ms?: number;
  /** Before the server starts (e.g. seed extra rows). */
  setup?: (context: ScenarioContext) => Promise<void>;
  /** After the measured run, while the server still runs (e.g. an exact phase of its own). */
  afterLoad?: (context: ScenarioContext, baseUrl: string) => Promise<void>;
  /**
   * Whether the runner checks that every redirect's click reached ClickDay for the seeded links
   * (default true); a scenario with links of its own checks its clicks in `verify`.
   */
  checkSeededClicks?: boolean;
  /**
   * Clicks written so far for this scenario's links (default: the seeded links'), read to wait
   * after the measured run until its clicks are in the database (see load-plan.ts).
   */
  clicksWritten?: (context: ScenarioContext) => Promise<number>;
  /**
   * After the server stopped (it has flushed): extra checks, given the redirects the generator
   * saw and the requests it gave up on (warm-up included). Shortener scenarios are always checked for exact click counts.
   */
  verify?: (context: ScenarioContext, redirects: number, unanswered: number) => Promise<Goal[]>;
};
