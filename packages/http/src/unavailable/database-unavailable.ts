/** How long clients are asked to wait before retrying while the database is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

// Prisma's codes for "cannot reach / lost the database server" (P1001 can't reach, P1002
// timed out, P1008 operation timed out, P1017 server closed the connection, P2024 pool timeout).
const PRISMA_UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
// What node-postgres and Node's sockets report when the server is down or restarting
// (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 08xxx connection errors).
const DRIVER_UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
]);
// Driver adapter error kinds (Prisma 7) that mean the server is not there.
const ADAPTER_UNAVAILABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'DatabaseDoesNotExist',
  'SocketTimeout',
  'ConnectionClosed',
  'TooManyConnections',
  'TransactionAlreadyClosed',
]);
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /connection refused/i,
  /ECONNREFUSED/,
  /terminating connection due to administrator command/i,
  /the database system is (shutting down|starting up)/i,
  /Can't reach database server/i,
  /Client has encountered a connection error/i,
  /Connection ended unexpectedly/i,
  /timeout exceeded when trying to connect/i,
];

/**
 * Whether an error means "the database is not reachable right now" (as opposed to a bug or bad
 * input): such requests answer 503 with Retry-After and succeed again once it is back. Read by
 * shape through the error's cause chain, since Prisma wraps driver errors, the two generated
 * clients have different error classes, and Next.js bundles its own copies of packages.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    if (typeof current !== 'object') return false;
    const candidate = current as {
      code?: unknown;
      errorCode?: unknown;
      kind?: unknown;
      name?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (typeof candidate.code === 'string' && PRISMA_UNAVAILABLE_CODES.has(candidate.code))
      return true;
    if (
      typeof candidate.errorCode === 'string' &&
      PRISMA_UNAVAILABLE_CODES.has(candidate.errorCode)
    )
      return true;
    if (typeof candidate.code === 'string' && DRIVER_UNAVAILABLE_CODES.has(candidate.code))
      return true;
    if (typeof candidate.kind === 'string' && ADAPTER_UNAVAILABLE_KINDS.has(candidate.kind))
      return true;
    if (candidate.name === 'PrismaClientInitializationError') return true;
    if (
      typeof candidate.message === 'string' &&
      UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(candidate.message as string))
    )
      return true;
    current = candidate.cause;
  }
  return false;
}
