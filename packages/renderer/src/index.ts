export { renderArticle, type RenderArticleInput } from './render-article';
export { renderBody } from './render-body';
export { renderRelated, type ResolvedRelatedLink } from './related-links';
export { escapeHtml } from './escape-html';
export { noteElementId, referenceElementId } from './footnote-markup';
