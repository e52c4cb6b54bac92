import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '@newsroom/db';
import type { DemoLogin } from './demo-newsroom';

// The demo admin's password is random per database, so it is kept beside the database
// (data/ is git-ignored) for `npm start` to print on every start.
function demoLoginFile() {
  return path.join(dataDir(), 'demo-login.json');
}

export function saveDemoLogin(login: DemoLogin) {
  // The folder is not there when the database lives elsewhere (DATABASE_URL): without the file,
  // the next start would seed nothing (the users exist) and print no login.
  mkdirSync(path.dirname(demoLoginFile()), { recursive: true });
  writeFileSync(demoLoginFile(), JSON.stringify(login, null, 2) + '\n');
  chmodSync(demoLoginFile(), 0o600);
}

export function readDemoLogin(): DemoLogin | null {
  if (!existsSync(demoLoginFile())) return null;
  return JSON.parse(readFileSync(demoLoginFile(), 'utf8')) as DemoLogin;
}
