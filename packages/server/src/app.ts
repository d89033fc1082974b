/**
 * The reference server: the REST contract of openapi.yaml on node:http.
 *
 * Public reads are cacheable (ETag, Cache-Control) so a CDN or the browser
 * absorbs a surge. Writes are validated with the same schemas as the
 * widgets, stored once per client id, checked for spam (honeypot, minimum
 * fill time), rate-limited per client address and answered alike when
 * repeated. Staff reads need a bearer token. Errors are RFC 9457 problem
 * details that say what to fix.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, normalize, relative, resolve } from 'node:path';
// Core's DOM-free entry: the server never loads Lit.
import { schemas, readers, writeReaders, describeIssue, parseCollection, headerMap, parseDateTime, toCsv, aggregate, crossTab, filterResponses } from '@archipel/core/server';
import type { Survey, SurveyResponse, Chapter } from '@archipel/core/server';
import { openDb, Store, authorKey, type Db, type Row } from './db.js';
import { RateLimiter } from './rate-limit.js';

export interface ServerOptions {
  /** A database file path, ":memory:", or an open better-sqlite3 database. */
  db: string | Db;
  /** Sites allowed to call the API from a browser ("https://campaign.example"); "*" allows any. The server's own origin always is. */
  cors?: string[];
  /** Writes a client address may make per minute (also the burst); 0 turns the limit off. */
  writesPerMinute?: number;
  /** Read the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy?: boolean;
  /** Fastest a person fills a form, in ms; faster submissions are refused as automated. */
  minFillMs?: number;
  /** Largest request body, in bytes. */
  maxBody?: number;
  /** Folders served as static files: URL prefix → folder. */
  statics?: Record<string, string>;
  /** Where `/` redirects (e.g. "/demo/"). */
  home?: string;
}

const API = '/api';

/** An instant from a query parameter; a date and time without an offset is read as UTC, not in the server's zone. */
function instantParam(v: string): string | undefined {
  const t = parseDateTime(v);
  return t ? new Date(t.utc).toISOString() : undefined;
}

/** The methods a path accepts, for 405 answers. */
function methodsFor(seg: string[]): string {
  const [head, id, tail] = seg;
  if (head === 'posts' && id && !tail) return 'PATCH, OPTIONS';
  if (head === 'surveys' && tail === 'responses') return 'POST, OPTIONS';
  if (seg.length === 1 && (head === 'signups' || head === 'posts')) return 'GET, HEAD, POST, OPTIONS';
  return 'GET, HEAD, OPTIONS';
}
const MAX_PAGE = 5000;
const DEFAULT_PAGE = 1000;

class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-resource-policy': 'cross-origin',
};

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
};

const DEMO_CSP =
  "default-src 'self'; img-src 'self' data: blob: https:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; " +
  "connect-src 'self' https:; worker-src 'self' blob:; frame-src https:; object-src 'none'; base-uri 'self'";

