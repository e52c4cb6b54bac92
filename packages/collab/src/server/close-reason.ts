import { outageLog } from '@newsroom/http';
import { COLLAB_UNAVAILABLE } from '../document/document-name';
import { CollabRefusal } from './authenticate';

/**
 * Hocuspocus sends the `reason` to the client. A refusal says why; anything else (the database
 * away, mostly) says `unavailable`, so the page shows itself offline and asks again instead of
 * waiting without a word (a failed check of an open connection drops its message and closes
 * the document) or telling its person to log in again.
 */
export function withReason(error: unknown): Error & { reason: string } {
  const reason = error instanceof CollabRefusal ? error.reason : COLLAB_UNAVAILABLE;
  if (reason === COLLAB_UNAVAILABLE) logUnavailable(error);
  const closing = Object.assign(new Error(reason), { reason });
  // Hocuspocus logs whatever a hook throws to close a connection. A refusal is an expected end
  // (a logout, a lower role), and an outage's cause is logged once by logUnavailable: one line
  // in the log, not this function's stack trace.
  closing.stack = `Error: ${reason}`;
  return closing;
}

const logUnavailable = outageLog(
  'Collaboration: could not check a connection (answered "unavailable"):',
);
