import { absoluteUrl } from '@newsroom/article';
import type { ArticleImage } from '../images/article-image';

export interface NewsArticleJsonLdInput {
  siteUrl: string;
  siteName: string;
  article: {
    title: string;
    description: string;
    path: string;
    publishedAt: Date;
    updatedAt: Date;
    section: { name: string };
    author: { name: string };
    leadImage?: ArticleImage | null;
  };
}

function imageObject(siteUrl: string, image: ArticleImage) {
  return {
    '@type': 'ImageObject',
    url: absoluteUrl(siteUrl, image.src),
    width: image.srcWidth,
    height: image.srcHeight,
    ...(image.caption ? { caption: image.caption } : {}),
    ...(image.credit ? { creditText: image.credit } : {}),
  };
}

/** schema.org NewsArticle for search engines: https://schema.org/NewsArticle */
export function newsArticleJsonLd({ siteUrl, siteName, article }: NewsArticleJsonLdInput) {
  const url = absoluteUrl(siteUrl, article.path);
  // A save after publication moves updatedAt; it can never be before the publication itself.
  const modified =
    article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(article.description ? { description: article.description } : {}),
    datePublished: article.publishedAt.toISOString(),
    dateModified: modified.toISOString(),
    articleSection: article.section.name,
    ...(article.leadImage ? { image: [imageObject(siteUrl, article.leadImage)] } : {}),
    author: [{ '@type': 'Person', name: article.author.name }],
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    publisher: { '@type': 'Organization', name: siteName, url: absoluteUrl(siteUrl, '/') },
  };
}

const UNSAFE_IN_SCRIPT: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON for a `<script type="application/ld+json">` element. The HTML parser ends a script at
 * the first `</script`, whatever the JSON means, so `<` (and `>`, `&` for good measure) are
 * written as \u escapes: the same JSON value, but no headline can close the element.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => UNSAFE_IN_SCRIPT[char] ?? char,
  );
}
