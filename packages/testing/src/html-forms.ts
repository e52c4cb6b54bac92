// Submitting a page's form the way a browser without JavaScript does (Next.js server actions work
// that way too: the form carries hidden `$ACTION_…` fields), for tests over plain HTTP.

const ENTITIES: Record<string, string> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  '#x27': "'",
  '#39': "'",
};

function decodeEntities(text: string): string {
  return text.replace(/&(quot|amp|lt|gt|#x27|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/**
 * The fields (name → value) of the first form in `html` that contains an input named
 * `mustHave`, as a browser would submit them (hidden and filled-in inputs alike).
 */
export function formFields(html: string, mustHave: string): Record<string, string> {
  for (const form of html.match(/<form[\s\S]*?<\/form>/g) ?? []) {
    const fields: Record<string, string> = {};
    for (const input of form.match(/<input[^>]*>/g) ?? []) {
      const name = /\sname="([^"]*)"/.exec(input)?.[1];
      if (!name) continue;
      fields[decodeEntities(name)] = decodeEntities(/\svalue="([^"]*)"/.exec(input)?.[1] ?? '');
    }
    if (mustHave in fields) return fields;
  }
  throw new Error(`No form with an input named "${mustHave}" in the page`);
}

/** Fields as multipart/form-data, which is how Next.js server-action forms are posted. */
export function multipart(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

/**
 * Fetches `pagePath` from `baseUrl` and posts its form (the first with an input named `mustHave`)
 * back with `values` filled in, the way a browser without JavaScript does; redirects are not
 * followed, so the answer's status and Location can be checked.
 */
export async function postPageForm(
  baseUrl: string,
  pagePath: string,
  mustHave: string,
  values: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  const page = await fetch(`${baseUrl}${pagePath}`, {
    headers: headers.cookie ? { cookie: headers.cookie } : {},
  });
  const fields = { ...formFields(await page.text(), mustHave), ...values };
  return fetch(`${baseUrl}${pagePath}`, {
    method: 'POST',
    body: multipart(fields),
    headers,
    redirect: 'manual',
  });
}

/** Where a redirect answer sends the browser, as the browser would resolve it against `baseUrl`. */
export function redirectTarget(response: Response, baseUrl: string): URL {
  const location = response.headers.get('location');
  if (!location) throw new Error(`No Location header (status ${response.status})`);
  return new URL(location, baseUrl);
}
