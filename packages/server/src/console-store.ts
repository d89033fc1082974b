/**
 * What the leads' and staff's console reads and keeps beyond the records: counts per chapter, sign-ups found by
 * words, interest and date, and the "contacted" mark a lead puts on a sign-up. Portable SQL on the items table
 * (Storage.query: the same on SQLite and PostgreSQL); one table of its own, `console_contacted`, made here when
 * first needed so that it stays out of the migrations other storage work changes (PostgreSQL's migrations make
 * the same table).
 */
import { isYes, type Survey } from '@archipel/core/server';
import type { Row, Storage } from './storage.js';

const made = new WeakSet<Storage>();

async function contactedTable(store: Storage): Promise<void> {
  if (made.has(store)) return;
  await store.query(`CREATE TABLE IF NOT EXISTS console_contacted (
     signup_id TEXT PRIMARY KEY,
     contacted_at TEXT NOT NULL,
     contacted_by TEXT NOT NULL
   )`);
  made.add(store);
}

export interface ChapterCounts {
  id: string;
  name: string;
  signups: number;
  responses: number;
  pending: number;
}

/** Sign-ups, survey responses and posts waiting for moderation, per chapter (one chapter for its lead). */
export async function countsPerChapter(store: Storage, chapter?: string): Promise<ChapterCounts[]> {
  const one = chapter ? [chapter] : [];
  const chapters = await store.query<{ id: string; data: string }>(`SELECT id, data FROM items WHERE collection = 'chapters' ${chapter ? 'AND id = ?' : ''} ORDER BY id`, one);
  const counts = await store.query<{ chapter: string | null; collection: string; n: number | string }>(
    `SELECT chapter, collection, COUNT(*) AS n FROM items
     WHERE collection IN ('signups', 'responses', 'posts') AND (status IS NULL OR status IN ('pending', 'stored')) ${chapter ? 'AND chapter = ?' : ''}
     GROUP BY chapter, collection`,
    one,
  );
  const of = (id: string | null, collection: string) => Number(counts.find((c) => c.chapter === id && c.collection === collection)?.n ?? 0);
  const rows = chapters.map(({ id, data }) => ({
    id,
    name: String((JSON.parse(data) as { name?: string }).name ?? id),
    signups: of(id, 'signups'),
    responses: of(id, 'responses'),
    pending: of(id, 'posts'),
  }));
  return rows;
}

export interface SignupFilter {
  chapter?: string;
  /** Words found in the name, email, phone, postcode or message. */
  q?: string;
  interest?: string;
  from?: string;
  to?: string;
}

export interface ConsoleSignup extends Record<string, unknown> {
  contacted?: { at: string; by: string };
}

const fold = (s: unknown) => (typeof s === 'string' ? s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase() : '');

/** Sign-ups in a chapter (or all, for staff), newest first, filtered, each with its "contacted" mark. */
export async function findSignups(store: Storage, f: SignupFilter): Promise<ConsoleSignup[]> {
  await contactedTable(store);
  const rows = await store.query<{ data: string; contacted_at: string | null; contacted_by: string | null }>(
    `SELECT items.data, c.contacted_at, c.contacted_by FROM items LEFT JOIN console_contacted c ON c.signup_id = items.id
     WHERE collection = 'signups' AND (status IS NULL OR status <> 'erased') ${f.chapter ? 'AND chapter = ?' : ''}
     ORDER BY created DESC, seq DESC`,
    f.chapter ? [f.chapter] : [],
  );
  const q = fold(f.q ?? '').trim();
  const interest = fold(f.interest ?? '');
  return rows
    .map((r): ConsoleSignup => ({ ...(JSON.parse(r.data) as ConsoleSignup), ...(r.contacted_at ? { contacted: { at: r.contacted_at, by: r.contacted_by! } } : {}) }))
    .filter((s) => {
      const created = String(s.created ?? '');
      if (f.from && created < f.from) return false;
      if (f.to && created >= f.to) return false;
      if (interest && !(s.interests as unknown[] | undefined)?.some((i) => fold(i) === interest)) return false;
      if (q && !['name', 'email', 'phone', 'postcode', 'message'].some((k) => fold(s[k]).includes(q))) return false;
      return true;
    });
}

/** A sign-up row, if it exists and is not erased. */
export async function signupRow(store: Storage, id: string): Promise<Row | undefined> {
  const row = await store.get('signups', id);
  return row && row.status !== 'erased' ? row : undefined;
}

/** Marks a sign-up as contacted by `by`, or clears the mark. */
export async function markContacted(store: Storage, id: string, by: string, contacted: boolean): Promise<void> {
  await contactedTable(store);
  if (!contacted) await store.query('DELETE FROM console_contacted WHERE signup_id = ?', [id]);
  else
    await store.query(
      'INSERT INTO console_contacted (signup_id, contacted_at, contacted_by) VALUES (?, ?, ?) ON CONFLICT (signup_id) DO UPDATE SET contacted_at = excluded.contacted_at, contacted_by = excluded.contacted_by',
      [id, new Date().toISOString(), by],
    );
}

export interface ReadyPerson {
  response: string;
  survey: string;
  chapter?: string;
  created: string;
  /** The readiness (`host`, `lead`, …) of each yes/no question answered yes. */
  ready: string[];
  contact?: { name?: string; email?: string; phone?: string };
  postcode?: string;
}

/** Who is ready to do what: survey responses answering yes to a question marked with a readiness, newest first. */
export async function readyPeople(store: Storage, chapter?: string): Promise<ReadyPerson[]> {
  const surveys = new Map((await store.list('surveys', { limit: 10_000 })).map((r) => JSON.parse(r.data) as Survey).map((s) => [s.id, s]));
  const responses = await store.list('responses', { chapter, limit: 1_000_000_000 });
  const people: ReadyPerson[] = [];
  for (const row of responses) {
    const r = JSON.parse(row.data) as { id: string; survey: string; chapter?: string; created: string; answers: Record<string, unknown>; contact?: ReadyPerson['contact']; postcode?: string };
    const survey = surveys.get(r.survey);
    const ready = (survey?.questions ?? []).filter((q) => q.type === 'yesno' && q.readiness && isYes(r.answers[q.id])).map((q) => q.readiness!);
    if (!ready.length) continue;
    const contact = r.contact ? { name: r.contact.name, email: r.contact.email, phone: r.contact.phone } : undefined;
    people.push({ response: r.id, survey: r.survey, chapter: r.chapter, created: r.created, ready, contact, postcode: r.postcode });
  }
  return people.sort((a, b) => b.created.localeCompare(a.created));
}
