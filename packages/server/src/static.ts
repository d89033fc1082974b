/**
 * Static files (`--static /dist/=./dist`): the widgets and the demo from the
 * same server. A path is served only from inside its folder; hashed chunks are
 * cached for a year, everything else revalidated within a minute; HTML pages
 * get the demo's Content-Security-Policy; every file may be read from any site
 * (CORS), MapLibre's `.mjs` worker included, so a page elsewhere draws its map.
 * Text is sent compressed when the browser accepts it: Brotli or gzip files the
 * build wrote beside the original (`.br`, `.gz`), else compressed on the way.
 * A `Range` request gets those bytes (206), as every web server answers one: a map reads a PMTiles file of streets
 * so, a tile at a time, from another site too (CORS, with the ETag and Content-Range it reads).
 * `--home` redirects `/`. An HTML page holding Archipel's tags names the code they will import in a `Link`
 * header (modulepreload), so a browser asks for it with the page rather than once the loader has run.
 *
 * A folder of JSON files is a source too, so its collection files pass the same rule as the API: `actions.json`,
 * `chapters.json`, `posts.json` (approved posts only) and `surveys.json` are served with their public fields only, and a file named
 * after a personal collection (`signups`, `responses`) is never served at all.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createBrotliCompress, createGzip, constants } from 'node:zlib';
import { COMPRESSIBLE, encodingFor } from './compress.js';
import { basename, extname, isAbsolute, join, normalize, posix, relative, resolve } from 'node:path';
import { isPublicCollection, publicRecord, statusCell } from '@archipel/core/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from './problems.js';
import type { Routes } from './routes/plugin.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.csv': 'text/csv; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.pbf': 'application/x-protobuf',
  '.pmtiles': 'application/vnd.pmtiles',
};

/** One byte range (`bytes=0-16383`, `bytes=500-`, `bytes=-500`) of a file of `size` bytes; null when none can be served. */
function byteRange(header: string, size: number): { start: number; end: number } | null | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (!m[1] && !m[2])) return undefined;
  const [start, end] = m[1] ? [Number(m[1]), m[2] ? Math.min(Number(m[2]), size - 1) : size - 1] : [Math.max(0, size - Number(m[2])), size - 1];
  return start <= end && start < size ? { start, end } : null;
}

const DEMO_CSP =
  "default-src 'self'; img-src 'self' data: blob: https:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; " +
  "connect-src 'self' https:; worker-src 'self' blob:; frame-src https:; object-src 'none'; base-uri 'self'";

/** The file a URL names inside `dir`, or undefined when it names none or points outside. */
function fileFor(dir: string, rest: string): string | undefined {
  // An encoded slash or backslash would let one segment climb out of the folder once decoded.
  if (/%2f|%5c/i.test(rest)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return undefined;
  }
  let file = normalize(join(dir, decoded));
  const rel = relative(dir, file);
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/**
 * Files named after a personal collection: whatever they hold, a static mount never serves them. A bundler's
 * hashed chunk of code named after a module (the survey's `responses-DG_4vcrU.js`, `responses-DG_4vcrU-BayZB3M0.js`
 * once an app's Vite build has bundled it) is code, not data: refusing it leaves the survey loading for ever.
 */
const PERSONAL_FILE = /^(signups|responses)\b/i;
const HASHED_CODE = /^(signups|responses)(-[\w]{8})+\.(m?js|css)(\.map)?$/i;

/** A collection file with only its public fields, in the shape it came in (a list, or an object keyed by the collection or "items"). */
function publicJson(collection: Parameters<typeof publicRecord>[0], file: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  // A post waiting for moderation, or hidden, is not public yet: only approved posts (or posts without a status) are served.
  const shown = (r: unknown) => collection !== 'posts' || !r || typeof r !== 'object' || [undefined, '', 'approved'].includes(statusCell((r as { status?: unknown }).status) as string);
  const project = (rows: unknown) =>
    Array.isArray(rows) ? rows.filter(shown).map((r) => (r && typeof r === 'object' ? publicRecord(collection, r as Record<string, unknown>) : r)) : [];
  if (Array.isArray(json)) return JSON.stringify(project(json));
  const obj = (json ?? {}) as Record<string, unknown>;
  const key = Array.isArray(obj[collection]) ? collection : Array.isArray(obj.items) ? 'items' : undefined;
  return key ? JSON.stringify({ [key]: project(obj[key]) }) : JSON.stringify([]);
}

/**
 * What an HTML page served here will ask for once archipel.js has run: the code of each Archipel tag it holds and
 * every chunk that code imports, as `Link: <…>; rel=modulepreload`, so the browser asks for them with the page
 * rather than a round trip after the loader (400 ms on a slow phone network). Found from the page's script tag for
 * archipel.js, when a static mount here serves it: a tag's code is `<tag>.js` beside it, and a chunk's imports are
 * its static `import … from "./…"` (dynamic imports load later, on demand). A wrong guess costs a request, never a
 * wrong page. Words, adapter and data follow from the loader, which knows the page's language and sources. The
 * page's style sheets come first in the header.
 */
function moduleHints(html: string, page: string, statics: Record<string, string>): string[] {
  const src = /<script\b[^>]*\bsrc="([^"]*\/archipel\.js)"/.exec(html)?.[1];
  if (!src) return [];
  const loader = new URL(src, `http://host${page}`);
  if (loader.host !== 'host') return [];
  const mount = Object.entries(statics).find(([prefix]) => loader.pathname.startsWith(prefix));
  if (!mount) return [];
  const [prefix, folder] = mount;
  const dir = resolve(folder);
  const base = loader.pathname.slice(0, -'archipel.js'.length);
  const files: string[] = [];
  const visit = (file: string) => {
    const path = fileFor(dir, `${base.slice(prefix.length)}${file}`);
    if (!path || files.includes(file) || !path.endsWith('.js')) return;
    files.push(file);
    for (const m of readFileSync(path, 'utf8').matchAll(/import\s*(?:[\w$*{},\s]+from\s*)?["'](\.\.?\/[^"']+\.js)["']/g)) visit(posix.join(posix.dirname(file), m[1]!));
  };
  visit('archipel.js');
  for (const tag of new Set([...html.matchAll(/<([a-z][a-z0-9]*-[a-z0-9-]+)[\s>]/g)].map((m) => m[1]!))) if (tag !== 'archipel') visit(`${tag}.js`);
  // The page's own style sheets first: the loader runs only once they have arrived, and a slow network serves
  // what was asked for first, first.
  const sheets = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)]
    .map((m) => new URL(m[1]!, `http://host${page}`))
    .filter((u) => u.host === 'host')
    .map((u) => `<${u.pathname}>; rel=preload; as=style`);
  return [...sheets, ...files.map((file) => `<${base}${file}>; rel=modulepreload`)];
}

