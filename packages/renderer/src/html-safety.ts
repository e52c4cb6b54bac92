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
      if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'img'].includes(tag))
        problems.push(`<${tag}>`);
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) problems.push(`${tag}[${attribute.name}]`);
        if (DANGEROUS_URL.test((attribute.value ?? '').replace(URL_NOISE, '')))
          problems.push(`${tag}[${attribute.name}=${attribute.value}]`);
      }
    }
  } finally {
    void window.happyDOM.close();
  }
  return problems;
}
