export interface ValidationError {
  /** Where the problem is, e.g. `content[3].content[1].marks[0].attrs.href`. */
  path: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] };

/** Joins a base path and a key the way the messages read: `a.b`, `a[3]`. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}
