/** One list item before nesting: its level (1 = outermost), its kind and its inline content. */
export interface FlatListItem {
  level: number;
  ordered: boolean;
  content: Node[];
}

interface OpenList {
  list: Element;
  level: number;
  ordered: boolean;
}

/**
 * Real nested `<ul>`/`<ol>` from items that only know their level (Word's `mso-list`
 * paragraphs, Google Docs' `aria-level` and per-level lists). A deeper item opens a list inside
 * the previous item; a change of kind at the same level starts a new list.
 */
export function nestListItems(doc: Document, items: readonly FlatListItem[]): Element[] {
  const roots: Element[] = [];
  const stack: OpenList[] = [];
  for (const item of items) {
    while (stack.length > 0 && stack.at(-1)!.level > item.level) stack.pop();
    const top = stack.at(-1);
    if (top && top.level === item.level && top.ordered !== item.ordered) stack.pop();
    if (stack.length === 0 || stack.at(-1)!.level < item.level) {
      const list = doc.createElement(item.ordered ? 'ol' : 'ul');
      const parent = stack.at(-1);
      if (parent) lastItemOf(parent.list, doc).appendChild(list);
      else roots.push(list);
      stack.push({ list, level: item.level, ordered: item.ordered });
    }
    const li = doc.createElement('li');
    const paragraph = doc.createElement('p');
    for (const node of item.content) paragraph.appendChild(node);
    li.appendChild(paragraph);
    stack.at(-1)!.list.appendChild(li);
  }
  return roots;
}

/** The list's last item, or a new empty one when a list starts deeper than level 1. */
function lastItemOf(list: Element, doc: Document): Element {
  const last = list.lastElementChild;
  if (last) return last;
  const li = doc.createElement('li');
  li.appendChild(doc.createElement('p'));
  list.appendChild(li);
  return li;
}
