/** Declarations of a `style` attribute, property names lower-cased (`mso-list` → value). */
export function parseStyle(style: string | null | undefined): Map<string, string> {
  const declarations = new Map<string, string>();
  for (const part of (style ?? '').split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const name = part.slice(0, colon).trim().toLowerCase();
    const value = part
      .slice(colon + 1)
      .trim()
      .replace(/\s*!important$/i, '');
    if (name) declarations.set(name, value);
  }
  return declarations;
}

export const styleOf = (element: Element): Map<string, string> =>
  parseStyle(element.getAttribute('style'));

/** `font-weight` that reads as bold: `bold`, `bolder` or 600 and heavier. */
export function isBoldWeight(value: string | undefined): boolean {
  if (!value) return false;
  if (/^bold(er)?$/i.test(value)) return true;
  const weight = Number(value);
  return Number.isFinite(weight) && weight >= 600;
}

export function isNormalWeight(value: string | undefined): boolean {
  if (!value) return false;
  if (/^(normal|lighter)$/i.test(value)) return true;
  const weight = Number(value);
  return Number.isFinite(weight) && weight < 600;
}

export const isItalicStyle = (value: string | undefined): boolean =>
  !!value && /^(italic|oblique)/i.test(value);
