'use client';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CollabUser } from './collab-carets';
import { CollabSession, type CollabSnapshot } from './collab-session';

/** One CollabSession per mounted edit page (created after mount: it needs IndexedDB). */
export function useCollabSession(
  url: string,
  articleId: string,
  version: number,
  user: CollabUser,
): { session: CollabSession | null; snapshot: CollabSnapshot | null } {
  const [session, setSession] = useState<CollabSession | null>(null);
  useEffect(() => {
    const created = new CollabSession(url, articleId, version, user);
    setSession(created);
    return () => created.destroy();
    // The page is one article for one person: a new session only with a new article.
  }, [url, articleId]);
  const snapshot = useSyncExternalStore(
    (listener) => session?.subscribe(listener) ?? (() => undefined),
    () => session?.snapshot ?? null,
    () => null,
  );
  return { session, snapshot };
}
