// Open-redirect payloads for a "return to" parameter (`?next=`), as the app receives them (already
// URL-decoded once). Each is built for an app's staff area (`/newsroom`, `/links`) and must be
// refused: the app falls back to its home page. Used by @newsroom/auth's unit test and both
// apps' tests against the real servers.

export type RedirectPayloadKind =
  | 'encoded'
  | 'control characters'
  | 'backslashes'
  | 'dot segments'
  | 'full URLs'
  | 'protocol-relative'
  | 'unicode'
  | 'outside the staff area';

export type RedirectPayload = { kind: RedirectPayloadKind; value: string };

const EVIL = 'evil.example';

export function openRedirectCorpus(area: string, loginPath: string): RedirectPayload[] {
  const payloads: Record<RedirectPayloadKind, string[]> = {
    encoded: [
      `/%2F%2F${EVIL}`,
      `/%2f/${EVIL}`,
      `/%5C${EVIL}`,
      `/%5c%5c${EVIL}`,
      `${area}/%2e%2e/%2e%2e//${EVIL}`,
      `${area}%2F..%2F..%2F%2F${EVIL}`,
      `/%252F%252F${EVIL}`,
      `/%09/${EVIL}`,
      `/%0d%0a/${EVIL}`,
      `%2F%2F${EVIL}`,
    ],
    'control characters': [
      `/\t/${EVIL}`,
      `/\n/${EVIL}`,
      `/\r\n/${EVIL}`,
      `\t//${EVIL}`,
      `/\u0000/${EVIL}`,
      ` //${EVIL}`,
      `/ /${EVIL}`,
      `${area}\n//${EVIL}`,
      `/\u000b/${EVIL}`,
    ],
    backslashes: [
      `/\\${EVIL}`,
      `\\\\${EVIL}`,
      `/\\/${EVIL}`,
      `\\/${EVIL}`,
      `${area}\\..\\..\\\\${EVIL}`,
      `${area}/..\\/${EVIL}`,
    ],
    'dot segments': [
      `${area}/..//${EVIL}`,
      `${area}/../..//${EVIL}`,
      `${area}/./..//${EVIL}`,
      `/./..//${EVIL}`,
      `${area}/../../../..//${EVIL}/x`,
      `${area}/%2e%2e//${EVIL}`,
      `${area}/.%2e//${EVIL}`,
    ],
    'full URLs': [
      `https://${EVIL}`,
      `http://${EVIL}${area}`,
      `HTTPS://${EVIL}/`,
      `https:${EVIL}`,
      `https:/${EVIL}`,
      `http:/\\${EVIL}`,
      `javascript:alert(1)`,
      `JaVaScRiPt:alert(document.cookie)`,
      `data:text/html,<script>alert(1)</script>`,
      `ftp://${EVIL}`,
      `https://127.0.0.1@${EVIL}${area}`,
    ],
    'protocol-relative': [
      `//${EVIL}`,
      `//${EVIL}${area}`,
      `///${EVIL}`,
      `////${EVIL}`,
      `//${EVIL}@good.example`,
      `//${EVIL}:443`,
      `//${EVIL}?next=${area}`,
    ],
    unicode: [
      `/\u2215\u2215${EVIL}`,
      `/\uff0f\uff0f${EVIL}`,
      `\uff0f\uff0f${EVIL}`,
      `/\u2044${EVIL}`,
      `${area}/\u2025/${EVIL}`,
      `/\u200b/${EVIL}`,
      `/\u00a0//${EVIL}`,
      `//evil\u3002example`,
      `/\u202e//${EVIL}`,
      `/\ufe68${EVIL}`,
    ],
    // On the shortener a one-segment path is a short link: a way off the site one step later.
    'outside the staff area': [`/spring`, `${area}/../spring`, `/spring?next=${area}`],
  };
  const corpus = Object.entries(payloads).flatMap(([kind, values]) =>
    values.map((value) => ({ kind: kind as RedirectPayloadKind, value })),
  );
  // Not an open redirect, but a loop: the login page never sends you back to itself.
  corpus.push({ kind: 'dot segments', value: `${loginPath}?next=${area}` });
  return corpus;
}

/** How many payloads of each kind a corpus has (for reports). */
export function countByKind(corpus: RedirectPayload[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { kind } of corpus) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}
