import type { Db } from '@newsroom/db';
import { fireDueSchedules, type FiredSchedule } from './fire-schedules';

/** How often the scheduler looks for due schedules: "live within 5 s" with room to spare. */
export const SCHEDULER_INTERVAL_MS = 1_000;

export interface SchedulerOptions {
  db: Db;
  intervalMs?: number;
  /** Told about every schedule this process fired (the default logs it). */
  onFired?: (fired: FiredSchedule) => void;
  /** A round failed (database away…); the next round tries again. */
  onError?: (error: unknown) => void;
}

export interface Scheduler {
  /** Resolves once a round in progress has finished; no round starts after. */
  stop(): Promise<void>;
  /** Runs a round now (tests, and anyone who knows a schedule just became due). */
  runOnce(): Promise<FiredSchedule[]>;
}

/**
 * Publishes scheduled articles when their time comes, from inside the editor process. The first
 * round runs at once, so schedules missed while no instance ran fire at the next start. Rounds
 * never overlap; the state lives in the database, so a restart loses nothing and several
 * instances can run it together (see `fireDueSchedules`).
 */
export function startScheduler({
  db,
  intervalMs = SCHEDULER_INTERVAL_MS,
  onFired = logFired,
  onError = (error) => console.error('Scheduled publishing: a round failed', error),
}: SchedulerOptions): Scheduler {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<FiredSchedule[]> | null = null;

  function runOnce(): Promise<FiredSchedule[]> {
    running ??= fireDueSchedules(db)
      .then((fired) => {
        fired.forEach(onFired);
        return fired;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  function loop() {
    if (stopped) return;
    runOnce()
      .catch(onError)
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(loop, intervalMs);
        // Never the reason the process stays up.
        timer.unref();
      });
  }

  loop();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}

function logFired({ articleId, outcome, reason }: FiredSchedule) {
  if (outcome === 'published') console.info(`Scheduled publishing: article ${articleId} is live`);
  else console.warn(`Scheduled publishing: article ${articleId} cancelled: ${reason}`);
}
