/** Where the import form posts, and where it leads. */
export const IMPORT_API_PATH = '/api/newsroom/articles/import';
export const IMPORT_PAGE_PATH = '/newsroom/articles/import';
export const articleEditPath = (id: string) => `/newsroom/articles/${encodeURIComponent(id)}`;
