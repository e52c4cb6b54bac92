import type { HtmlParser } from '@newsroom/article';
import { Window } from 'happy-dom';

/**
 * The paste pipeline's DOM in Node: happy-dom, with scripts, styles and network off (imported
 * HTML is untrusted and must never fetch or run anything). Close it when done.
 */
export function openNodeHtmlParser(): { parseHtml: HtmlParser; close(): Promise<void> } {
  const window = new Window({
    settings: {
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableComputedStyleRendering: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  const parser = new window.DOMParser();
  return {
    parseHtml: (html) => parser.parseFromString(html, 'text/html') as unknown as Document,
    close: () => window.happyDOM.close(),
  };
}
