/**
 * The REST adapter: the contract of packages/server/openapi.yaml, spoken to
 * the reference server or any API that implements it.
 *
 * Reads follow `next` cursors, time out, and retry network failures with
 * backoff. Public reads go through the browser's HTTP cache, which revalidates
 * what it kept with its ETag on every read (a 304 carries no body) and gives
 * the kept answer when the server is out of reach; where there is no such
 * cache (Node), the adapter revalidates with the ETag itself.
 * Staff reads are never kept. Writes go
 * through the outbox, which calls `submit`; the spam checks travel as `_meta`.
 * Staff tokens are passed per call, never stored here.
 */
import type { Adapter, ListResponse, ModerationAction, PersonQuery, PersonalData, Query, StaffAccess, SubmitMeta, SubmitResult } from '../adapter.js';
import type { Collection, WriteCollection } from '../schema-types.js';
import { AdapterError } from '../errors.js';
import { request } from '../http.js';

const READ_TIMEOUT = 10_000;
const WRITE_TIMEOUT = 15_000;
const READ_ATTEMPTS = 3;
/** The reference server's largest page. */
const MAX_PAGE = 5000;

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class RestAdapter implements Adapter {
  readonly kind = 'rest';
  readonly writable = true;
  readonly filters = true;
  private readonly base: string;
  /** Last answer per URL, for If-None-Match where fetch has no HTTP cache of its own. */
  private readonly etags = new Map<string, { etag: string; body: unknown }>();

  constructor(readonly source: string) {
    this.base = source.replace(/\/+$/, '');
  }

  private headers(access?: StaffAccess): Record<string, string> {
    return { accept: 'application/json', ...(access ? { authorization: `Bearer ${access.token}` } : {}) };
  }

  /** GET with ETag revalidation and retries on network failures. */
  private async getJson(url: string, access?: StaffAccess): Promise<unknown> {
    // A request carrying If-None-Match of its own bypasses the browser's cache: in a page, the cache revalidates.
    const revalidatesItself = !access && typeof document === 'undefined';
    const known = revalidatesItself ? this.etags.get(url) : undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await request(url, {
          headers: { ...this.headers(access), ...(known ? { 'if-none-match': known.etag } : {}) },
          // Personal data never sits in the browser's cache. Public lists are asked again each time, with the ETag
          // the browser kept: unchanged, the answer is a 304 without a body; changed, a live wall or poll sees it.
          cache: access ? 'no-store' : 'no-cache',
          timeout: READ_TIMEOUT,
          // The loader may have begun this public read with the widget's code (packages/embed/src/archipel.ts).
          begun: !access && !known,
        });
        if (res.status === 304 && known) return known.body;
        const body = (await res.json().catch(() => {
          throw new AdapterError('config', `${url} did not answer JSON. Is this the address of an Archipel API?`);
        })) as unknown;
        const etag = res.headers.get('etag');
        if (etag && revalidatesItself) this.etags.set(url, { etag, body });
        return body;
      } catch (e) {
        // Out of reach, a page still has the public answer its browser kept, however old.
        if (!access && !revalidatesItself && e instanceof AdapterError && e.kind === 'network') {
          const kept = await request(url, { headers: this.headers(), cache: 'force-cache', timeout: READ_TIMEOUT }).then((r) => r.json() as Promise<unknown>, () => undefined);
          if (kept !== undefined) return kept;
        }
        const retry = e instanceof AdapterError && e.retryable && attempt < READ_ATTEMPTS;
        if (!retry) throw e;
        await wait(Math.max(300 * 3 ** (attempt - 1), ((e as AdapterError).retryAfter ?? 0) * 1000));
      }
    }
  }

  private url(path: string, params: Record<string, string | number | undefined> = {}): string {
    const url = new URL(`${this.base}${path}`);
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
    return url.href;
  }

  /** Reads every page of a collection (or one page when `query.limit` is set). */
  private async pages(path: string, query: Query = {}, access?: StaffAccess, extra: Record<string, string> = {}): Promise<ListResponse> {
    const rows: unknown[] = [];
    const removed: string[] = [];
    let cursor = query.cursor;
    let total: number | undefined;
    let partial = false;
    // Asked to stop past `largeOver` records, the first page holds that many (the server's largest page at most).
    let limit = query.limit ?? (query.largeOver ? Math.min(MAX_PAGE, Math.max(1, query.largeOver)) : undefined);
    do {
      const body = (await this.getJson(this.url(path, { chapter: query.chapter, since: query.since, hashtag: query.hashtag, bbox: query.bbox, limit, cursor, ...extra }), access)) as {
        items?: unknown[];
        next?: string | null;
        removed?: unknown;
        total?: unknown;
      };
      if (!Array.isArray(body?.items)) throw new AdapterError('config', `${this.base}${path} did not answer a list ({"items": [...]}). Is this an Archipel API?`);
      rows.push(...body.items);
      if (Array.isArray(body.removed)) removed.push(...body.removed.filter((id): id is string => typeof id === 'string'));
      if (typeof body.total === 'number') total ??= body.total;
      cursor = body.next ?? undefined;
      if (cursor && query.largeOver !== undefined && total !== undefined && total > query.largeOver) partial = true;
      limit = query.limit;
    } while (cursor && query.limit === undefined && !partial);
    return { rows, filtered: true, removed, ...(total !== undefined ? { total } : {}), ...(partial ? { partial } : {}) };
  }

  list(collection: Collection, query: Query = {}, access?: StaffAccess): Promise<ListResponse> {
    return this.pages(`/${collection}`, query, access);
  }

  async submit(collection: WriteCollection, record: object, meta: SubmitMeta = {}): Promise<SubmitResult> {
    const r = record as { id: string; survey?: string; action?: string; photo?: unknown };
    // A photo travels as a file first (kept in the outbox as a Blob while offline); the post then names it.
    if (collection === 'posts' && r.photo instanceof Blob) {
      const { photo, ...rest } = r;
      // The Blob's own type (image/jpeg) is the request's Content-Type.
      const { url } = (await (await request(this.url('/photos'), { method: 'POST', body: photo, timeout: WRITE_TIMEOUT })).json()) as { url: string };
      record = { ...rest, image: new URL(url, this.base).href };
    }
    const path =
      collection === 'responses'
        ? `/surveys/${encodeURIComponent(r.survey ?? '')}/responses`
        : collection === 'rsvps'
          ? `/actions/${encodeURIComponent(r.action ?? '')}/rsvps`
          : collection === 'proposals'
            ? '/actions/proposals'
            : `/${collection}`;
    const res = await request(this.url(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ ...record, _meta: meta }),
      timeout: WRITE_TIMEOUT,
    });
    return (await res.json()) as SubmitResult;
  }

  /** The server's signed moment the form was shown: its time trap then runs on the server's clock, not the browser's. */
  async formToken(): Promise<string> {
    const res = await request(this.url('/form-token'), { headers: this.headers(), cache: 'no-store', timeout: READ_TIMEOUT });
    const { token } = (await res.json()) as { token?: unknown };
    if (typeof token !== 'string') throw new AdapterError('config', `${this.base}/form-token did not answer a token.`);
    return token;
  }

  moderationQueue(access: StaffAccess, statuses: string[] = ['pending']): Promise<ListResponse> {
    return this.pages('/moderation', {}, access, { status: statuses.join(',') });
  }

  async moderate(id: string, action: ModerationAction, access: StaffAccess): Promise<unknown> {
    const res = await request(this.url(`/posts/${encodeURIComponent(id)}`), {
      method: 'PATCH',
      headers: { ...this.headers(access), 'content-type': 'application/json' },
      body: JSON.stringify({ action }),
    });
    return res.json();
  }

  moderateMany(ids: string[], action: 'approve' | 'hide', access: StaffAccess): Promise<{ waiting: number }> {
    return this.postJson('/moderation/bulk', { action, ids }, access) as Promise<{ waiting: number }>;
  }

  async waiting(access: StaffAccess): Promise<number> {
    return ((await this.getJson(this.url('/moderation/count'), access)) as { waiting: number }).waiting;
  }

  results(survey: string, filters: Record<string, string | undefined>, access?: StaffAccess): Promise<unknown> {
    return this.getJson(this.url(`/surveys/${encodeURIComponent(survey)}/results`, filters), access);
  }

  async exportCsv(collection: 'signups' | 'responses', access: StaffAccess, query: Query = {}): Promise<string> {
    const res = await request(this.url(`/${collection}`, { format: 'csv', chapter: query.chapter, since: query.since, survey: query.survey }), {
      headers: { ...this.headers(access), accept: 'text/csv' },
    });
    return res.text();
  }

  /** Secrets and people travel in the body of a POST, never in an address a log or a proxy would keep. */
  private async postJson(path: string, body: object, access?: StaffAccess): Promise<unknown> {
    const res = await request(this.url(path), {
      method: 'POST',
      headers: { ...this.headers(access), 'content-type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
    return res.status === 204 ? undefined : res.json();
  }

  async mine(secret: string): Promise<PersonalData> {
    return (await this.postJson('/me', { secret })) as PersonalData;
  }

  async forgetMe(secret: string, purpose?: string): Promise<void> {
    await this.postJson('/me/forget', purpose ? { secret, purpose } : { secret });
  }

  async findPerson(who: PersonQuery, access: StaffAccess): Promise<PersonalData> {
    return (await this.postJson('/people/find', who, access)) as PersonalData;
  }

  async erasePerson(who: PersonQuery, access: StaffAccess): Promise<{ erased: number }> {
    return (await this.postJson('/people/erase', who, access)) as { erased: number };
  }
}
