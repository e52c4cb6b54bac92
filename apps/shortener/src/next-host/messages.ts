/** What the main thread tells the Next.js worker when it starts it. */
export type NextWorkerData = {
  dir: string;
  dev: boolean;
  /** The public server's address, as Next would have been told in the main thread. */
  hostname: string;
  port: number;
  /** Where the worker listens: a Unix socket in a folder only this user can open. */
  socketPath: string;
};

/** Messages from the Next.js worker to the main thread. */
export type FromNextWorker = { type: 'ready' } | { type: 'link-changed'; code: string };
