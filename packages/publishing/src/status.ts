import { ARTICLE_STATUS } from '@newsroom/article';

/** The one Article.status whose articles have a live version readers see. */
export const PUBLISHED = ARTICLE_STATUS.published;
