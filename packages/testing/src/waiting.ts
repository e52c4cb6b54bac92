/**
 * How long a test waits for a state it polls for (a flush, a thread stopping, a line printed): a
 * ceiling for a saturated CI machine, never a speed figure. vitest's default of one second failed
 * there. `expect.poll` gets it from vitest.shared.ts; `vi.waitFor` takes it as `{ timeout }`.
 */
export const STATE_WAIT_MS = 60_000;
