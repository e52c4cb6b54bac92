// The answer to the "Get short URL" form when it was sent without JavaScript (before the page
// hydrated, or with scripts off): a small page of its own, no scripts, every text escaped.
import { escapeHtml } from '@newsroom/renderer';
import { SITE_NAME } from '../reader/site';

const STYLE =
  'body{font:1.1rem/1.5 system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}' +
  'input{font:inherit;width:100%;padding:.3rem .4rem;margin:.3rem 0 1rem}a{color:inherit}';

function page(title: string, main: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} | ${escapeHtml(SITE_NAME)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${main}
</main>
</body>
</html>`;
}

export function shortUrlPage(input: { shortUrl: string; title: string; articlePath: string }) {
  const shortUrl = escapeHtml(input.shortUrl);
  return page(
    `Short URL: ${input.title}`,
    `<h1>Short URL</h1>
<p>Share “${escapeHtml(input.title)}” with this link:</p>
<label for="short-url">Short URL</label>
<input id="short-url" type="text" readonly value="${shortUrl}">
<p><a href="${shortUrl}">${shortUrl}</a></p>
<p><a href="${escapeHtml(input.articlePath)}">Back to the article</a></p>`,
  );
}

export function shortUrlErrorPage(message: string, backPath: string | null) {
  return page(
    'No short URL',
    `<h1>No short URL</h1>
<p role="alert">${escapeHtml(message)}</p>
${backPath ? `<p><a href="${escapeHtml(backPath)}">Back to the article</a></p>` : '<p><a href="/">Read the latest news</a></p>'}`,
  );
}