export function createApp(options: ServerOptions) {
  const db = typeof options.db === 'string' ? openDb(options.db) : options.db;
  const store = new Store(db);
  const limiter = new RateLimiter(options.writesPerMinute ?? 30);
  const minFill = options.minFillMs ?? 1500;
  const maxBody = options.maxBody ?? 32 * 1024;
  const allowed = new Set(options.cors ?? []);
  const statics = Object.entries(options.statics ?? {}).map(([prefix, dir]) => [prefix, resolve(dir)] as const);

  function clientAddress(req: IncomingMessage): string {
    // The last X-Forwarded-For entry is the one our own proxy added; earlier ones are the client's to forge.
    const forwarded = options.trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',').at(-1)!.trim() : '';
    return forwarded || req.socket.remoteAddress || 'unknown';
  }

  function corsOrigin(req: IncomingMessage): string | undefined {
    const origin = req.headers.origin;
    if (!origin) return undefined;
    const self = `${req.headers['x-forwarded-proto'] && options.trustProxy ? req.headers['x-forwarded-proto'] : 'http'}://${req.headers.host}`;
    if (origin === self || allowed.has('*') || allowed.has(origin)) return origin;
    try {
      if (new URL(origin).host === req.headers.host) return origin;
    } catch {
      // an Origin header that is not a URL is not allowed
    }
    return undefined;
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      ...headers,
    });
    res.end(text);
  }

  /**
   * A public read: ETag from the body, 304 when the client has it, cacheable by CDNs. A `since` read is
   * revalidated every time: a client polling with the same instant must not be served a copy that predates a change.
   */
  function sendCacheable(req: IncomingMessage, res: ServerResponse, body: unknown, revalidate = false) {
    const text = JSON.stringify(body);
    const etag = `"${createHash('sha1').update(text).digest('base64url')}"`;
    const headers = { etag, 'cache-control': revalidate ? 'no-cache' : 'public, max-age=30, stale-while-revalidate=300' };
    const wanted = String(req.headers['if-none-match'] ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
    if (wanted.includes(etag) || wanted.includes('*')) {
      res.writeHead(304, headers).end();
      return;
    }
    send(res, 200, body, headers);
  }

  async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
    const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json' && type !== 'text/plain') {
      throw new Problem(415, 'Unsupported Media Type', 'Send the record as JSON, with Content-Type: application/json (or text/plain).');
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBody) throw new Problem(413, 'Content Too Large', `The body is ${declared} bytes; the limit is ${maxBody}.`);
    let size = 0;
    const parts: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBody) throw new Problem(413, 'Content Too Large', `The body is over the limit of ${maxBody} bytes.`);
      parts.push(chunk);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.concat(parts).toString('utf8'));
    } catch (e) {
      throw new Problem(400, 'Malformed JSON', `The body is not valid JSON: ${(e as Error).message}.`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Problem(400, 'Malformed JSON', 'The body must be one JSON object: the record.');
    return parsed as Record<string, unknown>;
  }

  function staff(req: IncomingMessage): string {
    const header = String(req.headers.authorization ?? '');
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const name = token && store.checkToken(token);
    if (!name) {
      throw new Problem(401, 'Staff token needed', token ? 'This token is unknown or revoked. Ask an administrator for a new one (archipel-server token create).' : 'Send a staff token: Authorization: Bearer <token>.', {}, { 'www-authenticate': 'Bearer realm="archipel"' });
    }
    return name;
  }

  function validate<T>(collection: keyof typeof schemas, body: Record<string, unknown>): T {
    const reader = collection in writeReaders ? writeReaders[collection as keyof typeof writeReaders] : readers[collection];
    const result = reader.read(body);
    if (!result.success) {
      const errors = result.error.issues.map((i) => ({ field: i.path.join('.'), message: describeIssue(i) }));
      throw new Problem(422, 'Invalid record', errors.map((e) => e.message).join('; '), { errors });
    }
    return result.data as T;
  }

  function checkSpam(body: Record<string, unknown>, isStaff: boolean) {
    const meta = body._meta as { hp?: unknown; elapsed?: unknown } | undefined;
    delete body._meta;
    if (isStaff && !meta) return;
    if (!meta || typeof meta !== 'object' || typeof meta.elapsed !== 'number') {
      throw new Problem(422, 'Missing form details', 'Send _meta: {"hp": <the hidden field, empty>, "elapsed": <ms the person spent on the form>} with the record.');
    }
    if (typeof meta.hp === 'string' && meta.hp.trim()) {
      throw new Problem(422, 'Looks automated', 'A field hidden from people was filled in, so this looks automated. If you are a person, reload the page and send the form again.', { problem: 'spam' });
    }
    if (typeof meta.elapsed === 'number' && meta.elapsed < minFill) {
      throw new Problem(422, 'Sent too quickly', 'The form was sent faster than a person can fill it. Take a moment and send it again.', { problem: 'spam' });
    }
  }

  function page(rows: Row[], map: (data: Record<string, unknown>) => unknown, limit: number) {
    const items = rows.map((r) => map(JSON.parse(r.data)));
    const next = rows.length === limit ? String(rows.at(-1)!.seq) : null;
    return { items, next };
  }

  function listOptions(url: URL) {
    const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(Number(url.searchParams.get('limit') ?? DEFAULT_PAGE)) || DEFAULT_PAGE));
    const cursor = url.searchParams.get('cursor');
    const since = url.searchParams.get('since') ?? undefined;
    const sinceInstant = since ? instantParam(since) : undefined;
    if (since && !sinceInstant) throw new Problem(400, 'Bad since', `since must be an ISO 8601 instant such as 2026-11-21T10:00:00Z, not "${since}".`);
    if (cursor !== null && !/^\d+$/.test(cursor)) throw new Problem(400, 'Bad cursor', 'Use the `next` value of the previous page as cursor.');
    return { limit, after: cursor === null ? undefined : Number(cursor), since: sinceInstant, chapter: url.searchParams.get('chapter') ?? undefined };
  }

  const publicChapter = (c: Record<string, unknown>) => ({
    ...c,
    leaders: (c.leaders as Record<string, unknown>[] | undefined)?.map(({ email: _hidden, ...leader }) => leader),
  });
  const publicPost = ({ consent: _c, locale: _l, ...p }: Record<string, unknown>) => p;

  function surveyOr404(id: string): Survey {
    const row = store.get('surveys', id);
    if (!row) throw new Problem(404, 'No such survey', `There is no survey "${id}".`);
    return JSON.parse(row.data) as Survey;
  }

  function chapterRegions(): Map<string, string | undefined> {
    const rows = store.list('chapters', { limit: 100_000 });
    return new Map(rows.map((r) => [r.id, (JSON.parse(r.data) as Chapter).region]));
  }

  function allResponses(surveyId: string): SurveyResponse[] {
    const rows = store.db.prepare("SELECT data FROM items WHERE collection = 'responses' AND json_extract(data, '$.survey') = ?").all(surveyId) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as SurveyResponse);
  }

  function checkAnswers(survey: Survey, answers: Record<string, unknown>) {
    const errors: { field: string; message: string }[] = [];
    const known = new Map(survey.questions.map((q) => [q.id, q]));
    for (const id of Object.keys(answers)) if (!known.has(id)) errors.push({ field: `answers.${id}`, message: `answers.${id}: this survey has no question "${id}"` });
    for (const q of survey.questions) {
      const v = answers[q.id];
      const field = `answers.${q.id}`;
      if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) {
        if (q.required) errors.push({ field, message: `${field}: is required` });
        continue;
      }
      if (q.type === 'multi' && (!Array.isArray(v) || v.some((o) => !q.options?.includes(o)))) errors.push({ field, message: `${field}: should be a list of the question's options` });
      if (q.type === 'single' && (typeof v !== 'string' || (q.options && !q.options.includes(v)))) errors.push({ field, message: `${field}: "${String(v)}" is not one of the options` });
      if (q.type === 'scale' && (typeof v !== 'number' || v < (q.min ?? 1) || v > (q.max ?? 5))) errors.push({ field, message: `${field}: should be a number from ${q.min ?? 1} to ${q.max ?? 5}` });
      if (q.type === 'yesno' && typeof v !== 'boolean' && typeof v !== 'string') errors.push({ field, message: `${field}: should be yes or no` });
      if (q.type === 'text' && typeof v !== 'string') errors.push({ field, message: `${field}: should be text` });
    }
    if (errors.length) throw new Problem(422, 'Invalid answers', errors.map((e) => e.message).join('; '), { errors });
  }

  async function write(req: IncomingMessage, res: ServerResponse, collection: 'signups' | 'posts' | 'responses', surveyId?: string) {
    const address = clientAddress(req);
    const wait = limiter.take(address);
    if (wait > 0) throw new Problem(429, 'Too many requests', `Too many submissions from this address; try again in ${wait} seconds.`, {}, { 'retry-after': String(wait) });
    const body = await readBody(req);
    const isStaff = Boolean(req.headers.authorization && (() => { try { return staff(req); } catch { return undefined; } })());
    checkSpam(body, isStaff);
    if (surveyId) body.survey ??= surveyId;
    const record = validate<Record<string, unknown> & { id: string; chapter?: string; created?: string; author?: string }>(collection, body);
    let status = 'stored';
    const fields: { status?: string; authorKey?: string } = {};
    if (collection === 'posts') {
      status = 'pending';
      fields.authorKey = authorKey(String(record.author));
      fields.status = store.isBlocked(fields.authorKey) ? 'hidden' : 'pending';
      Object.assign(record, { status: fields.status, source: 'archipel' });
    }
    if (collection === 'responses') {
      if (record.survey !== surveyId) throw new Problem(422, 'Invalid record', `survey: "${String(record.survey)}" does not match the survey in the address ("${surveyId}")`);
      const survey = surveyOr404(surveyId!);
      checkAnswers(survey, record.answers as Record<string, unknown>);
      if (record.chapter && !record.region) {
        const row = store.get('chapters', record.chapter);
        const region = row ? (JSON.parse(row.data) as Chapter).region : undefined;
        if (region) record.region = region;
      }
    }
    const receipt = { id: record.id, status };
    const stored = store.insertOnce(collection, record, fields, receipt);
    send(res, 201, JSON.parse(stored.receipt), { 'cache-control': 'no-store' });
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL, path: string) {
    const method = req.method ?? 'GET';
    let seg: string[];
    try {
      seg = path.split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      throw new Problem(400, 'Bad address', `${path} is not a valid address (a % escape is broken).`);
    }
    const [head, id, tail] = seg;

    if (method === 'POST') {
      if (seg.length === 1 && (head === 'signups' || head === 'posts')) return write(req, res, head);
      if (head === 'surveys' && id && tail === 'responses' && seg.length === 3) return write(req, res, 'responses', id);
      throw new Problem(405, 'Method Not Allowed', `POST is not accepted on ${path}.`, {}, { allow: methodsFor(seg) });
    }

    if (method === 'PATCH' && head === 'posts' && id && seg.length === 2) {
      staff(req);
      const body = await readBody(req);
      const action = body.action;
      const row = store.get('posts', id);
      if (!row) throw new Problem(404, 'No such post', `There is no post "${id}".`);
      if (action === 'approve') store.moderate(id, { status: 'approved' });
      else if (action === 'hide') store.moderate(id, { status: 'hidden', pinned: false });
      else if (action === 'pin') store.moderate(id, { status: 'approved', pinned: true });
      else if (action === 'unpin') store.moderate(id, { pinned: false });
      else if (action === 'block-author') store.blockAuthor(authorKey(String(JSON.parse(row.data).author)));
      else throw new Problem(422, 'Unknown action', 'action must be one of approve, hide, pin, unpin, block-author.');
      return send(res, 200, JSON.parse(store.get('posts', id)!.data), { 'cache-control': 'no-store' });
    }

    if (method !== 'GET' && method !== 'HEAD') {
      throw new Problem(405, 'Method Not Allowed', `${method} is not accepted on ${path}.`, {}, { allow: methodsFor(seg) });
    }

    if ((head === 'posts' && id && seg.length === 2) || (head === 'surveys' && tail === 'responses' && seg.length === 3)) {
      throw new Problem(405, 'Method Not Allowed', `${method} is not accepted on ${path}.`, {}, { allow: methodsFor(seg) });
    }

    if (seg.length === 0) {
      return send(res, 200, { name: 'Archipel', contract: `${API}/openapi.yaml`, collections: ['actions', 'chapters', 'posts', 'surveys'] });
    }
    if (head === 'openapi.yaml' && seg.length === 1) {
      const file = new URL('../openapi.yaml', import.meta.url);
      res.writeHead(200, { 'content-type': TYPES['.yaml']!, 'cache-control': 'public, max-age=300' });
      createReadStream(file).pipe(res);
      return;
    }

    if ((head === 'actions' || head === 'chapters' || head === 'posts') && seg.length === 1) {
      const o = listOptions(url);
      const hashtag = head === 'posts' ? url.searchParams.get('hashtag')?.replace(/^#/, '').toLowerCase() : undefined;
      const rows = store.list(head, { ...o, hashtag, chapter: head === 'chapters' ? undefined : o.chapter, status: head === 'posts' ? ['approved'] : undefined });
      const map = head === 'chapters' ? publicChapter : head === 'posts' ? publicPost : (d: Record<string, unknown>) => d;
      const body: { items: unknown[]; next: string | null; removed?: string[] } = page(rows, map, o.limit);
      // A client syncing with `since` learns which posts left the wall (hidden, or their author blocked).
      if (head === 'posts' && o.since && o.after === undefined) {
        body.removed = store.list('posts', { ...o, limit: MAX_PAGE, hashtag, status: ['hidden'] }).map((r) => r.id);
      }
      return sendCacheable(req, res, body, o.since !== undefined);
    }

    if (head === 'surveys') {
      if (seg.length === 1) {
        const o = { ...listOptions(url), chapter: undefined };
        return sendCacheable(req, res, page(store.list('surveys', o), (d) => d, o.limit), o.since !== undefined);
      }
      const survey = surveyOr404(id!);
      if (seg.length === 2) return sendCacheable(req, res, survey);
      if (tail === 'results' && seg.length === 3) {
        // A staff token is checked whenever one is sent, public results or not: staff who typed a wrong one are
        // told so. Other credentials (a staging site's Basic auth) leave public results public.
        const isStaff = !survey.public_results || /^Bearer\s+\S/i.test(String(req.headers.authorization ?? '')) ? Boolean(staff(req)) : false;
        const regions = chapterRegions();
        const instant = (name: string) => {
          const v = url.searchParams.get(name);
          if (v === null) return undefined;
          const at = instantParam(v);
          if (!at) throw new Problem(400, `Bad ${name}`, `${name} must be an ISO 8601 instant such as 2026-11-21T00:00:00Z, not "${v}".`);
          return at;
        };
        const filters = {
          chapter: url.searchParams.get('chapter') ?? undefined,
          region: url.searchParams.get('region') ?? undefined,
          from: instant('from'),
          to: instant('to'),
        };
        const regionOf = (r: SurveyResponse) => r.region ?? (r.chapter ? regions.get(r.chapter) : undefined);
        const responses = filterResponses(allResponses(survey.id), filters, regionOf);
        const results = aggregate(survey, responses, {}, regionOf);
        // Free-text answers are personal: public results give counts only.
        if (!isStaff) for (const q of results.questions) delete q.texts;
        const by = url.searchParams.get('by');
        const question = url.searchParams.get('question');
        // Free-text answers are personal: a cross-tab of one would show them, so only staff may ask for it.
        const asked = survey.questions.find((q) => q.id === question);
        if (asked?.type === 'text' && !isStaff) throw new Problem(401, 'Staff token needed', 'A cross-tab of a free-text question shows the answers themselves; it needs a staff token.');
        const cross = question && (by === 'chapter' || by === 'region') ? crossTab(survey, responses, question, by === 'chapter' ? (r) => r.chapter : regionOf) : undefined;
        return send(res, 200, { ...results, ...(cross ? { crossTab: { question, by, counts: cross } } : {}) }, {
          // A staff reader sees free-text answers: that answer must never sit in a shared cache.
          'cache-control': survey.public_results && !isStaff ? 'public, max-age=30' : 'private, no-store',
          vary: 'Authorization, Origin',
        });
      }
    }

    if ((head === 'signups' || head === 'responses' || head === 'moderation') && seg.length === 1) {
      staff(req);
      const csv = url.searchParams.get('format') === 'csv' || String(req.headers.accept ?? '').startsWith('text/csv');
      // An export is the whole collection; JSON reads are paged.
      const o = csv ? { ...listOptions(url), limit: 1_000_000_000, after: undefined } : listOptions(url);
      const collection = head === 'moderation' ? 'posts' : head;
      const status = head === 'moderation' ? (url.searchParams.get('status') ?? 'pending').split(',') : undefined;
      const rows = store.list(collection, { ...o, status, survey: head === 'responses' ? (url.searchParams.get('survey') ?? undefined) : undefined });
      const body = page(rows, (d) => d, o.limit);
      if (csv) {
        const columns = head === 'signups'
          ? ['id', 'created', 'name', 'email', 'phone', 'postcode', 'chapter', 'interests', 'message', 'locale', 'referrer', 'ref', 'utm', 'page', 'consent']
          : ['id', 'created', ...new Set(body.items.flatMap((i) => Object.keys(i as object)))].filter((c, i, a) => a.indexOf(c) === i);
        const csv = toCsv(columns, body.items as Record<string, unknown>[]);
        res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${head}.csv"`, 'cache-control': 'private, no-store' });
        res.end(csv);
        return;
      }
      return send(res, 200, body, { 'cache-control': 'private, no-store' });
    }

    throw new Problem(404, 'Not Found', `Nothing at ${API}${path}. See ${API}/openapi.yaml for the routes.`);
  }

  function serveStatic(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    for (const [prefix, dir] of statics) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      if (/%2f|%5c/i.test(rest)) return false;
      let decoded: string;
      try {
        decoded = decodeURIComponent(rest);
      } catch {
        return false;
      }
      let file = normalize(join(dir, decoded));
      const rel = relative(dir, file);
      if (rel.startsWith('..') || isAbsolute(rel)) return false;
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) return false;
      const hashed = /[-.][A-Za-z0-9_]{8}\.js$/.test(file) && file.includes(`${'/'}chunks${'/'}`);
      const ext = extname(file);
      res.writeHead(200, {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=60, must-revalidate',
        ...(ext === '.html' ? { 'content-security-policy': DEMO_CSP } : {}),
        ...(ext === '.js' || ext === '.json' || ext === '.svg' ? { 'access-control-allow-origin': '*' } : {}),
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
      return true;
    }
    return false;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === `${API}` || url.pathname.startsWith(`${API}/`)) {
        const origin = corsOrigin(req);
        res.setHeader('vary', 'Origin');
        if (origin) {
          res.setHeader('access-control-allow-origin', origin);
          res.setHeader('access-control-expose-headers', 'ETag, Retry-After, Location');
        }
        if (req.method === 'OPTIONS') {
          if (!origin) throw new Problem(403, 'Origin not allowed', req.headers.origin ? `${req.headers.origin} is not in this server's list of sites (--cors).` : 'A preflight request needs an Origin header.');
          res.writeHead(204, {
            'access-control-allow-methods': 'GET, POST, PATCH, OPTIONS',
            'access-control-allow-headers': 'Content-Type, Authorization, If-None-Match',
            'access-control-max-age': '600',
          });
          res.end();
          return;
        }
        if (req.headers.origin && !origin && req.method !== 'GET' && req.method !== 'HEAD') {
          throw new Problem(403, 'Origin not allowed', `${String(req.headers.origin)} is not in this server's list of sites (--cors).`);
        }
        await api(req, res, url, url.pathname.slice(API.length) || '/');
        return;
      }
      if (url.pathname === '/' && options.home) {
        res.writeHead(302, { location: options.home }).end();
        return;
      }
      if ((req.method === 'GET' || req.method === 'HEAD') && serveStatic(req, res, url.pathname)) return;
      throw new Problem(404, 'Not Found', `Nothing at ${url.pathname}.`);
    } catch (e) {
      const p = e instanceof Problem ? e : new Problem(500, 'Server error', 'Something went wrong on the server; the record was not stored. Try again later.');
      if (!(e instanceof Problem)) console.error(e);
      if (res.headersSent) {
        res.end();
        return;
      }
      res.writeHead(p.status, { 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store', ...p.headers });
      const { problem, ...extra } = p.extra;
      res.end(JSON.stringify({ type: `https://archipel.example.org/problems/${String(problem ?? p.status)}`, title: p.title, status: p.status, detail: p.detail, ...extra }));
    }
  }

  return { handle, store, db };
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  close(): Promise<void>;
}

