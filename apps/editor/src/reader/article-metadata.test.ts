import type { PublishedArticle } from '@newsroom/publishing';
import { describe, expect, it } from 'vitest';
import { articleMetadata } from './article-metadata';

function articleWithLeadImage(width: number, height: number) {
  return {
    articleId: 'a1',
    slug: 'story',
    path: '/world/story',
    title: 'A story',
    standfirst: '',
    description: 'What happened.',
    publishedAt: new Date('2026-11-30T08:00:00Z'),
    updatedAt: new Date('2026-11-30T09:00:00Z'),
    createdAt: new Date('2026-11-30T07:00:00Z'),
    section: { slug: 'world', name: 'World' },
    author: { name: 'Ann Writer' },
    leadImage: {
      id: 'cimg0000000000000001',
      alt: 'A logo',
      caption: '',
      credit: '',
      width,
      height,
      src: `/media/images/cimg0000000000000001/${width}.jpg`,
      srcWidth: width,
      srcHeight: height,
      contentType: 'image/jpeg',
    },
  } as unknown as PublishedArticle;
}

describe('an article page’s link preview', () => {
  it('is the large card for a picture big enough, the small one for a logo or a head-shot', () => {
    const large = articleMetadata(articleWithLeadImage(1600, 900)).twitter;
    expect(large).toMatchObject({ card: 'summary_large_image' });
    const small = articleMetadata(articleWithLeadImage(40, 40)).twitter;
    expect(small).toMatchObject({
      card: 'summary',
      images: [{ url: expect.stringMatching(/\/40\.jpg$/), alt: 'A logo' }],
    });
  });
});
