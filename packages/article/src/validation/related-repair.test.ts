import { describe, expect, it } from 'vitest';
import { ARTICLE_LIMITS, articleMetaSchema, REPEATED_RELATED_LINK } from './article-meta-schema';
import { LINK_ADDRESS_PROBLEMS } from './link-address';
import { repairedRelated } from './related-repair';

const MAX_TITLE = ARTICLE_LIMITS.maxRelatedTitleLength;
const accepted = (related: unknown) => articleMetaSchema.shape.related.safeParse(related).success;

describe('repairedRelated', () => {
  it.each([
    ['https://user@example.com/', LINK_ADDRESS_PROBLEMS.userInfo],
    ['http://exa\u034Fmple.com/', LINK_ADDRESS_PROBLEMS.spaceOrInvisible],
    ['https://exa mple.com/', LINK_ADDRESS_PROBLEMS.spaceOrInvisible],
    // Fine in the text, not as a related link: a related link is a page to read.
    ['mailto:a@b.example', LINK_ADDRESS_PROBLEMS.notAPage],
    ['javascript:alert(1)', LINK_ADDRESS_PROBLEMS.notAPage],
    ['/100%', LINK_ADDRESS_PROBLEMS.strayPercent],
  ])(
    'leaves out the external entry %j, naming its title, and keeps the others in order',
    (url, problem) => {
      const stored = [
        { articleId: 'a1', title: 'Internal', href: null },
        { url: 'https://example.com/kept', title: 'Kept' },
        { url, title: 'Old partner' },
        { url: '/world/also-kept', title: 'Also kept' },
      ];
      expect(accepted(stored)).toBe(false);
      const { related, removed } = repairedRelated(stored);
      expect(related).toEqual([stored[0], stored[1], stored[3]]);
      expect(removed).toEqual([{ text: 'Old partner', problem }]);
      expect(accepted(related)).toBe(true);
    },
  );

  it('returns a list the validator accepts as it is, with the very entries', () => {
    const stored = [
      { articleId: 'a1' },
      { url: 'https://example.com/', title: '  Spaces are trimmed on save  ' },
      { url: 'https://EXAMPLE.com/other', title: 'x'.repeat(MAX_TITLE) },
      { url: '/world/x', title: 'Line\nbreak' },
    ];
    expect(accepted(stored)).toBe(true);
    const { related, removed } = repairedRelated(stored);
    expect(removed).toEqual([]);
    expect(related).toEqual(stored);
    related.forEach((entry, index) => expect(entry).toBe(stored[index]));
  });

  it('takes control characters out of a title and keeps the entry', () => {
    const stored = [
      { url: 'https://example.com/a', title: 'Our\u0000 part\u001Fner\u000Bsite' },
      { articleId: 'a1' },
    ];
    expect(accepted(stored)).toBe(false);
    const { related, removed } = repairedRelated(stored);
    expect(related).toEqual([
      { url: 'https://example.com/a', title: 'Our partner\nsite' },
      { articleId: 'a1' },
    ]);
    expect(related[1]).toBe(stored[1]);
    expect(removed).toEqual([]);
    expect(accepted(related)).toBe(true);
  });

  it('cuts a title over the limit to the limit', () => {
    const stored = [{ url: 'https://example.com/', title: `  ${'a'.repeat(MAX_TITLE + 50)}` }];
    expect(accepted(stored)).toBe(false);
    const { related } = repairedRelated(stored);
    expect(related).toEqual([{ url: 'https://example.com/', title: 'a'.repeat(MAX_TITLE) }]);
    expect(accepted(related)).toBe(true);
  });

  it('never cuts a letter outside the BMP in two', () => {
    const stored = [{ url: 'https://example.com/', title: `${'a'.repeat(MAX_TITLE - 1)}😀 more` }];
    const [entry] = repairedRelated(stored).related;
    expect(entry!.title).toBe('a'.repeat(MAX_TITLE - 1));
    expect(entry!.title).not.toMatch(/[\uD800-\uDBFF]$/);
    expect(accepted([entry])).toBe(true);
  });

  it.each([
    ['https://news.example.org/story?id=1', '', 'news.example.org'],
    ['https://EXAMPLE.com', '   ', 'example.com'],
    ['https://example.com/a', '\u0000\u0007 ', 'example.com'],
    ['/world/story', '', '/world/story'],
  ])('names an untitled link %j after its host (%j)', (url, title, named) => {
    const stored = [{ url, title }];
    expect(accepted(stored)).toBe(false);
    const { related, removed } = repairedRelated(stored);
    expect(related).toEqual([{ url, title: named }]);
    expect(removed).toEqual([]);
    expect(accepted(related)).toBe(true);
  });

  it('leaves out a later entry with the same address after normalising, or the same article', () => {
    const stored = [
      { url: 'https://Example.com', title: 'First' },
      { articleId: 'a1', title: 'Internal', href: '/world/a1' },
      { url: 'https://example.com/', title: 'Again' },
      { articleId: 'a1', title: 'Internal', href: '/world/a1' },
      { url: 'https://example.com/other', title: 'Other' },
    ];
    expect(accepted(stored)).toBe(false);
    const { related, removed } = repairedRelated(stored);
    expect(related).toEqual([stored[0], stored[1], stored[4]]);
    expect(removed).toEqual([
      { text: 'Again', problem: REPEATED_RELATED_LINK },
      { text: 'Internal', problem: REPEATED_RELATED_LINK },
    ]);
    expect(accepted(related)).toBe(true);
  });

  it('keeps a later entry whose earlier twin goes for its address', () => {
    const stored = [
      { url: 'https://exa mple.com/', title: 'Refused' },
      { url: 'https://example.com/', title: 'Kept' },
    ];
    expect(repairedRelated(stored).related).toEqual([stored[1]]);
  });

  it('leaves more entries than the limit: the writer chooses which go', () => {
    const stored = Array.from({ length: ARTICLE_LIMITS.maxRelatedLinks + 2 }, (_, index) => ({
      url: `https://example.com/${index}`,
      title: `Link ${index}`,
    }));
    expect(repairedRelated(stored)).toEqual({ related: stored, removed: [] });
  });
});
