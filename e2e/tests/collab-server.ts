// The collaboration server as a separate process the co-editing journeys start, kill and restart
// themselves (the other journeys run without it: their edit pages save over the REST API).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const READY = /Collaboration server ready on (\S+)/;

export class CollabServerProcess {
  private constructor(private readonly child: ChildProcess) {}

  /** Starts it on COLLAB_PORT (set by scripts/run.ts) and resolves once it listens. */
  static start(): Promise<CollabServerProcess> {
    const child = spawn('npm', ['run', 'start', '--silent', '--workspace', '@newsroom/collab'], {
      cwd: repoRoot,
      env: process.env,
      // Its own process group: a kill reaches the server, not only npm.
      detached: true,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return new Promise((resolve, reject) => {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (READY.test(output)) resolve(new CollabServerProcess(child));
      });
      child.once('exit', (code) =>
        reject(
          new Error(`the collaboration server exited (${code}) before it was ready:\n${output}`),
        ),
      );
    });
  }

  /** Stops it the hard way (a crash: nothing flushed), or politely (stores what it holds). */
  stop(signal: 'SIGKILL' | 'SIGTERM' = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    process.kill(-this.child.pid!, signal);
    return exited;
  }
}
