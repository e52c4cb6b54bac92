/** Where the import form posts, and where it leads. */
export const IMPORT_API_PATH = '/api/newsroom/articles/import';
export const newArticlePath = '/newsroom/articles/new';
export const articleEditPath = (id: string) => `/newsroom/articles/${encodeURIComponent(id)}`;
