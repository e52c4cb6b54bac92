import { describe, expect, it } from 'vitest';
import { parseLinkInput } from './link-input';

describe('parseLinkInput', () => {
  it('accepts http(s), mailto and site paths as typed', () => {
    for (const href of [
      'https://example.com/a?b=c#d',
      'http://example.com',
      'mailto:desk@newsroom.test',
      '/military-intelligence/some-story',
    ]) {
      expect(parseLinkInput(`  ${href} `)).toEqual({ ok: true, href });
    }
  });

  it('adds https:// to a bare host name', () => {
    expect(parseLinkInput('example.com/page')).toEqual({
      ok: true,
      href: 'https://example.com/page',
    });
    expect(parseLinkInput('news.example.co.uk:8080')).toEqual({
      ok: true,
      href: 'https://news.example.co.uk:8080',
    });
  });

  it('refuses script and data URLs, protocol-relative and garbage with a readable reason', () => {
    for (const raw of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//evil.example',
      'ftp://example.com',
      'not a url',
    ]) {
      const result = parseLinkInput(raw);
      expect(result.ok, raw).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/allowed|spaces/);
    }
  });

  it('asks for an address when the field is empty', () => {
    expect(parseLinkInput('   ')).toEqual({
      ok: false,
      message: 'Enter a web address, for example https://example.com.',
    });
  });
});
