import { elementsUnder, isBlank } from './dom';
import { styleOf } from './inline-style';
import type { PasteNotices } from './paste-notices';

const INVISIBLE = new Set(['hidden', 'collapse']);

/**
 * Text the source does not show: Word's Font → Hidden (`display:none;mso-hide:all`), an e-mail's
 * hidden preheader (`display:none`, or `visibility:hidden`), the `hidden` attribute. Never
 * published: it can hold what the author meant only for themselves (a source's name).
 */
function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = styleOf(element);
  if (style.get('display')?.toLowerCase() === 'none' || style.get('mso-hide') === 'all') {
    return true;
  }
  // Unlike display, visibility can be turned on again inside: then what shows is kept.
  return (
    INVISIBLE.has(style.get('visibility')?.toLowerCase() ?? '') &&
    !elementsUnder(element, '[style]').some(
      (inner) => styleOf(inner).get('visibility')?.toLowerCase() === 'visible',
    )
  );
}

/** Removes hidden elements under `root` (inline styles, after classes were inlined); said. */
export function removeHiddenText(root: Element, notices: PasteNotices): void {
  for (const element of elementsUnder(root, '[style], [hidden]')) {
    if (!element.isConnected || !isHidden(element)) continue;
    if (!isBlank(element.textContent)) notices.add('hiddenTextDropped');
    element.remove();
  }
}
