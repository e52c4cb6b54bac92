// The ceiling: the least a Node server can do to answer a short link — a Map look-up and a 301.
import { createServer } from 'node:http';

const count = Number(process.env.BARE_CODES ?? 1000);
const links = new Map<string, string>();
for (let index = 0; index < count; index += 1) {
  links.set(`/bench${index}`, `https://example.com/article/${index}`);
}

const server = createServer((req, res) => {
  const location = links.get(req.url ?? '');
  if (location) {
    res.writeHead(301, { Location: location, 'Content-Length': '0' });
    res.end();
  } else {
    res.writeHead(404, { 'Content-Length': '0' });
    res.end();
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
