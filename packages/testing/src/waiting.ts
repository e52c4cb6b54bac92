// How long tests wait: ceilings for a saturated CI machine (every suite at once on two cores),
// never speed figures. Tests import them from @newsroom/testing; vitest.shared.ts and the apps'
// vitest configs import this file by its path (a config is bundled before workspace packages,
// which are TypeScript, can be loaded).

/**
 * A state a test polls for (a flush, a thread stopping, a line printed). vitest's default of one
 * second failed there. `expect.poll` gets it from vitest.shared.ts; `vi.waitFor` takes it as
 * `{ timeout }`.
 */
export const STATE_WAIT_MS = 60_000;

/**
 * A test or a hook. Tests use real databases (a fresh migrated SQLite file or PostgreSQL database
 * per suite) and argon2id: a test that takes 5 s alone took over 60 s in a CI run, and the
 * heaviest take 40 s on such a machine here.
 */
export const TEST_CEILING_MS = 180_000;

/** A started app (startAppServer) printing its ready line. */
export const APP_READY_WITHIN_MS = 150_000;

/**
 * A hook that starts apps: their start and a fresh database, so an app that never gets ready fails
 * with its own output rather than a bare hook timeout.
 */
export const APP_HOOK_CEILING_MS = APP_READY_WITHIN_MS + 90_000;
