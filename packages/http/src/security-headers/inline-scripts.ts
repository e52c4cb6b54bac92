import { scriptHashSource } from './security-headers';

// An opening <script> tag and its text up to the closing tag. Applied to HTML that Next.js
// produced: a page's own text is escaped by the renderer, so `<script` can only be a real tag.
const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SRC_ATTRIBUTE = /\ssrc\s*=/i;
const TYPE_ATTRIBUTE = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const SCRIPT_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);

/** Inline scripts that a browser would run (not `src` scripts, not JSON-LD data blocks). */
function executableInlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(SCRIPT_ELEMENT)) {
    const attributes = match[1] ?? '';
    if (SRC_ATTRIBUTE.test(attributes)) continue;
    const type = TYPE_ATTRIBUTE.exec(attributes);
    const typeValue = (type?.[1] ?? type?.[2] ?? type?.[3] ?? '').trim().toLowerCase();
    if (!SCRIPT_TYPES.has(typeValue)) continue;
    scripts.push(match[2] ?? '');
  }
  return scripts;
}

/** The CSP hash sources of every inline script of a page, for a nonce-free policy. */
export function inlineScriptHashes(html: string): string[] {
  return [...new Set(executableInlineScripts(html).map(scriptHashSource))];
}
