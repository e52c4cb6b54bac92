import { describe, expect, it } from 'vitest';
import { LINK_ADDRESS_PROBLEMS } from '@newsroom/article';
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
      if (!result.ok)
        expect([LINK_ADDRESS_PROBLEMS.notALink, LINK_ADDRESS_PROBLEMS.spaceOrInvisible]).toContain(
          result.message,
        );
    }
  });

  it('refuses what a browser would open as another address, in the server’s words', () => {
    const problems = {
      'https://exa mple.com/': LINK_ADDRESS_PROBLEMS.spaceOrInvisible,
      'exa mple.com': LINK_ADDRESS_PROBLEMS.spaceOrInvisible,
      'https://exa\u200Bmple.com': LINK_ADDRESS_PROBLEMS.spaceOrInvisible,
      'https://bank.example@evil.example/': LINK_ADDRESS_PROBLEMS.userInfo,
      'bank.example@evil.example': LINK_ADDRESS_PROBLEMS.notALink,
      'https://example.com/100%': LINK_ADDRESS_PROBLEMS.strayPercent,
    };
    for (const [raw, message] of Object.entries(problems))
      expect(parseLinkInput(raw), raw).toEqual({ ok: false, message });
  });

  it('keeps a valid address as typed, not as the URL parser would spell it', () => {
    for (const href of ['https://пример.рф', 'https://Example.com/café'])
      expect(parseLinkInput(href)).toEqual({ ok: true, href });
  });

  it('asks for an address when the field is empty', () => {
    expect(parseLinkInput('   ')).toEqual({
      ok: false,
      message: 'Enter a web address, for example https://example.com.',
    });
  });
});
