import { describe, expect, it } from 'vitest';
import { readCollabConfig } from './config';

describe('collaboration server settings', () => {
  it("allows the newsroom's origin and the extra ones, nothing else", () => {
    const config = readCollabConfig({
      EDITOR_URL: 'https://news.example/',
      COLLAB_ALLOWED_ORIGINS: 'https://staff.example/path, http://localhost:3000',
    });
    expect(config.allowedOrigins).toEqual([
      'https://news.example',
      'https://staff.example',
      'http://localhost:3000',
    ]);
    expect(config.port).toBe(3002);
    // Blank is unset, as for every port variable (npm start passes them through).
    expect(readCollabConfig({ COLLAB_PORT: ' ' }).port).toBe(3002);
    expect(config.redisUrl).toBeUndefined();
  });

  it('refuses a port it cannot listen on and an origin that is not a URL', () => {
    expect(() => readCollabConfig({ COLLAB_PORT: '0' })).toThrow('COLLAB_PORT');
    expect(() => readCollabConfig({ COLLAB_PORT: 'abc' })).toThrow('COLLAB_PORT');
    expect(() => readCollabConfig({ EDITOR_PORT: 'abc' })).toThrow(/^EDITOR_PORT/);
    expect(() => readCollabConfig({ COLLAB_ALLOWED_ORIGINS: 'news' })).toThrow(
      'COLLAB_ALLOWED_ORIGINS',
    );
  });
});
