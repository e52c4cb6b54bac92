/** The address of page `page` of a list (home or a section): page 1 is the list's own path. */
export function listPagePath(basePath: string, page: number): string {
  return page === 1 ? basePath : `${basePath}?page=${page}`;
}