export function startServer(options: ServerOptions & { port?: number; host?: string }): Promise<RunningServer> {
  const app = createApp(options);
  const server = createServer((req, res) => void app.handle(req, res));
  server.keepAliveTimeout = 5000;
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => {
      const address = server.address() as { port: number };
      done({
        url: `http://${options.host ?? '127.0.0.1'}:${address.port}`,
        port: address.port,
        store: app.store,
        close: () => new Promise((ok) => server.close(() => ok())),
      });
    });
  });
}

const MEDIA = ['image', 'logo', 'video'] as const;

/**
 * Loads records into a database from JSON (seeding, imports); returns counts and skipped rows per collection.
 * Relative media paths ("images/x.svg", as a folder of JSON files holds them) are resolved against
 * `baseUrl`, the address where those files are published, so they still work when read through the API.
 */
export function importRecords(store: Store, data: Partial<Record<'actions' | 'chapters' | 'posts' | 'surveys' | 'responses', unknown[]>>, { baseUrl }: { baseUrl?: string } = {}) {
  const report: Record<string, { stored: number; skipped: { row: number; reason: string }[] }> = {};
  for (const [collection, rows] of Object.entries(data) as [keyof typeof schemas, unknown[]][]) {
    if (!rows) continue;
    const parsed = parseCollection(collection, readers[collection] as never, rows, { aliases: headerMap });
    const located = baseUrl
      ? (parsed.items as Record<string, unknown>[]).map((item) => {
          const out = { ...item };
          for (const key of MEDIA) {
            const v = out[key];
            if (typeof v === 'string' && !/^[a-z][a-z0-9+.-]*:|^\//i.test(v)) out[key] = new URL(v, new URL(baseUrl, 'http://base.invalid')).href.replace('http://base.invalid', '');
          }
          return out;
        })
      : parsed.items;
    // Imported posts were curated by whoever wrote the file: without a status they are approved.
    const items = collection === 'posts' ? (located as { status?: string }[]).map((p) => ({ ...p, status: p.status ?? 'approved' })) : located;
    store.upsert(collection, items as never);
    report[collection] = { stored: parsed.items.length, skipped: parsed.skipped.map((s) => ({ row: s.row, reason: describeIssue(s.issue) })) };
  }
  return report;
}
