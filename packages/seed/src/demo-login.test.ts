import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readDemoLogin, saveDemoLogin } from './demo-login';

describe('the demo login file', () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'demo-login-'));
  afterEach(() => vi.unstubAllEnvs());

  it('is written into a data folder that does not exist yet, readable by its owner only', () => {
    const dataDir = path.join(parent, 'not', 'there');
    vi.stubEnv('NEWSROOM_DATA_DIR', dataDir);
    expect(readDemoLogin()).toBeNull();
    const login = { email: 'admin@newsroom.test', password: 'secret words' };
    saveDemoLogin(login);
    expect(readDemoLogin()).toEqual(login);
    expect(statSync(path.join(dataDir, 'demo-login.json')).mode & 0o777).toBe(0o600);
    rmSync(parent, { recursive: true, force: true });
  });
});
