import { LINK_ADDRESS_PROBLEMS, REPEATED_RELATED_LINK } from '@newsroom/article';
import type { EditableArticle } from '@newsroom/editorial';
import { describe, expect, it } from 'vitest';
import {
  draftOf,
  relatedUrlProblem,
  fromGmtInputValue,
  saveRequestOf,
  shownRelated,
  followingSlug,
  nextSlugToTry,
  slugFollowsTitle,
  withoutDroppedRelated,
  slugProblem,
  toGmtInputValue,
  type ArticleDraft,
} from './draft';

describe('draft helpers', () => {
  it('lets the slug follow the headline only until it is edited or published', () => {
    expect(slugFollowsTitle({ title: 'Floods', slug: 'floods', publishedAt: null })).toBe(true);
    expect(slugFollowsTitle({ title: 'Floods', slug: 'floods-3', publishedAt: null })).toBe(true);
    expect(slugFollowsTitle({ title: 'Floods', slug: 'my-slug', publishedAt: null })).toBe(false);
    expect(
      slugFollowsTitle({ title: 'Floods', slug: 'floods', publishedAt: '2021-01-01T00:00:00Z' }),
    ).toBe(false);
  });

  it('keeps the "-2" while the headline still gives the same slug', () => {
    expect(followingSlug('article-2', '大阪の天気')).toBe('article-2');
    expect(followingSlug('floods-3', 'Floods!')).toBe('floods-3');
    expect(followingSlug('floods-3', 'Floods return')).toBe('floods-return');
    expect(followingSlug('floods', 'Flood')).toBe('flood');
  });

  it('tries the next suffix when a following slug is taken', () => {
    expect(nextSlugToTry('floods', 'Floods')).toBe('floods-2');
    expect(nextSlugToTry('floods-2', 'Floods')).toBe('floods-3');
    expect(nextSlugToTry('floods-9', 'Floods')).toBe('floods-10');
    expect(nextSlugToTry('article', '大阪の天気')).toBe('article-2');
  });

  it('explains a bad slug', () => {
    expect(slugProblem('good-slug-2')).toBeNull();
    expect(slugProblem('Bad Slug')).toBe('Use lowercase letters, digits and single hyphens');
    expect(slugProblem('')).toBe('The slug is required');
  });

  it('reads and writes the dateline in GMT', () => {
    expect(toGmtInputValue('2021-04-14T07:00:00.000Z')).toBe('2021-04-14T07:00');
    expect(fromGmtInputValue('2021-04-14T07:00')).toBe('2021-04-14T07:00:00.000Z');
    expect(fromGmtInputValue('')).toBeNull();
  });

  it('judges a related link as the server does, in its words', () => {
    expect(relatedUrlProblem('https://example.org/a')).toBeNull();
    expect(relatedUrlProblem('/world/a-story')).toBeNull();
    expect(relatedUrlProblem('javascript:alert(1)')).toBe(LINK_ADDRESS_PROBLEMS.notAPage);
    expect(relatedUrlProblem('example.org')).toBe(LINK_ADDRESS_PROBLEMS.notAPage);
    expect(relatedUrlProblem('mailto:desk@example.org')).toBe(LINK_ADDRESS_PROBLEMS.notAPage);
    expect(relatedUrlProblem('https://exa mple.org/')).toBe(LINK_ADDRESS_PROBLEMS.spaceOrInvisible);
    expect(relatedUrlProblem('https://bank.example@evil.example/')).toBe(
      LINK_ADDRESS_PROBLEMS.userInfo,
    );
  });

  it('sends related links in their stored form', () => {
    const draft = {
      related: [
        { articleId: 'a1', title: 'Shown title', href: '/world/x' },
        { title: 'Out', url: 'https://example.org' },
      ],
    } as ArticleDraft;
    expect(saveRequestOf(draft, 3)).toMatchObject({
      baseVersion: 3,
      related: [{ articleId: 'a1' }, { title: 'Out', url: 'https://example.org' }],
    });
  });
});

