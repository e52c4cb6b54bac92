import type { Server } from 'node:net';

/**
 * The one line an operator needs when a server cannot listen: where, why, and the variable that
 * moves it (a port already taken is most often a second `npm start`).
 */
export function listenFailureMessage(
  error: NodeJS.ErrnoException & { address?: string; port?: number },
  what: string,
  portVariable: string,
): string {
  const where = `${error.address ?? ''}:${error.port ?? ''}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return `${what} cannot listen on ${where}: the port is in use (is Newsroom already running?); stop that process or set ${portVariable} to a free port.`;
    case 'EACCES':
      return `${what} cannot listen on ${where}: not allowed (ports below 1024 need privileges); set ${portVariable} to another port.`;
    case 'EADDRNOTAVAIL':
      return `${what} cannot listen on ${where}: HOST is not an address of this machine.`;
    default:
      return `${what} cannot listen on ${where}: ${error.message}`;
  }
}

/**
 * Stops the process with that line and exit code 1 when `server` fails to listen. Without it the
 * 'error' event went uncaught: a stack trace, and in the editor, whose uncaught exceptions Next.js
 * logs, an exit code of 0, which a supervisor (and `npm start`) takes for a clean stop.
 */
export function exitOnListenFailure(server: Server, what: string, portVariable: string): void {
  const fail = (error: NodeJS.ErrnoException) => {
    console.error(listenFailureMessage(error, what, portVariable));
    process.exit(1);
  };
  server.once('error', fail);
  // Later errors are no longer about listening.
  server.once('listening', () => server.off('error', fail));
}
