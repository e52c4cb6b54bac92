import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { confirmDatabaseDown, unavailableReply } from './availability-gate';

// Next.js decides a page's status itself: a page whose database query fails answers 500 with its
// error document, and the app cannot say 503. The proxy's gate turns every LATER request into a
// 503, but the first one to meet an outage has already been given to Next. So the front server
// holds back any server error Next starts to send, asks whether the database is reachable, and
// sends the 503 answer instead when it is not. Successful answers are never held (no cost on the
// normal path); a 500 for another reason goes out unchanged, a moment later.

/** Headers about the held body, which the 503 answer replaces. */
const BODY_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'etag',
  'cache-control',
  'vary',
  'x-nextjs-cache',
  'x-nextjs-prerender',
];

type Chunk = { chunk: unknown; encoding?: BufferEncoding };
type WriteHeadArgs = [statusMessage?: string | OutgoingHttpHeaders, headers?: OutgoingHttpHeaders];

function isHeldStatus(status: number): boolean {
  return status >= 500 && status !== 503;
}

/**
 * For a front server, before it hands a request to Next.js: should Next answer it with a server
 * error (500, 502, 504) while the database is unreachable, the client gets the same 503 with
 * Retry-After as every later request (the JSON error shape for `/api/…`, a page otherwise).
 * `isDown` is asked once per held answer (default: the availability gate's probe).
 */
export function answerUnavailableOnServerError(
  req: IncomingMessage,
  res: ServerResponse,
  isDown: () => Promise<boolean> = confirmDatabaseDown,
): void {
  const original = {
    writeHead: res.writeHead,
    write: res.write,
    end: res.end,
    flushHeaders: res.flushHeaders,
  };
  let held: { status: number; args: WriteHeadArgs; chunks: Chunk[] } | null = null;
  let ended = false;

  const startHolding = (status: number, args: WriteHeadArgs) => {
    held = { status, args, chunks: [] };
  };
  const shouldHold = (status: number) => held === null && !res.headersSent && isHeldStatus(status);

  res.writeHead = function (this: ServerResponse, status: number, ...args: WriteHeadArgs) {
    if (held || shouldHold(status)) {
      if (!held) startHolding(status, args);
      return this;
    }
    return original.writeHead.call(this, status, ...(args as [OutgoingHttpHeaders]));
  } as ServerResponse['writeHead'];

  res.flushHeaders = function (this: ServerResponse) {
    if (held || shouldHold(this.statusCode)) return;
    original.flushHeaders.call(this);
  };

  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    if (!held && shouldHold(this.statusCode)) startHolding(this.statusCode, []);
    if (!held) return (original.write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    const encoding = typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : undefined;
    held.chunks.push({ chunk, encoding });
    const callback = rest.find((value) => typeof value === 'function') as (() => void) | undefined;
    if (callback) process.nextTick(callback);
    return true;
  } as ServerResponse['write'];

  res.end = function (this: ServerResponse, ...args: unknown[]) {
    if (!held && !ended && shouldHold(this.statusCode)) startHolding(this.statusCode, []);
    if (!held || ended)
      return (original.end as (...a: unknown[]) => ServerResponse).call(this, ...args);
    ended = true;
    const callback = args.find((value) => typeof value === 'function') as (() => void) | undefined;
    const last = typeof args[0] === 'function' ? undefined : args[0];
    if (last !== undefined && last !== null)
      held.chunks.push({
        chunk: last,
        encoding: typeof args[1] === 'string' ? (args[1] as BufferEncoding) : undefined,
      });
    const answer = held;
    void isDown()
      .catch(() => false)
      .then((down) => {
        restore();
        if (down) sendUnavailable(req, res);
        else replay(res, answer);
        callback?.();
      });
    return this;
  } as ServerResponse['end'];

  function restore() {
    Object.assign(res, original);
  }
}

function sendUnavailable(req: IncomingMessage, res: ServerResponse) {
  const reply = unavailableReply(new URL(req.url ?? '/', 'http://x').pathname);
  for (const name of BODY_HEADERS) res.removeHeader(name);
  const body = Buffer.from(reply.body);
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.length) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function replay(
  res: ServerResponse,
  answer: { status: number; args: WriteHeadArgs; chunks: Chunk[] },
) {
  res.writeHead(answer.status, ...(answer.args as [OutgoingHttpHeaders]));
  for (const { chunk, encoding } of answer.chunks)
    (res.write as (chunk: unknown, encoding?: BufferEncoding) => boolean)(chunk, encoding);
  res.end();
}
