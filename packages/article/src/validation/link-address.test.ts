import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateArticle } from './validate-article';
import { linkedArticleIds } from './article-meta-schema';
import { seedArticleDocument } from '../fixtures/seed-article';
import { BODY_LINK, LINK_ADDRESS_PROBLEMS, parseLinkAddress, RELATED_LINK } from './link-address';

const parseRelatedUrl = (raw: string) => parseLinkAddress(raw, RELATED_LINK);
const parseBodyLink = (raw: string) => parseLinkAddress(raw, BODY_LINK);

describe('parseLinkAddress for a related link', () => {
  it('stores the address as the URL parser reads it', () => {
    expect(parseRelatedUrl(' HTTPS://Example.COM ')).toEqual({
      ok: true,
      href: 'https://example.com/',
    });
    expect(parseRelatedUrl('https://example.com/caf\u00e9?q=1#top')).toEqual({
      ok: true,
      href: 'https://example.com/caf%C3%A9?q=1#top',
    });
    expect(parseRelatedUrl('/world/story?x=1')).toEqual({ ok: true, href: '/world/story?x=1' });
    expect(parseRelatedUrl('https://example.com/100%25')).toEqual({
      ok: true,
      href: 'https://example.com/100%25',
    });
  });

  it('refuses what a browser would open as another address, with a reason', () => {
    const problems = {
      'https://exa mple.com/': 'The address has a space or an invisible character in it',
      'https://exa\tmple.com/': 'The address has a space or an invisible character in it',
      'https://exa\u200bmple.com/': 'The address has a space or an invisible character in it',
      'https://example.com/%': 'The address has a "%" that does not start a code like %20',
      'https://example.com/%zz': 'The address has a "%" that does not start a code like %20',
      'https://user:pass@example.com/': 'Leave the user name and password out of the address',
      'https://bank.example@evil.example/': 'Leave the user name and password out of the address',
      'http://[::1': LINK_ADDRESS_PROBLEMS.notParsed,
      'https://exa<mple.com/': LINK_ADDRESS_PROBLEMS.notParsed,
      'https://bank.com%40evil.com/': LINK_ADDRESS_PROBLEMS.notParsed,
      // Invisible characters a host loses on its way to punycode (IDNA maps them to nothing).
      'https://exa\u034fmple.com/': LINK_ADDRESS_PROBLEMS.spaceOrInvisible,
      'https://exa\ufe0fmple.com/': LINK_ADDRESS_PROBLEMS.spaceOrInvisible,
      'https://exa\u180bmple.com/': LINK_ADDRESS_PROBLEMS.spaceOrInvisible,
      'https://exa\u{1bca0}mple.com/': LINK_ADDRESS_PROBLEMS.spaceOrInvisible,
      // Paths the URL parser turns into `//evil.example` (another site) when it tidies them.
      '/.//evil.example': LINK_ADDRESS_PROBLEMS.pathLeavesSite,
      '/..//evil.example': LINK_ADDRESS_PROBLEMS.pathLeavesSite,
      '/a/..//evil.example': LINK_ADDRESS_PROBLEMS.pathLeavesSite,
      '/%2e//evil.example': LINK_ADDRESS_PROBLEMS.pathLeavesSite,
      '/./\\evil.example': LINK_ADDRESS_PROBLEMS.pathLeavesSite,
      // Short as typed, longer than the limit once percent-encoded.
      [`https://example.com/${'é'.repeat(1000)}`]: LINK_ADDRESS_PROBLEMS.tooLong,
      'mailto:a@b.c': 'Use a web address (https://…) or a path on this site (/…)',
      'javascript:alert(1)': 'Use a web address (https://…) or a path on this site (/…)',
    };
    for (const [url, problem] of Object.entries(problems))
      expect(parseRelatedUrl(url), url).toEqual({ ok: false, problem });
  });
});

