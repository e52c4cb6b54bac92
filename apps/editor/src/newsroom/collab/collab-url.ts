/**
 * The collaboration server the edit page connects to (COLLAB_URL, `ws://` or `wss://`, on the
 * newsroom's host so the browser sends the staff session cookie with it). Server-side only.
 */
export function readCollabUrl(value: string | undefined): URL | null {
  if (!value?.trim()) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'ws:' || url.protocol === 'wss:' ? url : null;
  } catch {
    return null;
  }
}

/** What the staff pages' Content-Security-Policy must allow them to connect to. */
export function collabConnectSources(value: string | undefined): string[] {
  const url = readCollabUrl(value);
  return url ? [url.origin] : [];
}

/** How long the edit page waits for the collaboration server before it edits without it. */
const REACHABLE_TIMEOUT_MS = 1_500;

/**
 * The collaboration server's address if it answers now (it answers plain HTTP on its port),
 * else null: the edit page then saves over the REST API as it does without co-editing.
 */
export async function reachableCollabUrl(value: string | undefined): Promise<string | null> {
  const url = readCollabUrl(value);
  if (!url) return null;
  const probe = new URL(url);
  probe.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  try {
    await fetch(probe, { signal: AbortSignal.timeout(REACHABLE_TIMEOUT_MS) });
    return url.href;
  } catch {
    return null;
  }
}
