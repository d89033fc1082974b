/**
 * A person's rights (GDPR articles 15 to 17): finding everything held about one person by email or phone,
 * exporting it, correcting it and erasing it, for staff; a supporter's private link, whose secret opens their own
 * record; and retention, which erases what is older than the campaign keeps. Storage is plain SQL on the items
 * table (portable), the matching of emails and phones is done here.
 *
 * An erased record stays as a row holding its id, its date and the erasure's date only (status `erased`), so a
 * retry from a forgotten outbox is answered alike rather than stored again; every erasure adds a line to
 * `erasures` (when, who, why, which collection, how many), never what was erased.
 */
import { createHmac } from 'node:crypto';
import { sha256, type Row, type StaffMember, type Store } from './db.js';
import { forgetRecruits } from './recruits.js';
import type { KeyHolder } from './storage.js';

/** Collections that hold people: sign-ups, survey responses (their contact), chapters (their leaders). */
const PEOPLE_COLLECTIONS = ['signups', 'responses', 'chapters'] as const;

export interface PersonQuery {
  email?: string;
  phone?: string;
}

/** What is held about one person, as the adapters' `PersonalData` (core/adapter.ts), chapters' leaders added. */
export interface PersonalData {
  signups: object[];
  responses: object[];
  posts: object[];
  leaders: { chapter: string; leader: object }[];
  /** How many people joined through this person's share links (the relational loop), on their private link only. */
  recruits?: number;
}

const digits = (phone: string) => phone.replace(/\D/g, '');
/** Phones match on their last 9 digits: "+33 6 12 34 56 78" and "06 12 34 56 78" are one number. */
const samePhone = (a: unknown, b: string) => typeof a === 'string' && digits(a).length >= 6 && digits(a).slice(-9) === digits(b).slice(-9);
const sameEmail = (a: unknown, b: string) => typeof a === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();

function matches(record: object | undefined, who: PersonQuery): boolean {
  const person = record as { email?: unknown; phone?: unknown } | undefined;
  if (!person) return false;
  return Boolean((who.email && sameEmail(person.email, who.email)) || (who.phone && samePhone(person.phone, who.phone)));
}

type Data = Record<string, unknown> & { contact?: { email?: string; phone?: string }; leaders?: { email?: string; phone?: string }[] };

/** Rows that may hold the person, narrowed in SQL, then checked field by field. */
function candidates(store: Store, who: PersonQuery): Row[] {
  const like = who.email ? `%${who.email.trim().toLowerCase()}%` : `%${digits(who.phone ?? '').slice(-4)}%`;
  const collections = PEOPLE_COLLECTIONS.map((_, i) => `@c${i}`).join(', ');
  const params = Object.fromEntries([...PEOPLE_COLLECTIONS.map((c, i) => [`c${i}`, c]), ['like', like]]);
  // Phones are stored as typed (spaces, dots): the last four digits rarely have a separator inside, so a wider net is cast when they do.
  const text = who.email ? 'lower(data) LIKE @like' : "(data LIKE @like OR data LIKE '%\"phone\"%')";
  return store.db.prepare(`SELECT * FROM items WHERE collection IN (${collections}) AND (status IS NULL OR status <> 'erased') AND ${text} ORDER BY seq`).all(params) as Row[];
}

function check(who: PersonQuery) {
  if (!who.email?.trim() && !who.phone?.trim()) throw new Error('Say whom to look for: an email address or a phone number.');
  if (who.phone && digits(who.phone).length < 6) throw new Error(`"${who.phone}" is too short to be a phone number.`);
}

/** Everything held about one person, across collections. */
export function findPerson(store: Store, who: PersonQuery): PersonalData {
  check(who);
  const found: PersonalData = { signups: [], responses: [], posts: [], leaders: [] };
  for (const row of candidates(store, who)) {
    const data = JSON.parse(row.data) as Data;
    if (row.collection === 'signups' && matches(data, who)) found.signups.push(data);
    if (row.collection === 'responses' && matches(data.contact, who)) found.responses.push(data);
    if (row.collection === 'chapters') for (const leader of data.leaders ?? []) if (matches(leader, who)) found.leaders.push({ chapter: row.id, leader });
  }
  return found;
}

