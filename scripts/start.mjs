// `npm start`: builds both apps, brings the SQLite database up to date with demo content, starts
// the editor (reader pages + newsroom), the shortener and the collaboration server (live
// co-editing), and prints where to open them.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  TURBO_TELEMETRY_DISABLED: '1',
};
const editorPort = env.EDITOR_PORT?.trim() || '3000';
const shortenerPort = env.SHORTENER_PORT?.trim() || '3001';
const collabPort = env.COLLAB_PORT?.trim() || '3002';
// A port that is not a number is left for the seed and the servers to name in one line (they
// read EDITOR_PORT when EDITOR_URL is unset), and so is a wrong EDITOR_URL; npm start then stops.
const looksLikePort = (port) => /^\d+$/.test(port);
if (looksLikePort(editorPort)) env.EDITOR_URL ??= `http://localhost:${editorPort}`;
if (looksLikePort(shortenerPort)) env.SHORTENER_URL ??= `http://localhost:${shortenerPort}`;
// Same host as the newsroom: the browser sends the staff session cookie with the WebSocket.
const editorHost = URL.parse(env.EDITOR_URL ?? '')?.hostname;
if (editorHost) env.COLLAB_URL ??= `ws://${editorHost}:${collabPort}`;

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n\`${command} ${args.join(' ')}\` failed; Newsroom did not start.`);
    process.exit(result.status ?? 1);
  }
}

run('npx', ['turbo', 'run', 'build', '--filter=./apps/*', '--output-logs=errors-only']);
run('npm', ['run', 'db:seed', '--silent']);

const apps = [
  spawn('npm', ['run', 'start', '--silent', '--workspace', '@newsroom/editor'], {
    cwd: root,
    env: { ...env, EDITOR_PORT: editorPort },
    stdio: 'inherit',
    detached: true,
  }),
  spawn('npm', ['run', 'start', '--silent', '--workspace', '@newsroom/shortener'], {
    cwd: root,
    env: { ...env, SHORTENER_PORT: shortenerPort },
    stdio: 'inherit',
    detached: true,
  }),
  spawn('npm', ['run', 'start', '--silent', '--workspace', '@newsroom/collab'], {
    cwd: root,
    env: { ...env, COLLAB_PORT: collabPort },
    stdio: 'inherit',
    detached: true,
  }),
];
// Each app runs in its own process group (npm → sh → server), so a signal reaches the server
// itself and it can flush what it holds (e.g. pending click counts) before exiting.
function stopAll(signal) {
  for (const app of apps) {
    try {
      process.kill(-app.pid, signal);
    } catch {
      // already gone
    }
  }
}
let stopAsked = false;
for (const app of apps) {
  app.on('exit', (code) => {
    // An app that stops unasked failed (a port taken, a bad setting): that is npm start's exit
    // code, which the others stopping after it (npm, signalled, exits with no code) must not
    // turn into 0, as the last one to exit used to.
    if (!stopAsked && !process.exitCode) process.exitCode = code || 1;
    stopAll('SIGTERM');
  });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAsked = true;
    stopAll(signal);
  });
}

const loginFile = path.join(env.NEWSROOM_DATA_DIR ?? path.join(root, 'data'), 'demo-login.json');
const login = existsSync(loginFile) ? JSON.parse(readFileSync(loginFile, 'utf8')) : null;
setTimeout(() => {
  console.log(`
  Newsroom is starting on SQLite with demo content:
    Reader pages:   ${env.EDITOR_URL}
    Newsroom:       ${env.EDITOR_URL}/newsroom  ${login ? `(log in as ${login.email} / ${login.password})` : ''}
    Short links:    ${env.SHORTENER_URL}
    Co-editing:     ${env.COLLAB_URL}
  Press Ctrl+C to stop.
`);
}, 1500);
