// The newsroom's own addresses, one builder each, for pages, server actions and browser code
// alike (the reader site's article URLs are `articlePath` in @newsroom/article).

export const LOGIN_PAGE_PATH = '/newsroom/login';
/** The login page, coming back to `path` afterwards. */
export const loginPagePath = (path: string) =>
  `${LOGIN_PAGE_PATH}?${new URLSearchParams({ next: path })}`;
export const ARTICLES_PAGE_PATH = '/newsroom/articles';
/** The article list's query after a draft was deleted (it says so; nothing of the draft is echoed). */
export const DRAFT_DELETED_PARAM = 'deleted';
export const ARTICLES_AFTER_DELETE_PATH = `${ARTICLES_PAGE_PATH}?${DRAFT_DELETED_PARAM}=1`;
export const NEW_ARTICLE_PAGE_PATH = `${ARTICLES_PAGE_PATH}/new`;
export const IMPORT_PAGE_PATH = `${ARTICLES_PAGE_PATH}/import`;
export const IMPORT_API_PATH = '/api/newsroom/articles/import';

export const articleEditPath = (id: string) => `${ARTICLES_PAGE_PATH}/${encodeURIComponent(id)}`;
export const articlePreviewPath = (id: string) => `${articleEditPath(id)}/preview`;
/** The article's JSON API; actions and revisions are below it (`…/publish`, `…/revisions`). */
export const articleApiPath = (id: string) => `/api/newsroom/articles/${encodeURIComponent(id)}`;

export const USERS_PAGE_PATH = '/newsroom/users';
export const USERS_API_PATH = '/api/newsroom/users';
/** A member of staff's JSON API (PATCH role); `…/deactivate` and `…/reactivate` are below it. */
export const userApiPath = (id: string) => `${USERS_API_PATH}/${encodeURIComponent(id)}`;
export const SECTIONS_PAGE_PATH = '/newsroom/sections';
export const SECTIONS_API_PATH = '/api/newsroom/sections';
/** A section's JSON API (PATCH its name or place in the order). */
export const sectionApiPath = (id: string) => `${SECTIONS_API_PATH}/${encodeURIComponent(id)}`;
export const ACCOUNT_PAGE_PATH = '/newsroom/account';
