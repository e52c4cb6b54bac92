export { renderArticle, type RenderArticleInput } from './render-article';
export { renderBody, type RenderBodyOptions } from './render-body';
export { figureHtml, readFigureImage, type FigureImage, type FigureOptions } from './figure-markup';
export { renderRelated, type ResolvedRelatedLink } from './related-links';
export { escapeHtml } from './escape-html';
export { noteElementId, referenceElementId } from './footnote-markup';
