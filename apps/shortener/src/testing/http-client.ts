import http from 'node:http';

export type HttpResult = { status: number; headers: http.IncomingHttpHeaders; body: string };

export const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
export const BOT_UAS = [
  'Googlebot/2.1 (+http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'curl/8.5.0',
];

/** Raw HTTP (no redirect following), over a keep-alive pool like a real crowd of clients. */
export function createHttpClient(baseUrl: string, maxSockets = 50) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const base = new URL(baseUrl);

  function request(
    path: string,
    {
      method = 'GET',
      userAgent = BROWSER_UA,
      headers = {},
    }: { method?: string; userAgent?: string; headers?: http.OutgoingHttpHeaders } = {},
  ): Promise<HttpResult> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: base.hostname,
          port: base.port,
          path,
          method,
          agent,
          headers: { 'user-agent': userAgent, ...headers },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
          res.on('error', reject);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        // The server closed this idle keep-alive socket as the request went out (its keep-alive
        // timeout passes while a loaded machine runs other suites): the request was never read,
        // so it is sent again on a new socket, as Node's documentation advises.
        if (req.reusedSocket && error.code === 'ECONNRESET') {
          request(path, { method, userAgent, headers }).then(resolve, reject);
        } else reject(error);
      });
      req.end();
    });
  }

  return { request, close: () => agent.destroy() };
}

/** Runs `tasks` with at most `concurrency` in flight. */
export async function runPool<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
) {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}
