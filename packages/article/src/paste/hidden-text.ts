import { elementsUnder, isBlank } from './dom';
import { styleOf } from './inline-style';
import type { PasteNotices } from './paste-notices';

/**
 * Text the source does not show: Word's Font → Hidden (`display:none;mso-hide:all`), an e-mail's
 * hidden preheader. Never published: it can hold what the author meant only for themselves (a
 * source's name).
 */
function isHidden(element: Element): boolean {
  const style = styleOf(element);
  return style.get('display')?.toLowerCase() === 'none' || style.get('mso-hide') === 'all';
}

/** Removes hidden elements under `root` (inline styles, after classes were inlined); said. */
export function removeHiddenText(root: Element, notices: PasteNotices): void {
  for (const element of elementsUnder(root, '[style]')) {
    if (!element.isConnected || !isHidden(element)) continue;
    if (!isBlank(element.textContent)) notices.add('hiddenTextDropped');
    element.remove();
  }
}
