import type { Metadata } from 'next';
import { absoluteUrl, fitsLargePreview } from '@newsroom/article';
import type { ArticleImage, PublishedArticle } from '@newsroom/publishing';
import { feedAlternates } from './feed-responses';
import { listPagePath } from './list-page-path';
import { SITE_NAME, siteUrl } from './site';

/** og:image / twitter:image: the lead image's JPEG, absolute, with its size and alt text. */
function socialImage(image: ArticleImage) {
  return {
    url: absoluteUrl(siteUrl(), image.src),
    width: image.srcWidth,
    height: image.srcHeight,
    alt: image.alt,
    type: image.contentType,
  };
}

/** <title>, description, canonical link, Open Graph and Twitter tags of an article page. */
export function articleMetadata(article: PublishedArticle): Metadata {
  const url = absoluteUrl(siteUrl(), article.path);
  const description = article.description || undefined;
  const image = article.leadImage && socialImage(article.leadImage);
  return {
    title: article.title,
    description,
    authors: [{ name: article.author.name }],
    alternates: { canonical: url, types: feedAlternates(article.section) },
    openGraph: {
      type: 'article',
      siteName: SITE_NAME,
      title: article.title,
      description,
      url,
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      section: article.section.name,
      authors: [article.author.name],
      ...(image ? { images: [image] } : {}),
    },
    // A small picture (a logo, a head-shot) in the large card would show blurred or not at all.
    twitter:
      image && article.leadImage && fitsLargePreview(article.leadImage)
        ? {
            card: 'summary_large_image',
            title: article.title,
            description,
            images: [{ url: image.url, alt: image.alt }],
          }
        : {
            card: 'summary',
            title: article.title,
            description,
            ...(image ? { images: [{ url: image.url, alt: image.alt }] } : {}),
          },
  };
}

/**
 * The title of page `page` of a list: "World – page 2" (the layout adds the site's name), the
 * home page's "Newsroom – page 2"; page 1 keeps the plain title.
 */
function listPageTitle(title: string | undefined, page: number): Metadata['title'] {
  if (page === 1) return title;
  return title ? `${title} – page ${page}` : { absolute: `${SITE_NAME} – page ${page}` };
}

/**
 * Metadata of a list page (home, or a section's with its own feeds first). Each page of the list
 * is canonical to itself: page 1 as canonical would tell search engines that the older pages
 * are duplicates to drop.
 */
export function listMetadata(
  title: string | undefined,
  path: string,
  description: string,
  options: { section?: { slug: string; name: string }; page?: number } = {},
) {
  const { section, page = 1 } = options;
  const url = absoluteUrl(siteUrl(), listPagePath(path, page));
  const pageTitle = listPageTitle(title, page);
  const ogTitle = page === 1 ? (title ?? SITE_NAME) : `${title ?? SITE_NAME} – page ${page}`;
  return {
    ...(pageTitle ? { title: pageTitle } : {}),
    description,
    alternates: { canonical: url, types: feedAlternates(section) },
    openGraph: { type: 'website', siteName: SITE_NAME, title: ogTitle, description, url },
    twitter: { card: 'summary', title: ogTitle, description },
  } satisfies Metadata;
}
