/**
 * `npm start`: builds the widgets, then serves the demo on http://localhost:8080
 * (PORT to change it). /dist/ is the build, /demo/ the showcase with its data.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

execFileSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });

const port = Number(process.env.PORT ?? 8080);
const root = resolve('.');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.css': 'text/css; charset=utf-8', '.map': 'application/json', '.png': 'image/png', '.csv': 'text/csv; charset=utf-8' };

createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (path === '/') {
    res.writeHead(302, { location: '/demo/' }).end();
    return;
  }
  let file = normalize(join(root, path));
  const allowed = [join(root, 'dist'), join(root, 'demo')].some((dir) => file.startsWith(dir));
  if (allowed && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!allowed || !existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  createReadStream(file).pipe(res);
}).listen(port, () => console.log(`\nArchipel demo: http://localhost:${port}/demo/\n`));
