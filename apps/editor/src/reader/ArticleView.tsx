import {
  newsArticleJsonLd,
  renderLeadImage,
  renderStoredArticle,
  type PublishedArticle,
} from '@newsroom/publishing';
import { GetShortUrlButton } from '../short-links/GetShortUrlButton';
import { ArticleLayout } from './ArticleLayout';
import { JsonLd } from './JsonLd';
import { SITE_NAME, siteUrl } from './site';

/** The article page: the shared article layout plus its structured data. */
export function ArticleView({ article }: { article: PublishedArticle }) {
  return (
    <article className="article">
      <ArticleLayout
        section={article.section}
        publishedAt={article.publishedAt}
        title={article.title}
        standfirst={article.standfirst}
        html={renderStoredArticle(article)}
        leadImageHtml={article.leadImage && renderLeadImage(article.leadImage)}
        actions={<GetShortUrlButton articleId={article.id} />}
      />
      <JsonLd data={newsArticleJsonLd({ siteUrl: siteUrl(), siteName: SITE_NAME, article })} />
    </article>
  );
}
