import { ApiError, WHOLE_BODY_PATH } from '../errors/api-error';

/** Largest JSON body any API accepts unless a route says otherwise (an article is < 1 MB). */
export const DEFAULT_JSON_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

export type ReadJsonOptions = {
  /** Bodies larger than this are refused with 413 (counted while reading, not from headers). */
  maxBytes?: number;
  /** What an empty body means: `undefined` = refuse it (400), otherwise this value. */
  whenEmpty?: unknown;
};

/**
 * The JSON body of an API request, or an ApiError with a status and a readable message:
 * 415 unless `Content-Type: application/json`, 413 past `maxBytes` (the stream is read with a
 * cap, Content-Length is not trusted), 400 for invalid UTF-8, invalid JSON, or strings holding
 * lone surrogates (`"\ud800"`) or NUL, which no database column can store faithfully.
 */
export async function readJsonBody(
  request: Request,
  options: ReadJsonOptions = {},
): Promise<unknown> {
  assertJsonContentType(request.headers.get('content-type'));
  const bytes = await readBodyWithLimit(request, options.maxBytes ?? DEFAULT_JSON_BODY_LIMIT_BYTES);
  const text = decodeUtf8(bytes);
  if (text.trim() === '') {
    if (options.whenEmpty !== undefined) return options.whenEmpty;
    throw new ApiError(400, 'invalid_json', 'The request body is empty; send a JSON object.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiError(
      400,
      'invalid_json',
      `The request body is not valid JSON (${(error as Error).message}).`,
    );
  }
  assertStorableText(value);
  return value;
}

/**
 * Refuses (400 `invalid_text`, naming where) request data holding text no database can store
 * as sent: a lone surrogate, or a NUL, which PostgreSQL refuses in any text it is asked to
 * store or compare (an id or section id holding one made every look-up there a 500).
 */
export function assertStorableText(value: unknown): void {
  const found = findUnstorableText(value);
  if (found === null) return;
  const what =
    found.text === '\0'
      ? 'a NUL character (\\u0000)'
      : 'a lone UTF-16 surrogate (\\ud800–\\udfff without its pair)';
  throw new ApiError(
    400,
    'invalid_text',
    `The text at ${found.path || WHOLE_BODY_PATH} contains ${what}; send valid Unicode text.`,
  );
}

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

export function assertJsonContentType(contentType: string | null): void {
  if (contentType && JSON_MEDIA_TYPE.test(contentType.trim())) return;
  throw new ApiError(
    415,
    'unsupported_media_type',
    `Send the body as JSON with "Content-Type: application/json"${contentType ? ` (got "${contentType}")` : ''}.`,
  );
}

export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Stop reading: the rest of an oversized body is never buffered.
      await reader.cancel().catch(() => undefined);
      throw new ApiError(
        413,
        'payload_too_large',
        `The request body is larger than ${formatBytes(maxBytes)}; send less.`,
      );
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new ApiError(400, 'invalid_encoding', 'The request body is not valid UTF-8 text.');
  }
}

const UNSTORABLE_TEXT = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The first string (value or key) holding a NUL or a lone surrogate: its path and what was
 * found, or null. Walked with an explicit stack, not recursion: a body nested thousands deep
 * (refused later by its own validation, e.g. an article's depth limit) must not overflow the
 * call stack here first.
 */
export function findUnstorableText(
  value: unknown,
  path = '',
): { path: string; text: string } | null {
  const pending: { value: unknown; path: string }[] = [{ value, path }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: current, path: at } = next;
    if (typeof current === 'string') {
      const found = UNSTORABLE_TEXT.exec(current);
      if (found) return { path: at, text: found[0] };
      continue;
    }
    if (!current || typeof current !== 'object') continue;
    const children: { value: unknown; path: string }[] = [];
    if (Array.isArray(current)) {
      current.forEach((child: unknown, index) =>
        children.push({ value: child, path: `${at}[${index}]` }),
      );
    } else {
      for (const [key, child] of Object.entries(current)) {
        const childPath = at ? `${at}.${key}` : key;
        const found = UNSTORABLE_TEXT.exec(key);
        if (found) return { path: childPath, text: found[0] };
        children.push({ value: child, path: childPath });
      }
    }
    // Reversed onto the stack, so the first problem in document order is the one named.
    for (let index = children.length - 1; index >= 0; index--) pending.push(children[index]!);
  }
  return null;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}
