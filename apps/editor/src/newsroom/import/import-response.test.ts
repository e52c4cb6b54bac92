import { describe, expect, it } from 'vitest';
import { toErrorResponse } from '@newsroom/http';
import { IMPORT_BUSY_RETRY_AFTER_SECONDS, ImportError } from '@newsroom/import';
import { importFailure } from './import-response';

describe('importFailure', () => {
  it('answers a full import line 503 with when to send the document again', async () => {
    const failure = importFailure(new ImportError('busy', 'Other documents are being imported'));
    const response = toErrorResponse(failure);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe(String(IMPORT_BUSY_RETRY_AFTER_SECONDS));
    expect(await response.json()).toEqual({
      error: { code: 'busy', message: 'Other documents are being imported' },
    });
  });

  it('answers other refusals with their status and no Retry-After', async () => {
    const response = toErrorResponse(importFailure(new ImportError('too_large', 'Too large')));
    expect(response.status).toBe(413);
    expect(response.headers.get('retry-after')).toBeNull();
  });
});
