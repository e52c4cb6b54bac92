import { ARTICLE_LIMITS, REPEATED_RELATED_LINK, relatedLinkKey } from './article-meta-schema';
import { LINK_ADDRESS_PROBLEMS, parseLinkAddress, RELATED_LINK } from './link-address';
import { cutToLength, withoutControlCharacters } from './plain-text';
import type { RemovedLink } from './refused-links';

/**
 * A stored related entry: an internal one (by id; the edit page's carries the target's title)
 * or an external one (its address and title).
 */
type StoredRelatedEntry = { articleId: string; title?: string } | { url: string; title: string };

/** What opening an article does to one stored related entry: keeps it (repaired) or removes it. */
export type RelatedRepair<Entry> = { kept: Entry } | { removed: RemovedLink };

/** The host name of an absolute address; a path on this site names itself. */
function hostOf(href: string): string {
  return href.startsWith('/') ? href : (URL.parse(href)?.hostname ?? href);
}

/**
 * An external entry's title as the validator accepts it: control characters taken out (as a
 * paste does), cut to the limit, or, with nothing left to read, the address's host name. The
 * very title when it needs nothing.
 */
function repairedTitle(title: unknown, href: string): string {
  const stored = typeof title === 'string' ? title : '';
  const readable = withoutControlCharacters(stored).trim();
  if (
    readable === stored.trim() &&
    readable &&
    readable.length <= ARTICLE_LIMITS.maxRelatedTitleLength
  )
    return stored;
  return cutToLength(readable || hostOf(href), ARTICLE_LIMITS.maxRelatedTitleLength).trimEnd();
}

const isExternal = (entry: StoredRelatedEntry): entry is { url: string; title: string } =>
  'url' in entry;

const titleOf = (entry: StoredRelatedEntry): string =>
  typeof entry.title === 'string' ? entry.title : '';

/** The form the validator stores a related entry in: its article, or its normalised address. */
type StoredForm = { articleId: string } | { url: string; title: string };

/** An external entry as it is kept (its title repaired) with its stored form, or why it goes. */
function checkedExternal<Entry extends { url: string; title: string }>(
  entry: Entry,
): { kept: Entry; form: StoredForm } | RemovedLink {
  const address =
    typeof entry.url === 'string'
      ? parseLinkAddress(entry.url, RELATED_LINK)
      : { ok: false as const, problem: LINK_ADDRESS_PROBLEMS.notAPage };
  if (!address.ok) return { text: titleOf(entry), problem: address.problem };
  const title = repairedTitle(entry.title, address.href);
  return {
    kept: title === entry.title ? entry : { ...entry, title },
    form: { url: address.href, title },
  };
}

/**
 * What opening an article does to each entry of its stored related list, in list order, so the
 * list saves again (it may have been stored before a stricter check, and the validator refuses
 * the whole list for one bad entry): an external entry whose address is refused goes; an entry
 * repeating an earlier one's article or (normalised) address goes; an external title with a
 * control character, too long or empty is repaired in place. Kept entries that need nothing are
 * the very objects given. Decided on the values alone, so every collaboration server decides
 * alike. More entries than the limit stay: which to remove is the writer's choice.
 */
export function relatedRepairs<Entry extends StoredRelatedEntry>(
  related: readonly Entry[],
): RelatedRepair<Entry>[] {
  const seen = new Set<string>();
  return related.map((entry): RelatedRepair<Entry> => {
    const checked = isExternal(entry)
      ? checkedExternal(entry)
      : { kept: entry, form: { articleId: entry.articleId } };
    if (!('kept' in checked)) return { removed: checked };
    const key = relatedLinkKey(checked.form);
    if (seen.has(key)) return { removed: { text: titleOf(entry), problem: REPEATED_RELATED_LINK } };
    seen.add(key);
    return { kept: checked.kept };
  });
}

/**
 * A stored related list as the validator accepts it (see relatedRepairs), and the entries that
 * went, with the reason (a repaired title is seen in the list itself, and not announced).
 */
export function repairedRelated<Entry extends StoredRelatedEntry>(
  related: readonly Entry[],
): { related: Entry[]; removed: RemovedLink[] } {
  const repairs = relatedRepairs(related);
  return {
    related: repairs.flatMap((repair) => ('kept' in repair ? [repair.kept] : [])),
    removed: repairs.flatMap((repair) => ('removed' in repair ? [repair.removed] : [])),
  };
}
