/**
 * Whether elements under `root` nest deeper than `limit`. Walked without recursion (first child,
 * next sibling, parent): the DOM's own recursive helpers (querySelector, textContent) overflow
 * the call stack on a file nested thousands deep, so this check runs before any of them.
 */
export function nestsDeeperThan(root: Element, limit: number): boolean {
  let depth = 0;
  let element: Element | null = root.firstElementChild;
  if (element) depth = 1;
  while (element && element !== root) {
    if (depth > limit) return true;
    if (element.firstElementChild) {
      element = element.firstElementChild;
      depth += 1;
      continue;
    }
    while (element && element !== root && !element.nextElementSibling) {
      element = element.parentElement;
      depth -= 1;
    }
    if (element && element !== root) element = element.nextElementSibling;
  }
  return false;
}
