/** The JSON API as a client sees it. */
export function createApiClient(baseUrl: string, apiKey: string | undefined) {
  return async function api(method: string, path: string, body?: unknown, rawBody?: string) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(apiKey && { authorization: `Bearer ${apiKey}` }),
        ...(body !== undefined || rawBody !== undefined
          ? { 'content-type': 'application/json' }
          : {}),
      },
      body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
      redirect: 'manual',
    });
    const text = await response.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test responses are checked field by field
    const json: any = text
      ? parseJson(text, `${method} ${path} answered ${response.status}`)
      : undefined;
    return { status: response.status, headers: response.headers, json };
  };
}

/** JSON.parse that says which answer was not JSON, and what it held instead. */
function parseJson(text: string, answer: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${answer} with a body that is not JSON: ${text.slice(0, 300)}`);
  }
}
