import type { Db } from './client';

/**
 * Does the database answer right now? What the availability gate asks during an outage. It reads
 * a real table rather than `SELECT 1`: on SQLite, `SELECT 1` succeeds on an open connection even
 * when the file behind it can no longer be read, and the gate would reopen too early.
 */
export async function probeDatabase(db: Db): Promise<void> {
  await db.section.findFirst({ select: { id: true } });
}
