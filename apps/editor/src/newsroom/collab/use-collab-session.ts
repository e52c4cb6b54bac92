'use client';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CollabUser } from '@newsroom/collab';
import { CollabSession, type CollabSnapshot } from './collab-session';

/** One CollabSession per mounted edit page (created after mount: it needs IndexedDB). */
export function useCollabSession(
  url: string | null,
  article: { id: string; version: number; hasUnpublishedChanges: boolean },
  user: CollabUser,
  userId: string,
): { session: CollabSession | null; snapshot: CollabSnapshot | null } {
  const [session, setSession] = useState<CollabSession | null>(null);
  const [start] = useState(() => ({ article, user, userId }));
  useEffect(() => {
    if (!url) return;
    // One article for one person per page: the values at mount are the ones that count.
    const created = new CollabSession(url, start.article, start.user, start.userId);
    setSession(created);
    return () => created.destroy();
  }, [url, start]);
  const snapshot = useSyncExternalStore(
    (listener) => session?.subscribe(listener) ?? (() => undefined),
    () => session?.snapshot ?? null,
    () => null,
  );
  return { session, snapshot };
}
