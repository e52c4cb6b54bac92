import {
  newsArticleJsonLd,
  renderStoredArticle,
  type PublishedArticle,
} from '@newsroom/publishing';
import { Dateline } from './Dateline';
import { JsonLd } from './JsonLd';
import { Rubric } from './Rubric';
import { SITE_NAME, siteUrl } from './site';

/**
 * The article page. The body, notes and related list come from the shared renderer, which
 * escapes every text and attribute of the stored document: that is what makes the
 * dangerouslySetInnerHTML safe.
 */
export function ArticleView({ article }: { article: PublishedArticle }) {
  const html = renderStoredArticle(article);
  return (
    <article className="article">
      <header className="article-header">
        <p className="article-kicker">
          <Rubric section={article.section} />
          <Dateline date={article.publishedAt} />
        </p>
        {/* Get short URL button (short-links) */}
        <h1 className="headline">{article.title}</h1>
        {article.standfirst && <p className="standfirst">{article.standfirst}</p>}
      </header>
      <div className="article-body" dangerouslySetInnerHTML={{ __html: html }} />
      <JsonLd data={newsArticleJsonLd({ siteUrl: siteUrl(), siteName: SITE_NAME, article })} />
    </article>
  );
}
