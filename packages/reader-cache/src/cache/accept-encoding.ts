export type ContentCoding = 'br' | 'gzip' | 'identity';

/**
 * The best coding this client accepts: brotli, then gzip, else none. Reads q-values, so `br;q=0`
 * refuses brotli. Browsers send few distinct values, so answers are remembered.
 */
export function preferredCoding(acceptEncoding: string | undefined): ContentCoding {
  if (!acceptEncoding) return 'identity';
  let coding = remembered.get(acceptEncoding);
  if (coding === undefined) {
    coding = parseAcceptEncoding(acceptEncoding);
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(acceptEncoding, coding);
  }
  return coding;
}

const MAX_REMEMBERED = 1_000;
const remembered = new Map<string, ContentCoding>();

function parseAcceptEncoding(acceptEncoding: string): ContentCoding {
  let brotli = false;
  let gzip = false;
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const accepted = q === undefined || Number(q.slice(2)) > 0;
    if (!accepted) continue;
    if (name === 'br') brotli = true;
    else if (name === 'gzip' || name === '*') gzip = true;
  }
  return brotli ? 'br' : gzip ? 'gzip' : 'identity';
}
