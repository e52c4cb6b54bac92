import { describe, expect, it } from 'vitest';
import { LINK_ADDRESS_PROBLEMS } from '@newsroom/article';
import { parseLinkInput } from './link-input';

// Which addresses are refused, and in which words, is parseLinkAddress's to say (its own tests
// list them): these check only what the link dialog adds around it.
describe('parseLinkInput', () => {
  it('accepts a good address as typed, without the spaces around it', () => {
    expect(parseLinkInput('  https://example.com/a?b=c#d ')).toEqual({
      ok: true,
      href: 'https://example.com/a?b=c#d',
    });
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

  it('refuses what parseLinkAddress refuses, in its words', () => {
    expect(parseLinkInput('javascript:alert(1)')).toEqual({
      ok: false,
      message: LINK_ADDRESS_PROBLEMS.notALink,
    });
    expect(parseLinkInput('https://bank.example@evil.example/')).toEqual({
      ok: false,
      message: LINK_ADDRESS_PROBLEMS.userInfo,
    });
  });

  it('keeps a valid address as typed, not as the URL parser would spell it', () => {
    expect(parseLinkInput('https://пример.рф')).toEqual({ ok: true, href: 'https://пример.рф' });
  });

  it('asks for an address when the field is empty', () => {
    expect(parseLinkInput('   ')).toEqual({
      ok: false,
      message: 'Enter a web address, for example https://example.com.',
    });
  });
});