describe('parseLinkAddress for a link in the text', () => {
  it('accepts what it accepted before: web addresses, e-mail links, site paths, IDN hosts', () => {
    expect(parseBodyLink('mailto:desk@newsroom.test')).toEqual({
      ok: true,
      href: 'mailto:desk@newsroom.test',
    });
    expect(parseBodyLink('https://пример.рф/')).toEqual({
      ok: true,
      href: 'https://xn--e1afmkfd.xn--p1ai/',
    });
    expect(parseBodyLink('/world/story?x=1#top')).toEqual({
      ok: true,
      href: '/world/story?x=1#top',
    });
    expect(parseBodyLink('https://example.com/a?b=c')).toEqual({
      ok: true,
      href: 'https://example.com/a?b=c',
    });
  });

  it('refuses what a related link refuses, with the same words', () => {
    const problems = {
      'https://exa mple.com/': LINK_ADDRESS_PROBLEMS.spaceOrInvisible,
      'https://exa\u200Bmple.com': LINK_ADDRESS_PROBLEMS.spaceOrInvisible,
      '/a b': LINK_ADDRESS_PROBLEMS.spaceOrInvisible,
      'mailto:desk@news room.test': LINK_ADDRESS_PROBLEMS.spaceOrInvisible,
      'https://bank.example@evil.example/': LINK_ADDRESS_PROBLEMS.userInfo,
      'https://example.com/100%': LINK_ADDRESS_PROBLEMS.strayPercent,
      'mailto:desk@newsroom.test?subject=100%': LINK_ADDRESS_PROBLEMS.strayPercent,
      'javascript:alert(1)': LINK_ADDRESS_PROBLEMS.notALink,
      '//evil.example': LINK_ADDRESS_PROBLEMS.notALink,
      'mailto:?subject=Hello': LINK_ADDRESS_PROBLEMS.noMailAddress,
      'mailto:': LINK_ADDRESS_PROBLEMS.notALink,
      [`https://example.com/${'a'.repeat(2048)}`]: LINK_ADDRESS_PROBLEMS.tooLong,
    };
    for (const [url, problem] of Object.entries(problems)) {
      expect(parseBodyLink(url), url).toEqual({ ok: false, problem });
      if (!url.startsWith('mailto:') && problem !== LINK_ADDRESS_PROBLEMS.notALink)
        expect(parseRelatedUrl(url), url).toEqual({ ok: false, problem });
    }
  });
});

describe('what parseLinkAddress stores', () => {
  it('is accepted again as it is (a GET sent back with PUT unchanged saves)', () => {
    const pieces = ['/', '.', '..', '%2e', '%2F', '\\', '?', '#', ':', '@', 'a', 'é', '%', '//'];
    const tail = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join(''));
    const address = fc.tuple(fc.constantFrom('/', 'https://example.com/', 'mailto:a@b.c'), tail);
    fc.assert(
      fc.property(address, fc.boolean(), ([start, rest], related) => {
        const kind = related ? RELATED_LINK : BODY_LINK;
        const first = parseLinkAddress(start + rest, kind);
        if (!first.ok) return;
        expect(parseLinkAddress(first.href, kind)).toEqual(first);
        expect(first.href.startsWith('//')).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('related links in an article', () => {
  const article = (related: unknown[]) =>
    validateArticle({
      title: 'T',
      slug: 't',
      sectionId: 's',
      body: seedArticleDocument(),
      related,
    });

  it('stores the normalised address', () => {
    const result = article([{ title: 'Ex', url: 'https://EXAMPLE.com' }]);
    expect(result.ok && result.value.related).toEqual([
      { title: 'Ex', url: 'https://example.com/' },
    ]);
  });

  it('says in words what is wrong: blank title, too many, the same link twice', () => {
    const errors = (related: unknown[]) => {
      const result = article(related);
      return result.ok ? [] : result.errors;
    };
    expect(errors([{ title: ' ', url: 'https://example.com/' }])).toEqual([
      { path: 'related[0].title', message: 'Give the link a title' },
    ]);
    expect(
      errors(Array.from({ length: 21 }, (_, i) => ({ title: 'x', url: `https://e.com/${i}` }))),
    ).toEqual([{ path: 'related', message: 'Keep to 20 related links or fewer' }]);
    expect(
      errors([
        { title: 'One', url: 'https://example.com/a' },
        { articleId: 'art_1' },
        { title: 'Same', url: 'HTTPS://EXAMPLE.COM/a' },
        { articleId: 'art_1' },
      ]),
    ).toEqual([
      { path: 'related[2].url', message: 'This link is already in the list' },
      { path: 'related[3].articleId', message: 'This link is already in the list' },
    ]);
  });
});

describe('linkedArticleIds', () => {
  it('lists the articles a related list links to, in order, leaving addresses out', () => {
    expect(
      linkedArticleIds([{ articleId: 'b' }, { url: 'https://example.com/' }, { articleId: 'a' }]),
    ).toEqual(['b', 'a']);
  });
});
