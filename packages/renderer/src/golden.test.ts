import { seedArticleDocument, seedArticleMeta } from '@newsroom/article';
import { expect, it } from 'vitest';
import { renderArticle } from './render-article';

it('renders the seed article exactly as the reviewed golden file', async () => {
  const html = renderArticle({
    doc: seedArticleDocument(),
    markerStyle: seedArticleMeta.markerStyle,
    related: seedArticleMeta.related.map(({ title, slug }) => ({
      title,
      href: `/articles/${slug}`,
    })),
  });
  expect(html.match(/role="doc-noteref"/g)).toHaveLength(2);
  expect(html.match(/role="doc-backlink"/g)).toHaveLength(2);
  expect(html.match(/<li id="fn-/g)).toHaveLength(1);
  await expect(`${html}\n`).toMatchFileSnapshot('./__snapshots__/seed-article.html');
});
