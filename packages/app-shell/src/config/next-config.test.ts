import { describe, expect, it } from 'vitest';
import { appNextConfig } from './next-config';

describe('appNextConfig', () => {
  it('adds the app’s packages to the shared lists instead of replacing them', () => {
    const config = appNextConfig({
      transpilePackages: ['@newsroom/links'],
      serverExternalPackages: ['ioredis'],
    });
    expect(config.transpilePackages).toEqual(
      expect.arrayContaining(['@newsroom/app-shell', '@newsroom/db', '@newsroom/links']),
    );
    expect(config.serverExternalPackages).toEqual(
      expect.arrayContaining(['@libsql/client', '@node-rs/argon2', 'ioredis']),
    );
  });

  it('keeps the app’s own settings and the shared hardening', () => {
    const config = appNextConfig({ htmlLimitedBots: /.*/ });
    expect(config.htmlLimitedBots).toEqual(/.*/);
    expect(config.poweredByHeader).toBe(false);
    expect(config.turbopack?.root).toBe(config.outputFileTracingRoot);
  });
});
