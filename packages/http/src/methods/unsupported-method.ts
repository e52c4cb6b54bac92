import type { IncomingMessage, ServerResponse } from 'node:http';

/** The methods either app answers; anything else (TRACE, CONNECT …) Next.js would fail on. */
export const SERVED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

const SERVED = new Set<string>(SERVED_METHODS);

/**
 * Answers a request whose method no route serves with 405 and `Allow`, and returns true; false
 * for any other request. In front of Next.js, which throws on TRACE (a 500 and a stack trace in
 * the log for every such request: a cheap way to flood the log).
 */
export function answerUnsupportedMethod(req: IncomingMessage, res: ServerResponse): boolean {
  if (SERVED.has(req.method ?? '')) return false;
  res.writeHead(405, {
    allow: SERVED_METHODS.join(', '),
    'content-type': 'text/plain; charset=utf-8',
  });
  res.end(`The method ${req.method ?? '(none)'} is not served here.\n`);
  return true;
}
