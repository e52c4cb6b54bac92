import { describe, expect, it } from 'vitest';
import { COLLAB_UNAVAILABLE } from '../document/document-name';
import { CollabRefusal } from './authenticate';
import { withReason } from './close-reason';

describe('withReason', () => {
  it('closes a refused connection with the refusal as its reason, logged in one line', () => {
    const closing = withReason(new CollabRefusal('no-session'));
    expect(closing.reason).toBe('no-session');
    // Hocuspocus logs the thrown error: a logout is no fault to trace.
    expect(closing.stack).toBe('Error: no-session');
  });

  it('answers anything else as unavailable, so the page retries instead of asking for a login', () => {
    const closing = withReason(new Error('connect ECONNREFUSED'));
    expect(closing.reason).toBe(COLLAB_UNAVAILABLE);
    expect(closing.stack).not.toContain('ECONNREFUSED');
  });
});
