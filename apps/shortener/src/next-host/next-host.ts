import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import httpProxy from 'http-proxy';
import type { FromNextWorker, NextWorkerData } from './messages';

/** Requests Next.js works on at once; more wait their turn in this thread. */
const MAX_CONNECTIONS_TO_NEXT = 64;

export type NextHost = {
  /** Hands a request to Next.js (in the worker). */
  forward(req: IncomingMessage, res: ServerResponse): void;
  /** Hands a WebSocket upgrade to Next.js (hot reload in development). */
  forwardUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Resolves if the worker stops on its own (a crash): the process should stop too. */
  exited: Promise<number>;
  close(): Promise<void>;
};

type NextHostOptions = Omit<NextWorkerData, 'socketPath'> & {
  /** A link changed through Next (API, staff pages): forget it in the redirect cache. */
  onLinkChanged: (code: string) => void;
};

/**
 * Starts Next.js in a worker thread listening on a private Unix socket, and forwards requests to
 * it. Only this OS user can open the socket (a 0700 folder), so no client skips the front server
 * that stamps the client's address.
 */
export async function startNextHost({ onLinkChanged, ...options }: NextHostOptions) {
  const socketDir = mkdtempSync(path.join(tmpdir(), 'newsroom-shortener-'));
  const workerData: NextWorkerData = { ...options, socketPath: path.join(socketDir, 'next.sock') };
  const worker = new Worker(new URL('./next-worker-entry.mjs', import.meta.url), { workerData });
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve));

  try {
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromNextWorker) => {
        if (message.type === 'ready') resolve();
        else if (message.type === 'link-changed') onLinkChanged(message.code);
      });
      worker.once('error', reject);
      void exited.then((code) =>
        reject(new Error(`Next.js worker exited (${code}) while starting`)),
      );
    });
  } catch (error) {
    await worker.terminate();
    rmSync(socketDir, { recursive: true, force: true });
    throw error;
  }

  const proxy = httpProxy.createProxyServer({
    // With a socketPath, host and port only satisfy the types: the connection goes to the socket.
    target: { socketPath: workerData.socketPath, host: 'localhost', port: 80 },
    // Bounded: beyond this, requests wait in the agent. A Unix socket refuses connections past its
    // listen backlog (EAGAIN) instead of queueing them like TCP.
    agent: new Agent({ keepAlive: true, maxSockets: MAX_CONNECTIONS_TO_NEXT }),
  });
  proxy.on('error', (error, _req, res) => {
    console.error('Next.js worker did not answer:', error);
    if ('writeHead' in res && !res.headersSent) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '5' });
      res.end('The shortener is not ready; try again in a few seconds.');
    } else {
      res.destroy();
    }
  });

  return {
    forward: (req, res) => proxy.web(req, res),
    forwardUpgrade: (req, socket, head) => proxy.ws(req, socket, head),
    exited,
    async close() {
      proxy.close();
      await worker.terminate();
      rmSync(socketDir, { recursive: true, force: true });
    },
  } satisfies NextHost;
}
