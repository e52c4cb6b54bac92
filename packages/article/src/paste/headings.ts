import { ARTICLE_HEADING_LEVELS } from '../extensions/article-heading';
import { elementsUnder, moveChildren, tagOf } from './dom';

const TOP = ARTICLE_HEADING_LEVELS[0];
const BOTTOM = ARTICLE_HEADING_LEVELS[ARTICLE_HEADING_LEVELS.length - 1]!;
/** Word's Title/Subtitle paragraph styles and Google Docs' title/subtitle classes. */
const TITLE_CLASS = /(^|\s)(MsoTitle\w*|title)(\s|$)/;
const SUBTITLE_CLASS = /(^|\s)(MsoSubtitle\w*|subtitle)(\s|$)/;

/**
 * The headline is the page's h1, so a document's levels move down into ours, keeping their
 * order: h1 → h2, h2 → h3, deeper → h4 (our deepest). A title is a top heading, a subtitle the next.
 */
export function headingLevelFor(sourceLevel: number): number {
  return Math.min(BOTTOM, TOP + Math.max(0, sourceLevel - 1));
}

function retag(element: Element, level: number): Element {
  const heading = element.ownerDocument.createElement(`h${level}`);
  moveChildren(element, heading);
  for (const name of element.getAttributeNames())
    heading.setAttribute(name, element.getAttribute(name) ?? '');
  element.replaceWith(heading);
  return heading;
}

export function mapHeadings(body: Element): void {
  for (const element of elementsUnder(body, 'h1, h2, h3, h4, h5, h6, p[class]')) {
    const tag = tagOf(element);
    if (tag !== 'p') retag(element, headingLevelFor(Number(tag.slice(1))));
    else if (TITLE_CLASS.test(element.getAttribute('class') ?? ''))
      retag(element, headingLevelFor(1));
    else if (SUBTITLE_CLASS.test(element.getAttribute('class') ?? ''))
      retag(element, headingLevelFor(2));
  }
}
