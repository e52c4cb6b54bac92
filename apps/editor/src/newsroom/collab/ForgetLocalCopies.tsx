'use client';
import { useEffect } from 'react';
import { forgetLocalCopies } from './local-copy';

/**
 * Shown after a log out: deletes the co-editing copies this browser kept, so the next person at
 * this computer can neither read them nor send their unsent edits as their own.
 */
export function ForgetLocalCopies() {
  useEffect(() => {
    void forgetLocalCopies();
  }, []);
  return null;
}
