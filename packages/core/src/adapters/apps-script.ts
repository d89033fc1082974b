/**
 * A Google Apps Script web app (packages/apps-script/Code.gs) bound to the
 * campaign's sheet: reads and writes, with the contract of the reference
 * server carried in `{ok, …}` envelopes, since Apps Script always answers 200.
 *
 * Apps Script cannot answer a CORS preflight, so writes are sent as
 * `text/plain` (a "simple" request). The web app answers every call with a
 * 302 to script.googleusercontent.com; fetch follows it (a POST becomes a GET
 * of the echoed answer) and that host answers cross-origin.
 *
 * Public reads are GETs, which caches may keep. Everything that needs a staff
 * token or a supporter's secret is a POST with it in the body: a web app
 * cannot read request headers, and an address ends up in histories and logs.
 */
import type { Adapter, ListResponse, ModerationAction, PersonalData, PersonQuery, Query, StaffAccess, SubmitMeta, SubmitResult } from '../adapter.js';
import type { Collection, WriteCollection } from '../schema-types.js';
import { AdapterError } from '../errors.js';
import { request } from '../http.js';
import { toCsv } from '../formula.js';

interface Envelope {
  ok: boolean;
  status?: number | string;
  error?: string;
  items?: unknown[];
  id?: string;
  secret?: string;
  post?: unknown;
  /** Of an uploaded photo. */
  url?: string;
  person?: Partial<PersonalData>;
  erased?: number;
  /** What kind of refusal it is, such as `full` for an RSVP to an action whose places are taken. */
  problem?: string;
}

function fromEnvelope(body: Envelope): Envelope {
  if (body.ok) return body;
  const status = typeof body.status === 'number' ? body.status : 500;
  const message = body.error ?? 'The Apps Script answered an error.';
  if (status === 401 || status === 403) throw new AdapterError('unauthorized', message, status);
  if (status === 404) throw new AdapterError('config', message, status);
  if (status === 429 || status >= 500) throw new AdapterError('network', message, status);
  throw new AdapterError('rejected', message, status, undefined, body.problem);
}

/** Columns Code.gs stores as JSON text, read back as the objects they were. */
const OBJECT_COLUMNS = new Set(['answers', 'contact', 'consent', 'utm', 'links', 'leaders']);

function objectCells(row: unknown): unknown {
  if (!row || typeof row !== 'object') return row;
  const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const [key, value] of Object.entries(out)) {
    if (OBJECT_COLUMNS.has(key) && typeof value === 'string' && /^\s*[[{]/.test(value)) {
      try {
        out[key] = JSON.parse(value);
      } catch {
        // Not JSON after all: validation will say what is wrong with it.
      }
    }
  }
  return out;
}

function personalData(person: Partial<PersonalData> | undefined): PersonalData {
  const rows = (list: object[] | undefined) => (list ?? []).map(objectCells) as object[];
  const recruits = typeof person?.recruits === 'number' ? { recruits: person.recruits } : {};
  return { signups: rows(person?.signups), responses: rows(person?.responses), posts: rows(person?.posts), ...recruits };
}

export class AppsScriptAdapter implements Adapter {
  readonly kind = 'apps-script';
  readonly writable = true;
  /** Apps Script has daily execution quotas shared by every visitor. */
  readonly freshFor = 30;

  constructor(readonly source: string) {}

  private async call(init: RequestInit & { params?: Record<string, string | undefined> } = {}): Promise<Envelope> {
    const url = new URL(this.source);
    for (const [k, v] of Object.entries(init.params ?? {})) if (v) url.searchParams.set(k, v);
    const res = await request(url.href, { ...init, redirect: 'follow', timeout: 20_000 });
    let body: Envelope;
    try {
      body = (await res.json()) as Envelope;
    } catch {
      throw new AdapterError('config', 'The Apps Script did not answer JSON. Is it deployed as a web app with access for "Anyone"? (see the README)');
    }
    return fromEnvelope(body);
  }

  /** A POST of JSON as text/plain, which needs no preflight; never cached, since it may carry a token or a secret. */
  private send(body: object): Promise<Envelope> {
    return this.call({ method: 'POST', headers: { 'content-type': 'text/plain;charset=utf-8' }, body: JSON.stringify(body), cache: 'no-store' });
  }

  async list(collection: Collection, query: Query = {}, access?: StaffAccess): Promise<ListResponse> {
    if (access) return this.staffRead(collection, query, access);
    const body = await this.call({ params: { collection, chapter: query.chapter, since: query.since }, cache: 'no-store' });
    return { rows: (body.items ?? []).map(objectCells), firstRow: 2 };
  }

  private async staffRead(collection: string, query: Query, access: StaffAccess, extra: Record<string, unknown> = {}): Promise<ListResponse> {
    const body = await this.send({ action: 'read', collection, token: access.token, chapter: query.chapter, since: query.since, ...extra });
    return { rows: (body.items ?? []).map(objectCells), firstRow: 2 };
  }

  async submit(collection: WriteCollection, record: object, meta: SubmitMeta = {}): Promise<SubmitResult> {
    const { photo, ...rest } = record as { photo?: unknown };
    // A photo travels first, as base64 text (a web app takes no file), into the script's private Drive folder.
    if (collection === 'posts' && photo instanceof Blob) {
      const bytes = new Uint8Array(await photo.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      record = { ...rest, image: (await this.send({ action: 'upload-photo', photo: btoa(binary), meta })).url };
    }
    const body = await this.send({ collection, record, meta });
    const status = typeof body.status === 'string' ? body.status : undefined;
    return { id: body.id ?? (record as { id: string }).id, status, ...(body.secret ? { secret: body.secret } : {}) };
  }

  moderationQueue(access: StaffAccess, statuses: string[] = ['pending']): Promise<ListResponse> {
    return this.staffRead('moderation', {}, access, { status: statuses.join(',') });
  }

  async moderate(id: string, action: ModerationAction, access: StaffAccess): Promise<unknown> {
    const body = await this.send({ action: 'moderate', id, moderation: action, token: access.token });
    return body.post;
  }

  /** Asked for as an export, which the script's access log records as one. */
  async exportCsv(collection: 'signups' | 'responses', access: StaffAccess, query: Query = {}): Promise<string> {
    const { rows } = await this.staffRead(collection, query, access, { export: true });
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r as object)))];
    return toCsv(columns, rows as Record<string, unknown>[]);
  }

  async mine(secret: string): Promise<PersonalData> {
    const body = await this.send({ action: 'mine', secret });
    return personalData(body.person);
  }

  async forgetMe(secret: string, purpose?: string): Promise<void> {
    await this.send({ action: 'forget-me', secret, ...(purpose ? { purpose } : {}) });
  }

  async findPerson(who: PersonQuery, access: StaffAccess): Promise<PersonalData> {
    const body = await this.send({ action: 'find-person', token: access.token, email: who.email, phone: who.phone });
    return personalData(body.person);
  }

  async erasePerson(who: PersonQuery, access: StaffAccess): Promise<{ erased: number }> {
    const body = await this.send({ action: 'erase-person', token: access.token, email: who.email, phone: who.phone });
    return { erased: body.erased ?? 0 };
  }
}
