import type { JSONContent } from '@tiptap/core';
import {
  BODY_LINK,
  LINK_ADDRESS_PROBLEMS,
  parseLinkAddress,
  type LinkAddressOptions,
} from './link-address';
import { quoted } from './link-text';

/**
 * A link taken out of a stored document or related list: its words (a related link's title), and
 * why its address is not kept.
 */
export interface RemovedLink {
  text: string;
  problem: string;
}

/**
 * Why a stored href (a link mark's, or with RELATED_LINK a related link's) is not one we keep, or
 * null if it is. The same judgement as the validator's (parseLinkAddress), for anything stored:
 * an href that is not even a string too.
 */
export function refusedLinkProblem(
  href: unknown,
  options: LinkAddressOptions = BODY_LINK,
): string | null {
  if (typeof href !== 'string')
    return options.mailto ? LINK_ADDRESS_PROBLEMS.notALink : LINK_ADDRESS_PROBLEMS.notAPage;
  const address = parseLinkAddress(href, options);
  return address.ok ? null : address.problem;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isLinkMark = (mark: unknown): mark is { type: 'link'; attrs?: unknown } =>
  isRecord(mark) && mark.type === 'link';

const hrefOf = (mark: { attrs?: unknown }): unknown =>
  isRecord(mark.attrs) ? mark.attrs.href : undefined;

/** The node's link mark, if its address is refused. */
function refusedLink(node: JSONContent): { href: unknown; problem: string } | null {
  const link = Array.isArray(node.marks) ? node.marks.find(isLinkMark) : undefined;
  if (!link) return null;
  const href = hrefOf(link);
  const problem = refusedLinkProblem(href);
  return problem === null ? null : { href, problem };
}

function withoutLinkMark(node: JSONContent): JSONContent {
  const { marks, ...rest } = node;
  const kept = (marks ?? []).filter((mark) => !isLinkMark(mark));
  return kept.length > 0 ? { ...rest, marks: kept } : rest;
}

function cleanNode(node: JSONContent, removed: RemovedLink[]): JSONContent {
  if (!Array.isArray(node.content)) return node;
  let changed = false;
  // Neighbours with the same refused href are one link to the writer (a bold word inside it).
  let run: { href: unknown; link: RemovedLink } | null = null;
  const content = node.content.map((child) => {
    const refused = isRecord(child) ? refusedLink(child) : null;
    if (!refused) {
      run = null;
      const cleaned = isRecord(child) ? cleanNode(child, removed) : child;
      if (cleaned !== child) changed = true;
      return cleaned;
    }
    changed = true;
    const words = typeof child.text === 'string' ? child.text : '';
    if (run && run.href === refused.href) run.link.text += words;
    else {
      run = { href: refused.href, link: { text: words, problem: refused.problem } };
      removed.push(run.link);
    }
    return withoutLinkMark(child);
  });
  return changed ? { ...node, content } : node;
}

/**
 * A stored document without the links whose address we no longer keep (it was stored before a
 * stricter check): the linked words stay, unlinked, as a paste keeps them. `doc` is returned
 * as it is when nothing was removed. Footnotes are searched too.
 */
export function withoutRefusedLinks(doc: JSONContent): {
  doc: JSONContent;
  removed: RemovedLink[];
} {
  const removed: RemovedLink[] = [];
  return { doc: cleanNode(doc, removed), removed };
}

/** A notice names this many removed links at most: it is read out whole (a live region). */
const MAX_NAMED = 5;

/** “our report” — Leave the user name…; “the source” — Use a web address…; and 3 more */
function namedWithProblems(removed: readonly RemovedLink[], nameless: string): string {
  const named = removed
    .slice(0, MAX_NAMED)
    .map(({ text, problem }) => `${text.trim() ? quoted(text) : nameless} — ${problem}`)
    .join('; ');
  const more = removed.length - MAX_NAMED;
  return more > 0 ? `${named}; and ${more} more` : named;
}

/**
 * What the editor is told once on opening an article that held such links, in the words of the
 * paste notice: "A link was removed (its words were kept): “our report” — Leave the user name…".
 */
export function removedLinksNotice(removed: readonly RemovedLink[]): string {
  const count = removed.length;
  const which = namedWithProblems(removed, 'a link without words');
  return `${count === 1 ? 'A link was removed (its words were kept)' : `${count} links were removed (their words were kept)`}: ${which}`;
}

/**
 * The same for related links, which go whole (add them again with a corrected address):
 * "A related link was removed: “Our partner” — Leave the user name…".
 */
export function removedRelatedLinksNotice(removed: readonly RemovedLink[]): string {
  const count = removed.length;
  const which = namedWithProblems(removed, 'a link without a title');
  return `${count === 1 ? 'A related link was removed' : `${count} related links were removed`}: ${which}`;
}
