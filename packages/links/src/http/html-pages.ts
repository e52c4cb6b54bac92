const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** A small self-contained page (no scripts, no external files) for the redirect server's answers. */
export function htmlPage(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} | Newsroom short links</title>
<style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}a{color:#0b57d0;word-break:break-all}code{font-size:1rem}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${bodyHtml}
</main>
</body>
</html>
`;
}

export function notFoundPage(code: string): string {
  return htmlPage(
    'Short link not found',
    `<p>There is no short link <code>/${escapeHtml(code)}</code>. Check that it was copied completely.</p>`,
  );
}

const GONE_REASONS = {
  disabled: { title: 'Short link disabled', why: 'has been disabled' },
  expired: { title: 'Short link expired', why: 'has expired' },
  deleted: { title: 'Short link deleted', why: 'has been deleted' },
} as const;

export function gonePage(code: string, reason: keyof typeof GONE_REASONS): string {
  const { title, why } = GONE_REASONS[reason];
  return htmlPage(
    title,
    `<p>The short link <code>/${escapeHtml(code)}</code> ${why} and no longer leads anywhere.</p>`,
  );
}

export function articleNotLivePage(code: string): string {
  return htmlPage(
    'Article not published',
    `<p>The short link <code>/${escapeHtml(code)}</code> belongs to an article that is not published at the moment. It leads to the article again as soon as the article is back online.</p>`,
  );
}

export function previewPage(code: string, url: string): string {
  const href = escapeHtml(url);
  return htmlPage(
    'Where this short link goes',
    `<p>The short link <code>/${escapeHtml(code)}</code> goes to:</p>
<p><a id="destination" href="${href}" rel="noopener noreferrer nofollow">${href}</a></p>
<p>Nothing has been opened yet. Follow the link above to continue.</p>`,
  );
}

export function tooManyRequestsPage(retryAfterSeconds: number): string {
  return htmlPage(
    'Too many requests',
    `<p>Too many unknown short links were requested from your address. Try again in ${retryAfterSeconds} seconds.</p>`,
  );
}

export function unavailablePage(): string {
  return htmlPage(
    'Short links are unavailable',
    '<p>The short-link service cannot read its database right now. Please try again shortly.</p>',
  );
}
