import { articleTag, listTag, SECTIONS_TAG, type DependencyTag } from '../dependencies/tags';

/** The topic on `@newsroom/shared-state` changes that carries reader-page invalidations. */
export const READER_PAGES_TOPIC = 'reader-pages';

/**
 * Something readers see has changed. `articleIds`: articles whose live content changed (title,
 * text, URL, visibility). `lists`: the lists whose membership or order changed: the home page
 * (`null`) and sections by slug, e.g. on publish, unpublish or a move to another section.
 */
export interface ReaderPagesChange {
  articleIds: string[];
  lists: (string | null)[];
  /** A section was added, renamed or moved: every page showing the sections (SECTIONS_TAG). */
  sections?: boolean;
}

export function tagsOfChange(change: ReaderPagesChange): DependencyTag[] {
  return [
    ...change.articleIds.map(articleTag),
    ...change.lists.map(listTag),
    ...(change.sections ? [SECTIONS_TAG] : []),
  ];
}

/** Whether the change names anything at all (an empty one is not announced). */
export function isEmptyChange(change: ReaderPagesChange): boolean {
  return change.articleIds.length === 0 && change.lists.length === 0 && !change.sections;
}

/** Ids per message: well under PostgreSQL's NOTIFY limit (8,000 bytes) with 64-character ids. */
const IDS_PER_MESSAGE = 50;

/** One or more messages (a change naming many articles is split; lists go with the first). */
export function encodeChange(change: ReaderPagesChange): string[] {
  const messages: string[] = [];
  for (let start = 0; start === 0 || start < change.articleIds.length; start += IDS_PER_MESSAGE) {
    messages.push(
      JSON.stringify({
        articleIds: change.articleIds.slice(start, start + IDS_PER_MESSAGE),
        lists: start === 0 ? change.lists : [],
        ...(start === 0 && change.sections && { sections: true }),
      }),
    );
  }
  return messages;
}

const MAX_ENTRIES = 10_000;

/** A message from another instance; anything malformed is null (and ignored by the caller). */
export function decodeChange(message: string): ReaderPagesChange | null {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { articleIds, lists, sections } = value as Record<string, unknown>;
  const isIds = (list: unknown): list is string[] =>
    Array.isArray(list) &&
    list.length <= MAX_ENTRIES &&
    list.every((item) => typeof item === 'string');
  const isLists = (list: unknown): list is (string | null)[] =>
    Array.isArray(list) &&
    list.length <= MAX_ENTRIES &&
    list.every((item) => item === null || typeof item === 'string');
  if (!isIds(articleIds) || !isLists(lists)) return null;
  if (sections === undefined) return { articleIds, lists };
  return sections === true ? { articleIds, lists, sections } : null;
}
