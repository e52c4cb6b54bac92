import type { JSONContent } from '@tiptap/core';
import { articleMetaSchema, type ArticleMeta } from './article-meta-schema';
import { validateDocument } from './validate-document';
import { joinPath, type ValidationError, type ValidationResult } from './validation-result';

export interface ValidArticle extends ArticleMeta {
  body: JSONContent;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (joined, key) => joinPath(joined, typeof key === 'number' ? key : String(key)),
    '',
  );
}

/**
 * Server-side check of an article save: metadata through zod (unknown fields are dropped),
 * the body through `validateDocument`. All problems are reported together, each with a path
 * such as `related[2].url` or `body.content[3].content[1]`.
 */
export function validateArticle(input: unknown): ValidationResult<ValidArticle> {
  const meta = articleMetaSchema.safeParse(input);
  const errors: ValidationError[] = meta.success
    ? []
    : meta.error.issues.map((issue) => ({
        path: formatPath(issue.path) || '(article)',
        message: issue.message,
      }));
  const body =
    typeof input === 'object' && input !== null && 'body' in input
      ? validateDocument((input as { body: unknown }).body, 'body')
      : ({ ok: false, errors: [{ path: 'body', message: 'body is required' }] } as const);
  if (!body.ok) errors.push(...body.errors);
  if (!meta.success || !body.ok) return { ok: false, errors };
  return { ok: true, value: { ...meta.data, body: body.value } };
}
