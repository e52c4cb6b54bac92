import { UNPUBLISHED_RELATED_TITLE } from '@newsroom/article';
import { describe, expect, it } from 'vitest';
import { relatedTitlesFor } from './related-titles';

const unpublished = { articleId: 'draft1', title: UNPUBLISHED_RELATED_TITLE, href: null };

describe('relatedTitlesFor', () => {
  it("shows an unpublished article's headline only when the page was loaded with it", () => {
    const forEditor = relatedTitlesFor([{ articleId: 'draft1', title: 'Budget leak', href: null }]);
    expect(forEditor(unpublished)).toBe('Budget leak');
    const forWriter = relatedTitlesFor([unpublished]);
    expect(forWriter(unpublished)).toBe(UNPUBLISHED_RELATED_TITLE);
    expect(relatedTitlesFor([])(unpublished)).toBe(UNPUBLISHED_RELATED_TITLE);
  });

  it('shows every other entry as the shared document has it', () => {
    const titleOf = relatedTitlesFor([{ articleId: 'a1', title: 'Old headline', href: '/x/a' }]);
    expect(titleOf({ articleId: 'a1', title: 'New headline', href: '/x/a' })).toBe('New headline');
    expect(titleOf({ url: 'https://example.com/', title: 'Elsewhere' })).toBe('Elsewhere');
  });
});
