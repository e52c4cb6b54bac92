import { IMAGE_PATH_PREFIX } from '@newsroom/article';
import { Window } from 'happy-dom';

const DANGEROUS_URL = /^(?:javascript|data|vbscript):/i;
// What a browser ignores inside a URL, so `java\tscript:` is still caught.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const URL_NOISE = /[\u0000-\u0020\u007f-\u00a0\u200b-\u200f\ufeff]/g;

/**
 * Test helper: parses rendered HTML with a real HTML parser and lists anything executable:
 * script-ish elements, event handler attributes and dangerous URLs in any attribute.
 */
export function findUnsafeMarkup(html: string): string[] {
  const window = new Window();
  const problems: string[] = [];
  if (/<script/i.test(html)) problems.push('literal <script');
  try {
    const container = window.document.createElement('div');
    container.innerHTML = html;
    for (const element of container.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style'].includes(tag))
        problems.push(`<${tag}>`);
      if ((tag === 'img' || tag === 'source') && !loadsOnlyStoredImages(element))
        problems.push(`<${tag}> loading something other than a stored image`);
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) problems.push(`${tag}[${attribute.name}]`);
        // alt is text a screen reader speaks, never a URL anything follows.
        if (attribute.name === 'alt') continue;
        if (DANGEROUS_URL.test((attribute.value ?? '').replace(URL_NOISE, '')))
          problems.push(`${tag}[${attribute.name}=${attribute.value}]`);
      }
    }
  } finally {
    void window.happyDOM.close();
  }
  return problems;
}

/** img/source may only point at our own renditions: no remote pixels, no data: URLs. */
function loadsOnlyStoredImages(element: { getAttribute(name: string): string | null }): boolean {
  const urls = [
    element.getAttribute('src'),
    ...(element.getAttribute('srcset') ?? '')
      .split(',')
      .map((entry) => entry.trim().split(/\s+/)[0]),
  ].filter((url): url is string => url !== null && url !== undefined && url !== '');
  return urls.every((url) => url.startsWith(`${IMAGE_PATH_PREFIX}/`) && !url.includes('..'));
}
