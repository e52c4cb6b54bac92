import { articleImageSizes, imageSrcset } from '@newsroom/article';
import type { ArticleImage, ArticleSummary } from '@newsroom/publishing';
import { Dateline } from './Dateline';
import { Rubric } from './Rubric';

/** A teaser's picture: WebP where the browser takes it, the JPEG otherwise; lazy below the fold. */
function TeaserImage({ image, eager }: { image: ArticleImage; eager: boolean }) {
  const sizes = articleImageSizes(image.width);
  return (
    <picture>
      <source type="image/webp" srcSet={imageSrcset(image.id, image.width, 'webp')} sizes={sizes} />
      <img
        className="teaser-image"
        src={image.src}
        srcSet={imageSrcset(image.id, image.width, 'jpeg')}
        sizes={sizes}
        width={image.width}
        height={image.height}
        alt={image.alt}
        loading={eager ? undefined : 'lazy'}
        decoding="async"
      />
    </picture>
  );
}

export function ArticleList({ articles }: { articles: ArticleSummary[] }) {
  if (articles.length === 0) return <p className="empty">No articles published yet.</p>;
  return (
    <ol className="article-list">
      {articles.map((article, index) => (
        <li key={article.id} className="article-teaser">
          {article.leadImage && <TeaserImage image={article.leadImage} eager={index === 0} />}
          <Rubric section={article.section} />
          <h2 className="teaser-headline">
            <a href={article.path}>{article.title}</a>
          </h2>
          {article.standfirst && <p className="teaser-standfirst">{article.standfirst}</p>}
          <Dateline date={article.publishedAt} />
        </li>
      ))}
    </ol>
  );
}