const hintsKept = new Map<string, { mtime: number; links: string[] }>();

/** moduleHints for a page file, kept until the file changes. */
function hintsFor(file: string, page: string, statics: Record<string, string>): string[] {
  const mtime = statSync(file).mtimeMs;
  const kept = hintsKept.get(file);
  if (kept?.mtime === mtime) return kept.links;
  const links = moduleHints(readFileSync(file, 'utf8'), page, statics);
  hintsKept.set(file, { mtime, links });
  return links;
}

const warned = new Set<string>();
function warnOnce(request: FastifyRequest, message: string) {
  if (warned.has(message)) return;
  warned.add(message);
  request.log.warn(message);
}

export const staticRoutes: Routes = async (app, { settings }) => {
  if (settings.home) {
    const home = settings.home;
    app.get('/', async (_request, reply) => reply.redirect(home, 302));
  }

  for (const [prefix, folder] of Object.entries(settings.statics)) {
    const dir = resolve(folder);
    const serve = async (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?')[0]!;
      const file = path.startsWith(prefix) ? fileFor(dir, path.slice(prefix.length)) : undefined;
      if (!file) throw notFound(request.url);
      const name = basename(file);
      if (PERSONAL_FILE.test(name) && !HASHED_CODE.test(name)) {
        warnOnce(request, `${file} is named after personal data and is never served. Move it out of the static folder; keep sign-ups and responses in the database.`);
        throw notFound(request.url);
      }
      const ext = extname(file);
      const collection = name.slice(0, -ext.length);
      if (ext === '.json' && isPublicCollection(collection)) {
        const text = publicJson(collection, file);
        if (text === undefined) throw notFound(request.url);
        return reply.headers({ 'content-type': TYPES['.json']!, 'cache-control': 'public, max-age=60, must-revalidate', 'access-control-allow-origin': '*' }).send(text);
      }
      const hashed = /[-.][A-Za-z0-9_]{8}\.js$/.test(file) && file.includes('/chunks/');
      const type = TYPES[ext] ?? 'application/octet-stream';
      const range = request.headers.range;
      // A range is of the file's own bytes: it travels as it is, never compressed on the way.
      const encoding = COMPRESSIBLE.test(type) && !range ? encodingFor(String(request.headers['accept-encoding'] ?? '')) : undefined;
      reply.headers({
        'content-type': type,
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=60, must-revalidate',
        'access-control-allow-origin': '*',
        vary: 'Accept-Encoding',
        ...(ext === '.html' ? { 'content-security-policy': DEMO_CSP } : {}),
      });
      const hints = ext === '.html' ? hintsFor(file, path, settings.statics) : [];
      if (hints.length) reply.header('link', hints.join(', '));
      if (!encoding) {
        const { size, mtimeMs } = statSync(file);
        // Strong, for the file's own bytes only: a reader of ranges checks that the file did not change between two reads.
        reply.headers({ 'accept-ranges': 'bytes', etag: `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`, 'access-control-expose-headers': 'ETag, Content-Range, Accept-Ranges' });
        const part = range ? byteRange(range, size) : undefined;
        if (part === null) return reply.code(416).header('content-range', `bytes */${size}`).send();
        if (part) {
          return reply
            .code(206)
            .headers({ 'content-range': `bytes ${part.start}-${part.end}/${size}`, 'content-length': String(part.end - part.start + 1) })
            .send(createReadStream(file, part));
        }
        return reply.header('content-length', String(size)).send(createReadStream(file));
      }
      reply.header('content-encoding', encoding);
      const ready = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
      const made = existsSync(ready) && statSync(ready);
      // A compressed copy older than its file is an earlier build's (a file rebuilt or replaced by hand): it would
      // serve old code, so the file itself is compressed on the way instead.
      if (made && made.mtimeMs >= statSync(file).mtimeMs) return reply.header('content-length', String(made.size)).send(createReadStream(ready));
      return reply.send(createReadStream(file).pipe(encoding === 'br' ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : createGzip()));
    };
    app.get(`${prefix}*`, serve);
    // A browser that does not count a byte range as a simple header asks first; any site may read the files.
    app.options(`${prefix}*`, async (_request, reply) =>
      reply
        .code(204)
        .headers({ 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, HEAD', 'access-control-allow-headers': 'Range, If-Match', 'access-control-max-age': '600' })
        .send(),
    );
    // The router ignores a trailing slash, so the folder itself ("/demo/") is this route, not the one above.
    if (prefix.endsWith('/') && prefix.length > 1) app.get(prefix.slice(0, -1), serve);
  }
};
