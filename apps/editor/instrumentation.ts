/**
 * Runs once when the editor's server starts: scheduled publishing lives in this process.
 * Not during `next build` (its workers load this file too, and must not publish anything).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startPublishingScheduler } = await import('./src/publishing/publishing-scheduler');
  startPublishingScheduler();
}
