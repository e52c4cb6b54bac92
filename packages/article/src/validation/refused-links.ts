import type { JSONContent } from '@tiptap/core';
import { BODY_LINK, LINK_ADDRESS_PROBLEMS, parseLinkAddress } from './link-address';
import { quoted } from './link-text';

/** A link taken out of a stored document: its words, and why its address is not kept. */
export interface RemovedLink {
  text: string;
  problem: string;
}

/**
 * Why a link mark's stored href is not one we keep, or null if it is. The same judgement as the
 * validator's (parseLinkAddress), for anything stored: an href that is not even a string too.
 */
export function refusedLinkProblem(href: unknown): string | null {
  if (typeof href !== 'string') return LINK_ADDRESS_PROBLEMS.notALink;
  const address = parseLinkAddress(href, BODY_LINK);
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

/**
 * What the editor is told once on opening an article that held such links, in the words of the
 * paste notice: "A link was removed (its words were kept): “our report” — Leave the user name…".
 */
export function removedLinksNotice(removed: readonly RemovedLink[]): string {
  const count = removed.length;
  const which = removed
    .map(
      ({ text, problem }) => `${text.trim() ? quoted(text) : 'a link without words'} — ${problem}`,
    )
    .join('; ');
  return `${count === 1 ? 'A link was removed (its words were kept)' : `${count} links were removed (their words were kept)`}: ${which}`;
}
