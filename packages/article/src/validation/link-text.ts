import { BODY_LINK, parseLinkAddress } from './link-address';
import { joinPath, type ValidationError } from './validation-result';

/** Enough of the linked words to find the link in the article. */
const MAX_QUOTED = 60;

interface LinkRun {
  href: string;
  text: string;
  /** The first linked node's href, e.g. `body.content[2].content[1].marks[0].attrs.href`. */
  path: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The href of a node's link mark, if it has one with a string href. */
function linkMark(node: unknown): { href: string; index: number } | null {
  if (!isRecord(node) || !Array.isArray(node.marks)) return null;
  const marks: unknown[] = node.marks;
  const index = marks.findIndex((mark) => isRecord(mark) && mark.type === 'link');
  const mark = marks[index];
  const href = isRecord(mark) && isRecord(mark.attrs) ? mark.attrs.href : undefined;
  return typeof href === 'string' ? { href, index } : null;
}

/**
 * The links among a block's children, one per run of neighbours with the same href: a link
 * with a bold word in it is several text nodes but one link to the writer.
 */
function linkRuns(children: readonly unknown[], contentPath: string): LinkRun[] {
  const runs: LinkRun[] = [];
  let previous: LinkRun | null = null;
  for (const [position, child] of children.entries()) {
    const link = linkMark(child);
    const text = isRecord(child) && typeof child.text === 'string' ? child.text : '';
    if (!link) previous = null;
    else if (previous && previous.href === link.href) previous.text += text;
    else {
      const marksPath = joinPath(joinPath(contentPath, position), 'marks');
      previous = { href: link.href, text, path: `${joinPath(marksPath, link.index)}.attrs.href` };
      runs.push(previous);
    }
  }
  return runs;
}

/** The linked words as a person finds them in the article: “our report”, shortened if long. */
export function quoted(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim();
  return words.length > MAX_QUOTED ? `“${words.slice(0, MAX_QUOTED - 1)}…”` : `“${words}”`;
}

/**
 * One error per link among `children` whose address we would not store, naming the linked words
 * and the problem: "The link on “our report”: The address has a space …".
 */
export function linkAddressErrors(
  children: readonly unknown[],
  contentPath: string,
): ValidationError[] {
  return linkRuns(children, contentPath).flatMap(({ href, text, path }) => {
    const address = parseLinkAddress(href, BODY_LINK);
    if (address.ok) return [];
    const link = text.trim() === '' ? 'A link' : `The link on ${quoted(text)}`;
    return [{ path, message: `${link}: ${address.problem}` }];
  });
}
