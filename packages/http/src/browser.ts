// `@newsroom/http/browser`: reading the one error shape in client components (no Node imports).
export type { ErrorBody, FieldErrors } from './errors/api-error';

type MaybeErrorBody = { error?: { code?: unknown; message?: unknown; fields?: unknown } };

/** The readable message of an API error answer, or "HTTP <status>" when there is none. */
export function apiErrorMessage(data: unknown, status: number): string {
  const message = (data as MaybeErrorBody | null)?.error?.message;
  return typeof message === 'string' && message ? message : `HTTP ${status}`;
}

/** The machine-readable code of an API error answer (e.g. `validation_failed`), if any. */
export function apiErrorCode(data: unknown): string | undefined {
  const code = (data as MaybeErrorBody | null)?.error?.code;
  return typeof code === 'string' ? code : undefined;
}

/** `fields` of an API error answer as `[{ path, message }]`, for showing next to inputs. */
export function apiFieldProblems(data: unknown): { path: string; message: string }[] {
  const fields = (data as MaybeErrorBody | null)?.error?.fields;
  if (!fields || typeof fields !== 'object') return [];
  return Object.entries(fields as Record<string, unknown>).flatMap(([path, message]) =>
    typeof message === 'string' ? [{ path, message }] : [],
  );
}
