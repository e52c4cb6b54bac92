const ALPHABET = '0123456789abcdefghijkmnpqrstuvwxyz';

/**
 * A fresh note id. Random rather than sequential so a reference pasted from another article
 * is unlikely to land on an unrelated note that happens to share its id.
 */
export function createNoteId(taken: ReadonlySet<string> = new Set()): string {
  for (;;) {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8));
    let id = 'fn-';
    for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
    if (!taken.has(id)) return id;
  }
}
