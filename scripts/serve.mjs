// The one static file server of the e2e tests, the screenshots and the benchmark: the repository root
// (so /dist/ holds the built bundles) served as a shop's web server would, with no transformation and,
// unless the caller says otherwise, no caching. A path missing from the root is looked up in dist/, so the demo's pages find the tag at
// /shopconsent.js, as under `npm start`. `pages` adds generated pages by path.
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import sirv from 'sirv';

const root = resolve(import.meta.dirname, '..');
/**
 * Listens on 127.0.0.1:`port` (0: any free port); resolves with the server once it listens. The files
 * are sent with `cache-control: <cacheControl>`.
 */
export const serve = (port, pages = {}, cacheControl = 'no-store') => {
  const options = {
    dev: true,
    dotfiles: false,
    setHeaders: (response) => response.setHeader('cache-control', cacheControl),
  };
  const fromRoot = sirv(root, options);
  const fromDist = sirv(resolve(root, 'dist'), options);
  const server = createServer((request, response) => {
    const page = pages[new URL(request.url ?? '/', 'http://x').pathname];
    if (page) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(page);
      return;
    }
    fromRoot(request, response, () =>
      fromDist(request, response, () => response.writeHead(404, { 'content-type': 'text/plain' }).end('not found')),
    );
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await serve(Number(process.env.PORT ?? 4173));
  console.log(`serving ${root} on http://127.0.0.1:${server.address().port}`);
}
