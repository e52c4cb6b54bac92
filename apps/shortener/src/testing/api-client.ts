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
    const json: any = text ? JSON.parse(text) : undefined;
    return { status: response.status, headers: response.headers, json };
  };
}
