// The newsroom admin pages' JSON requests from the browser: one place that turns a refused
// request (the one error shape) into an error with its per-field messages.
import { apiErrorMessage, apiFieldProblems } from '@newsroom/http/browser';

/** A refused request: its message, and its per-field messages to show beside the inputs. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly fields: Record<string, string>,
  ) {
    super(message);
  }
}

/** Sends `body` as JSON (when given) and returns the answer's JSON, or throws RequestError. */
export async function sendJson<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    ...(body !== undefined && {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  });
  const data = (await response.json().catch(() => ({}))) as T;
  if (!response.ok) {
    const fields = Object.fromEntries(
      apiFieldProblems(data).map(({ path, message }) => [path, message]),
    );
    throw new RequestError(apiErrorMessage(data, response.status), fields);
  }
  return data;
}

/** The field messages of a failure (none when it was not a refused request). */
export function fieldsOfFailure(error: unknown): Record<string, string> {
  return error instanceof RequestError ? error.fields : {};
}
