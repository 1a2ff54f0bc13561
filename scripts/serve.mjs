// A static file server for the end-to-end tests: serves the repository root (so /dist/ holds the built
// bundles) exactly as a shop's web server would, with no transformation and no caching. A path missing from
// the root is looked up in dist/, so the demo's pages find the tag at /shopconsent.js, as under `npm start`.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const port = Number(process.env.PORT ?? 4173);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
  const name = path.endsWith('/') ? `${path}index.html` : path;
  const file = [join(root, name), join(dist, name)].find((candidate) => {
    try {
      return candidate.startsWith(root) && statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  response.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  createReadStream(file).pipe(response);
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}`));
