import { describe, expect, it } from 'vitest';
import { isApiKeyScope, scopeAllows, scopeNeededFor } from './api-key-scope';

describe('API key scopes', () => {
  it('needs read for reading methods and write for every other one', () => {
    for (const method of ['GET', 'get', 'HEAD', 'OPTIONS'])
      expect(scopeNeededFor(method)).toBe('read');
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE', 'delete', 'TRACE', 'PROPFIND']) {
      expect(scopeNeededFor(method)).toBe('write');
    }
  });

  it('lets a write key do everything and a read key only read', () => {
    expect(scopeAllows('write', 'write')).toBe(true);
    expect(scopeAllows('write', 'read')).toBe(true);
    expect(scopeAllows('read', 'read')).toBe(true);
    expect(scopeAllows('read', 'write')).toBe(false);
  });

  it('lets a stored value that is no known scope do nothing', () => {
    for (const stored of ['', 'admin', 'READ', 'Write', ' write']) {
      expect(scopeAllows(stored, 'read')).toBe(false);
      expect(scopeAllows(stored, 'write')).toBe(false);
    }
  });

  it('knows its scopes', () => {
    expect(isApiKeyScope('read')).toBe(true);
    expect(isApiKeyScope('write')).toBe(true);
    expect(isApiKeyScope('readonly')).toBe(false);
    expect(isApiKeyScope(undefined)).toBe(false);
  });
});