export const countOf = (d: PersonalData) => d.signups.length + d.responses.length + d.posts.length + d.leaders.length;

/** Changes a person's name, email or phone wherever they are held; returns how many records changed. */
export function correctPerson(store: Store, who: PersonQuery, change: { name?: string; email?: string; phone?: string }): number {
  check(who);
  let changed = 0;
  store.db.transaction(() => {
    for (const row of candidates(store, who)) {
      const data = JSON.parse(row.data) as Data;
      const people: Record<string, unknown>[] = row.collection === 'signups' ? [data] : row.collection === 'responses' ? (data.contact ? [data.contact] : []) : (data.leaders ?? []);
      const mine = people.filter((p) => matches(p, who));
      if (!mine.length) continue;
      for (const p of mine) Object.assign(p, change);
      rewrite(store, row, data);
      changed++;
    }
  })();
  return changed;
}

function rewrite(store: Store, row: Row, data: object, status = row.status) {
  store.touched(row.collection);
  store.db.prepare('UPDATE items SET data = ?, status = ?, updated = ? WHERE seq = ?').run(JSON.stringify(data), status, new Date().toISOString(), row.seq);
}

/** A record reduced to what says it existed: its id, when it was made, when it was erased. */
function tombstone(store: Store, row: Row, at: string) {
  store.touched(row.collection);
  store.db
    .prepare("UPDATE items SET data = ?, status = 'erased', author_key = NULL, owner_hash = NULL, body_hash = NULL, chapter = NULL, updated = ? WHERE seq = ?")
    .run(JSON.stringify({ id: row.id, created: row.created, erased: at }), at, row.seq);
  // Who recruited an erased person, and whom they recruited, is theirs too.
  if (row.collection === 'signups') forgetRecruits(store.db, [row.id]);
}

function noteErasure(store: Store, by: string, reason: string, counts: Record<string, number>) {
  const at = new Date().toISOString();
  for (const [collection, count] of Object.entries(counts)) {
    if (count) store.db.prepare('INSERT INTO erasures (at, who, reason, collection, count) VALUES (?, ?, ?, ?, ?)').run(at, by, reason, collection, count);
  }
}

