/** Turns an HTML string into a Document: the browser's DOMParser, or a DOM library in Node. */
export type HtmlParser = (html: string) => Document;

/** The platform's DOMParser (browsers; Node with a DOM library installed as a global). */
export function platformHtmlParser(): HtmlParser {
  if (typeof globalThis.DOMParser !== 'function')
    throw new Error('No DOMParser here: pass an HtmlParser (e.g. from happy-dom) instead');
  const parser = new globalThis.DOMParser();
  return (html) => parser.parseFromString(html, 'text/html');
}

// Node type numbers, spelled out: `Node.ELEMENT_NODE` needs a global Node, absent in Node.js.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const COMMENT_NODE = 8;

export const isElement = (node: Node | null | undefined): node is Element =>
  node?.nodeType === ELEMENT_NODE;
export const isText = (node: Node | null | undefined): node is Text => node?.nodeType === TEXT_NODE;
export const isComment = (node: Node | null | undefined): boolean =>
  node?.nodeType === COMMENT_NODE;

/** Lower-case tag name; `o:p` stays `o:p`. */
export const tagOf = (element: Element): string => element.tagName.toLowerCase();

/** Replaces an element by its children. */
export function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}

/** Moves every child of `from` to the end of `to`. */
export function moveChildren(from: Node, to: Node): void {
  while (from.firstChild) to.appendChild(from.firstChild);
}

/**
 * Every element under `root` matching `selector` (document order), as a snapshot safe to mutate
 * while walking. Walked through each element's `children`, without recursion, so it takes time in
 * proportion to the elements: happy-dom's querySelectorAll copies its growing list of matches at
 * every element that has children (quadratic: 12 s for an imported .docx of 30,000 paragraphs),
 * and its `nextElementSibling` looks the element up among its siblings.
 */
export function elementsUnder(root: ParentNode, selector = '*'): Element[] {
  const found: Element[] = [];
  const waiting: Element[] = Array.from(root.children).reverse();
  for (let element = waiting.pop(); element; element = waiting.pop()) {
    if (selector === '*' || element.matches(selector)) found.push(element);
    const { children } = element;
    for (let index = children.length - 1; index >= 0; index--) waiting.push(children[index]!);
  }
  return found;
}

/** Every comment under `root`. Word's `<![if …]>` markers parse as comments too. */
export function commentsUnder(root: Node): Node[] {
  const found: Node[] = [];
  const visit = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (isComment(child)) found.push(child);
      else visit(child);
    }
  };
  visit(root);
  return found;
}

/** Every text node under `root`, in no particular order; iterative, for deeply nested HTML. */
export function textNodesUnder(root: Node): Text[] {
  const found: Text[] = [];
  const waiting: Node[] = [root];
  for (let node = waiting.pop(); node; node = waiting.pop()) {
    if (isText(node)) found.push(node);
    else waiting.push(...Array.from(node.childNodes));
  }
  return found;
}

/** Whitespace, including the no-break spaces Word fills empty paragraphs with. */
export const isBlank = (text: string | null | undefined): boolean =>
  !text || /^[\s\u00a0\u200b]*$/.test(text);