describe('the lead image in a save', () => {
  const base = { title: 't', slug: 's', sectionId: 'x', related: [] } as unknown as ArticleDraft;
  const lead = {
    id: 'cimage00000000000001',
    width: 10,
    height: 10,
    alt: 'a',
    caption: '',
    credit: '',
  };
  it('is sent as its id, null to clear it, and left out by drafts from before images', () => {
    expect(saveRequestOf({ ...base, leadImage: lead }, 1)).toMatchObject({ leadImageId: lead.id });
    expect(saveRequestOf({ ...base, leadImage: null }, 1)).toMatchObject({ leadImageId: null });
    expect(saveRequestOf(base, 1)).not.toHaveProperty('leadImageId');
    expect(saveRequestOf({ ...base, leadImage: lead }, 1)).not.toHaveProperty('leadImage');
  });
});

describe('the related list after a save', () => {
  const gone = { articleId: 'gone', title: 'Deleted draft', href: null };
  const kept = { articleId: 'kept', title: 'Kept', href: '/world/kept' };
  const external = { url: 'https://example.com/', title: 'Elsewhere' };
  const added = { articleId: 'added', title: 'Added meanwhile', href: null };

  it('stops showing the entries the server dropped (drafts deleted since), keeping the rest', () => {
    expect(
      withoutDroppedRelated(
        [gone, external, kept, added],
        [gone, external, kept],
        [external, kept],
      ),
    ).toEqual([external, kept, added]);
  });

  it('changes nothing when the server stored every entry sent', () => {
    expect(withoutDroppedRelated([kept, added], [kept], [kept])).toBeNull();
  });
});

describe('the related list on opening an article', () => {
  it('leaves out external entries the validator now refuses, and says which and why', () => {
    const internal = { articleId: 'a1', title: 'Floods', href: '/world/floods' };
    const kept = { url: 'https://example.com/', title: 'Kept' };
    const refused = { url: 'https://user@example.com/', title: 'Old partner' };
    expect(shownRelated([internal, refused, kept])).toEqual({
      related: [internal, kept],
      notice: `A related link was removed: “Old partner” — ${LINK_ADDRESS_PROBLEMS.userInfo}`,
    });
    expect(shownRelated([internal, kept])).toEqual({ related: [internal, kept], notice: null });
  });

  it('leaves out a repeated link, saying so, and mends a title without a word', () => {
    const kept = { url: 'https://example.com/', title: 'Kept' };
    const repeated = { url: 'https://EXAMPLE.com', title: 'Again' };
    const mended = { url: 'https://example.org/', title: 'Part\u0001ner' };
    expect(shownRelated([kept, repeated, mended])).toEqual({
      related: [kept, { ...mended, title: 'Partner' }],
      notice: `A related link was removed: “Again” — ${REPEATED_RELATED_LINK}`,
    });
  });
});

describe('the draft of a stored article', () => {
  const article: EditableArticle = {
    id: 'article-1',
    slug: 'floods',
    title: 'Floods',
    standfirst: '',
    sectionId: 'section-world',
    section: { slug: 'world', name: 'World' },
    markerStyle: 'symbols',
    status: 'draft',
    publishedAt: null,
    scheduledAt: null,
    live: null,
    hasUnpublishedChanges: false,
    wasPublished: false,
    version: 2,
    authorId: 'user-1',
    updatedAt: '2026-01-01T00:00:00.000Z',
    body: { type: 'doc', content: [{ type: 'paragraph' }] },
    related: [{ url: 'https://example.org/', title: 'Elsewhere' }],
    leadImage: null,
  };

  it('spells the same JSON as the form’s snapshot of it (autosave compares the text)', () => {
    const draft = draftOf(article);
    const { body, ...meta } = draft;
    expect(JSON.stringify({ ...meta, body })).toBe(JSON.stringify(draft));
    expect(draft).toStrictEqual({
      title: 'Floods',
      slug: 'floods',
      sectionId: 'section-world',
      standfirst: '',
      markerStyle: 'symbols',
      publishedAt: null,
      related: article.related,
      leadImage: null,
      body: article.body,
    });
  });
});
