/**
 * Whether elements under `root` nest deeper than `limit`. Walked without recursion, through each
 * element's `children`: the DOM's own recursive helpers (querySelector, textContent) overflow the
 * call stack on a file nested thousands deep, so this check runs before any of them; and
 * happy-dom's `nextElementSibling` looks an element up among its siblings, which made a walk by
 * siblings quadratic on a body of many paragraphs.
 */
export function nestsDeeperThan(root: Element, limit: number): boolean {
  const waiting = Array.from(root.children, (element) => ({ element, depth: 1 }));
  for (let next = waiting.pop(); next; next = waiting.pop()) {
    if (next.depth > limit) return true;
    for (const child of Array.from(next.element.children))
      waiting.push({ element: child, depth: next.depth + 1 });
  }
  return false;
}
