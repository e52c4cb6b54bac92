import { elementsUnder, unwrap } from '../dom';

/** Clipboard HTML (as opposed to a saved web page): it comes in the docs-internal-guid wrapper. */
export const isGoogleDocsClipboard = (doc: Document): boolean =>
  doc.querySelector('[id^="docs-internal-guid-"]') !== null;

/** Google Docs wraps the whole clipboard in `<b id="docs-internal-guid-…">`, which is NOT bold. */
export function unwrapGuidWrapper(doc: Document): void {
  for (const wrapper of elementsUnder(doc.body, '[id^="docs-internal-guid-"]')) unwrap(wrapper);
}

/** `.c3{font-weight:700}`: the single-class rules of the export's `<style>` block. */
const CLASS_RULE = /\.([\w-]+)\s*\{([^}]*)\}/g;

/**
 * The "Web page" export styles text with classes (`<span class="c3">`), not inline styles.
 * Copying each class's declarations inline lets one formatting step read both shapes.
 */
export function inlineClassStyles(doc: Document): void {
  const rules = new Map<string, string>();
  for (const style of elementsUnder(doc, 'style')) {
    for (const [, name, body] of (style.textContent ?? '').matchAll(CLASS_RULE))
      rules.set(name!, `${rules.get(name!) ?? ''}${body};`);
  }
  if (rules.size === 0) return;
  for (const element of elementsUnder(doc.body, '[class]')) {
    const fromClasses = (element.getAttribute('class') ?? '')
      .split(/\s+/)
      .map((name) => rules.get(name) ?? '')
      .join('');
    if (fromClasses)
      element.setAttribute('style', `${fromClasses}${element.getAttribute('style') ?? ''}`);
  }
}

/** The export sends every link through `https://www.google.com/url?q=<target>&sa=…`. */
export function unwrapRedirectLinks(doc: Document): void {
  for (const anchor of elementsUnder(doc.body, 'a[href]')) {
    const href = anchor.getAttribute('href') ?? '';
    if (!/^https?:\/\/(www\.)?google\.com\/url\?/i.test(href)) continue;
    const target = URL.canParse(href) ? new URL(href).searchParams.get('q') : null;
    if (target) anchor.setAttribute('href', target);
  }
}

/** Clipboard HTML from Google Docs, or its "Download → Web page (.html)" export. */
export function isGoogleDocsHtml(doc: Document): boolean {
  return (
    doc.querySelector('[id^="docs-internal-guid-"]') !== null ||
    doc.querySelector('a[id^="ftnt_ref"], a[href^="#ftnt"]') !== null ||
    /(^|\s)doc-content(\s|$)/.test(doc.body?.getAttribute('class') ?? '') ||
    doc.querySelector('[class*="lst-kix_"]') !== null
  );
}
