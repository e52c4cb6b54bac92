// Next.js (staff pages, API, everything but redirects) in a worker thread of the shortener.
// Why a thread of its own: once Next has served one request, its AsyncLocalStorage instances turn
// on Node's async hooks for the whole thread (Node 20), and from then on every async step of every
// redirect (each socket write, each nextTick) pays for them. Here they cost Next's requests only.
import { createServer } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import next from 'next';
import { answerUnavailableOnServerError } from '@newsroom/http';
import { getShortenerRuntime } from '@newsroom/links';
import type { FromNextWorker, NextWorkerData } from './messages';

const { dir, dev, hostname, port, socketPath } = workerData as NextWorkerData;
const toMain = (message: FromNextWorker) => parentPort!.postMessage(message);

// The route handlers (a bundled copy of @newsroom/links) find this runtime on globalThis. Changes
// made through it go to the main thread, whose cache serves the redirects (the shared change feed
// carries them to other instances).
getShortenerRuntime().onLinkChanged((code) => toMain({ type: 'link-changed', code }));

const app = next({ dev, dir, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
const server = createServer((req, res) => {
  // The first page to meet a database outage answers 503 like every later one (this thread's
  // availability gate, which instrumentation.ts gives its probe).
  answerUnavailableOnServerError(req, res);
  void handle(req, res);
});
// The only client is the main thread's bounded keep-alive pool, which decides when its sockets
// go. Closing one after the default 5 s idle races a request being sent on it: the proxy would
// answer that request 503 on a loaded machine.
server.keepAliveTimeout = 0;
server.listen(socketPath, () => toMain({ type: 'ready' }));