/** Erases one person from every collection: their sign-ups and responses become tombstones, they leave chapters' leaders. */
export function erasePerson(store: Store, who: PersonQuery, by: string): number {
  check(who);
  const counts: Record<string, number> = { signups: 0, responses: 0, chapters: 0 };
  store.db.transaction(() => {
    const at = new Date().toISOString();
    for (const row of candidates(store, who)) {
      const data = JSON.parse(row.data) as Data;
      if (row.collection === 'chapters') {
        const leaders = data.leaders ?? [];
        const kept = leaders.filter((l) => !matches(l, who));
        if (kept.length === leaders.length) continue;
        rewrite(store, row, { ...data, leaders: kept });
        counts.chapters! += leaders.length - kept.length;
      } else if (matches(row.collection === 'signups' ? data : data.contact, who)) {
        tombstone(store, row, at);
        counts[row.collection]!++;
      }
    }
    noteErasure(store, by, 'request of the person', counts);
  })();
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** The erasures made, newest first: dates, who, why and how many, never what. */
export function erasures(store: Store): { at: string; who: string; reason: string; collection: string; count: number }[] {
  return store.db.prepare('SELECT at, who, reason, collection, count FROM erasures ORDER BY id DESC').all() as never;
}

// The private link: its secret is an HMAC of the record's collection and id under the server's key, so a retried
// write is answered with the same secret without the secret being stored; only its SHA-256 is, to find the record.

export function secretFor(store: KeyHolder, collection: string, id: string): string {
  return `me_${createHmac('sha256', store.serverKey('private-links')).update(`${collection}:${id}`).digest('base64url')}`;
}

export const ownerHash = (secret: string) => sha256(secret);

const ownedBy = (store: Store, secret: string) =>
  typeof secret === 'string' && secret.length > 10
    ? (store.db.prepare("SELECT * FROM items WHERE owner_hash = ? AND (status IS NULL OR status <> 'erased')").all(ownerHash(secret)) as Row[])
    : [];

/** What a private link opens: the records written with it. Undefined for an unknown (or spent) secret. */
export function mine(store: Store, secret: string): PersonalData | undefined {
  const rows = ownedBy(store, secret);
  if (!rows.length) return undefined;
  const found: PersonalData = { signups: [], responses: [], posts: [], leaders: [] };
  for (const row of rows) (found[row.collection as 'signups' | 'responses'] ?? []).push(JSON.parse(row.data) as object);
  return found;
}

/**
 * A supporter withdraws one consent (`purpose`), or everything: a record left without any consent is erased.
 * Returns false for an unknown secret.
 */
export function forgetMe(store: Store, secret: string, purpose?: string): boolean {
  const rows = ownedBy(store, secret);
  if (!rows.length) return false;
  const counts: Record<string, number> = {};
  store.db.transaction(() => {
    const at = new Date().toISOString();
    for (const row of rows) {
      const data = JSON.parse(row.data) as Data & { consent?: { purpose: string }[] };
      if (purpose && row.collection === 'signups' && Array.isArray(data.consent)) {
        const kept = data.consent.filter((c) => c.purpose !== purpose);
        if (kept.length) {
          if (kept.length < data.consent.length) rewrite(store, row, { ...data, consent: kept });
          continue;
        }
      }
      if (purpose && row.collection === 'responses' && data.contact) {
        const { contact, ...rest } = data as Data & { contact: { consent?: { purpose?: string } } };
        if (contact.consent?.purpose !== purpose) continue;
        // Without their consent to be contacted, the answers stay and the contact goes.
        rewrite(store, row, rest);
        counts[row.collection] = (counts[row.collection] ?? 0) + 1;
        continue;
      }
      tombstone(store, row, at);
      counts[row.collection] = (counts[row.collection] ?? 0) + 1;
    }
    noteErasure(store, 'the person, through their private link', purpose ? `consent withdrawn: ${purpose}` : 'request of the person', counts);
  })();
  return true;
}

/**
 * Retention: sign-ups made more than `months` ago are erased, and survey responses of that age lose their contact
 * details (their answers stay, anonymous). Returns how many of each.
 */
export function eraseOlderThan(store: Store, months: number, now = new Date()): { signups: number; responses: number } {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const before = cutoff.toISOString();
  const counts = { signups: 0, responses: 0 };
  store.db.transaction(() => {
    const at = now.toISOString();
    const old = store.db
      .prepare("SELECT * FROM items WHERE collection IN ('signups', 'responses') AND created < ? AND (status IS NULL OR status <> 'erased')")
      .all(before) as Row[];
    for (const row of old) {
      if (row.collection === 'signups') {
        tombstone(store, row, at);
        counts.signups++;
        continue;
      }
      const { contact, ...rest } = JSON.parse(row.data) as Data;
      if (!contact) continue;
      rewrite(store, row, rest);
      store.db.prepare('UPDATE items SET owner_hash = NULL WHERE seq = ?').run(row.seq);
      counts.responses++;
    }
    noteErasure(store, 'retention', `older than ${months} months`, counts);
  })();
  return counts;
}

/** Notes a staff member's action on one person in the access log, without saying who the person is. */
export function logPersonAccess(store: Store, staff: StaffMember, action: string, who: PersonQuery, count: number) {
  store.logAccess(staff, action, `one person, by ${who.email ? 'email' : 'phone'}`, count);
}

/** Erases the given records (tombstones), noting the erasure: a chapter's lead erasing one sign-up on request. */
export function eraseRecords(store: Store, rows: Row[], by: string, reason: string): number {
  const counts: Record<string, number> = {};
  store.db.transaction(() => {
    const at = new Date().toISOString();
    for (const row of rows) {
      tombstone(store, row, at);
      counts[row.collection] = (counts[row.collection] ?? 0) + 1;
    }
    noteErasure(store, by, reason, counts);
  })();
  return rows.length;
}
