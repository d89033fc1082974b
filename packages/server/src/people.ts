/**
 * A person's rights (GDPR articles 15 to 17): finding everything held about one person by email or phone,
 * exporting it, correcting it and erasing it, for staff; a supporter's private link, whose secret opens their own
 * record; and retention, which erases what is older than the campaign keeps. Storage is portable SQL on the items
 * table (Storage.query, Storage.atomically: the same on SQLite and PostgreSQL), the matching of emails and phones
 * is done here.
 *
 * An erased record stays as a row holding its id, its date and the erasure's date only (status `erased`), so a
 * retry from a forgotten outbox is answered alike rather than stored again; every erasure adds a line to
 * `erasures` (when, who, why, which collection, how many), never what was erased.
 */
import { rsvpContactKey } from '@archipel/core/server';
import { hmac, sha256, type KeyHolder, type Row, type StaffMember, type Statement, type Storage } from './storage.js';

/** Collections that hold people: sign-ups, survey responses (their contact), chapters (their leaders), proposed actions (their proposer). */
const PEOPLE_COLLECTIONS = ['signups', 'responses', 'chapters', 'proposals'] as const;

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
  /** The actions they offered to host, with their contact as they gave it. */
  proposals: object[];
  /** The actions they said they would come to: which, when, and what they gave. */
  rsvps: { id: string; action: string; title?: string; start?: string; timezone?: string; name?: string; email?: string; phone?: string; created: string }[];
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

type Data = Record<string, unknown> & { contact?: { email?: string; phone?: string }; leaders?: { email?: string; phone?: string }[]; proposer?: { name?: string; email?: string; phone?: string } };

/** Where a record holds a person: the sign-up itself, a response's contact, a proposal's proposer. */
const personOf = (collection: string, data: Data) => (collection === 'signups' ? data : collection === 'responses' ? data.contact : collection === 'proposals' ? data.proposer : undefined);

/** The SQL test that narrows rows (their `data`) to those that may hold the person; checked field by field after. */
function narrow(who: PersonQuery): [string, string] {
  const like = who.email ? `%${who.email.trim().toLowerCase()}%` : `%${digits(who.phone ?? '').slice(-4)}%`;
  // Phones are stored as typed (spaces, dots): the last four digits rarely have a separator inside, so a wider net is cast when they do.
  return [who.email ? 'lower(data) LIKE ?' : "(data LIKE ? OR data LIKE '%\"phone\"%')", like];
}

interface RsvpData {
  id: string;
  action: string;
  name?: string;
  email?: string;
  phone?: string;
  created?: string;
}

/** The person's RSVPs (rows of the rsvps table), matched on their email or phone as the person typed it. */
async function rsvpsOf(store: Storage, who: PersonQuery): Promise<{ id: string; created: string; data: RsvpData }[]> {
  const [text, like] = narrow(who);
  const rows = await store.query<{ id: string; data: string; created: string }>(`SELECT id, data, created FROM rsvps WHERE ${text} ORDER BY seq`, [like]);
  return rows.map((r) => ({ id: r.id, created: r.created, data: JSON.parse(r.data) as RsvpData })).filter((r) => matches(r.data, who));
}

/** Rows that may hold the person, narrowed in SQL, then checked field by field. */
function candidates(store: Storage, who: PersonQuery): Promise<Row[]> {
  const [text, like] = narrow(who);
  return store.query<Row>(`SELECT * FROM items WHERE collection IN (?, ?, ?, ?) AND (status IS NULL OR status <> 'erased') AND ${text} ORDER BY seq`, [...PEOPLE_COLLECTIONS, like]);
}

function check(who: PersonQuery) {
  if (!who.email?.trim() && !who.phone?.trim()) throw new Error('Say whom to look for: an email address or a phone number.');
  if (who.phone && digits(who.phone).length < 6) throw new Error(`"${who.phone}" is too short to be a phone number.`);
}

/** Everything held about one person, across collections. */
export async function findPerson(store: Storage, who: PersonQuery): Promise<PersonalData> {
  check(who);
  const found: PersonalData = { signups: [], responses: [], posts: [], leaders: [], proposals: [], rsvps: [] };
  for (const row of await candidates(store, who)) {
    const data = JSON.parse(row.data) as Data;
    if (row.collection === 'signups' && matches(data, who)) found.signups.push(data);
    if (row.collection === 'responses' && matches(data.contact, who)) found.responses.push(data);
    if (row.collection === 'proposals' && matches(data.proposer, who)) found.proposals.push({ ...data, status: row.status });
    if (row.collection === 'chapters') for (const leader of data.leaders ?? []) if (matches(leader, who)) found.leaders.push({ chapter: row.id, leader });
  }
  for (const { id, created, data } of await rsvpsOf(store, who)) {
    const action = await store.get('actions', data.action);
    const what = action ? (JSON.parse(action.data) as { title?: string; start?: string; timezone?: string }) : {};
    found.rsvps.push({ id, action: data.action, title: what.title, start: what.start, timezone: what.timezone, name: data.name, email: data.email, phone: data.phone, created });
  }
  return found;
}

export const countOf = (d: PersonalData) => d.signups.length + d.responses.length + d.posts.length + d.leaders.length + d.proposals.length + d.rsvps.length;

/**
 * What changes records, gathered while reading them and then applied in one transaction (Storage.atomically),
 * with the collections it touched.
 */
class Changes {
  readonly statements: Statement[] = [];
  readonly touched = new Set<string>();
  readonly counts: Record<string, number> = {};

  rewrite(row: Row, data: object, status = row.status) {
    this.touched.add(row.collection);
    this.statements.push({ sql: 'UPDATE items SET data = ?, status = ?, updated = ? WHERE seq = ?', params: [JSON.stringify(data), status, new Date().toISOString(), row.seq] });
  }

  /** A record reduced to what says it existed: its id, when it was made, when it was erased. */
  tombstone(row: Row, at: string) {
    this.touched.add(row.collection);
    this.statements.push({
      sql: "UPDATE items SET data = ?, status = 'erased', author_key = NULL, owner_hash = NULL, body_hash = NULL, chapter = NULL, updated = ? WHERE seq = ?",
      params: [JSON.stringify({ id: row.id, created: row.created, erased: at }), at, row.seq],
    });
    // Who recruited an erased person, and whom they recruited, is theirs too (recruits.ts): the person whose first
    // sign-up this is, and their share codes, no longer count.
    if (row.collection === 'signups') {
      this.statements.push({ sql: 'DELETE FROM recruit_refs WHERE person IN (SELECT person FROM recruits WHERE signup_id = ?)', params: [row.id] });
      this.statements.push({ sql: 'DELETE FROM recruits WHERE signup_id = ?', params: [row.id] });
    }
  }

  count(collection: string, n = 1) {
    this.counts[collection] = (this.counts[collection] ?? 0) + n;
  }

  /** Applies the changes, with a line in `erasures` for each collection erased from (when, who, why, how many). */
  apply(store: Storage, erasure?: { by: string; reason: string }) {
    const at = new Date().toISOString();
    if (erasure) for (const [collection, count] of Object.entries(this.counts)) if (count) this.statements.push({ sql: 'INSERT INTO erasures (at, who, reason, collection, count) VALUES (?, ?, ?, ?, ?)', params: [at, erasure.by, erasure.reason, collection, count] });
    return store.atomically(this.statements, [...this.touched]);
  }
}

/** An action whose count of people coming changed: a `since` read of actions lists it again. */
function touchAction(changes: Changes, action: string) {
  changes.touched.add('actions');
  changes.statements.push({ sql: "UPDATE items SET updated = ? WHERE collection = 'actions' AND id = ?", params: [new Date().toISOString(), action] });
}

/** Changes a person's name, email or phone wherever they are held; returns how many records changed. */
export async function correctPerson(store: Storage, who: PersonQuery, change: { name?: string; email?: string; phone?: string }): Promise<number> {
  check(who);
  const changes = new Changes();
  let changed = 0;
  for (const row of await candidates(store, who)) {
    const data = JSON.parse(row.data) as Data;
    const one = personOf(row.collection, data) as Record<string, unknown> | undefined;
    const people: Record<string, unknown>[] = row.collection === 'chapters' ? (data.leaders ?? []) : one ? [one] : [];
    const mine = people.filter((p) => matches(p, who));
    if (!mine.length) continue;
    for (const p of mine) Object.assign(p, change);
    changes.rewrite(row, data);
    changed++;
  }
  // The actions they said they would come to: the host's list shows the corrected name and contact, and the new
  // contact keys the row, so that saying "I come" again with it is not counted twice.
  for (const { id, data } of await rsvpsOf(store, who)) {
    const fixed = { ...data, ...change };
    const key = rsvpContactKey(fixed);
    const twin = await store.query<{ id: string }>('SELECT id FROM rsvps WHERE action = ? AND contact_key = ? AND id <> ?', [data.action, key, id]);
    if (twin.length) {
      // Already coming under the new contact: one row stays, and the count goes down by the one that went.
      changes.statements.push({ sql: 'DELETE FROM rsvps WHERE id = ?', params: [id] });
      touchAction(changes, data.action);
    } else changes.statements.push({ sql: 'UPDATE rsvps SET data = ?, contact_key = ? WHERE id = ?', params: [JSON.stringify(fixed), key, id] });
    changed++;
  }
  await changes.apply(store);
  return changed;
}

/**
 * Erases one person from every collection: their sign-ups, responses and proposed actions become tombstones (an
 * action already published stays, without them: it never held its proposer), they leave chapters' leaders and the
 * actions they said they would come to.
 */
export async function erasePerson(store: Storage, who: PersonQuery, by: string): Promise<number> {
  check(who);
  const changes = new Changes();
  // The erasures are noted in this order, whichever record came first.
  Object.assign(changes.counts, { signups: 0, responses: 0, chapters: 0, proposals: 0 });
  const at = new Date().toISOString();
  for (const row of await candidates(store, who)) {
    const data = JSON.parse(row.data) as Data;
    if (row.collection === 'chapters') {
      const leaders = data.leaders ?? [];
      const kept = leaders.filter((l) => !matches(l, who));
      if (kept.length === leaders.length) continue;
      changes.rewrite(row, { ...data, leaders: kept });
      changes.count('chapters', leaders.length - kept.length);
    } else if (matches(personOf(row.collection, data), who)) {
      changes.tombstone(row, at);
      changes.count(row.collection);
    }
  }
  // Actions they said they would come to: their rows go, and the actions' counts with them.
  const keys = [...new Set([who.email && rsvpContactKey({ email: who.email }), who.phone && rsvpContactKey({ phone: who.phone })].filter((k): k is string => Boolean(k)))];
  const ids = new Set((await rsvpsOf(store, who)).map((r) => r.id));
  if (keys.length) for (const r of await store.query<{ id: string }>(`SELECT id FROM rsvps WHERE contact_key IN (${keys.map(() => '?').join(', ')})`, keys)) ids.add(r.id);
  if (ids.size) {
    const gone = [...ids];
    for (const action of new Set((await store.query<{ action: string }>(`SELECT DISTINCT action FROM rsvps WHERE id IN (${gone.map(() => '?').join(', ')})`, gone)).map((r) => r.action))) touchAction(changes, action);
    changes.statements.push({ sql: `DELETE FROM rsvps WHERE id IN (${gone.map(() => '?').join(', ')})`, params: gone });
    changes.count('rsvps', gone.length);
  }
  await changes.apply(store, { by, reason: 'request of the person' });
  return Object.values(changes.counts).reduce((a, b) => a + b, 0);
}

/** The erasures made, newest first: dates, who, why and how many, never what. */
export function erasures(store: Storage): Promise<{ at: string; who: string; reason: string; collection: string; count: number }[]> {
  return store.query('SELECT at, who, reason, collection, count FROM erasures ORDER BY id DESC');
}

// The private link: its secret is an HMAC of the record's collection and id under the server's key, so a retried
// write is answered with the same secret without the secret being stored; only its SHA-256 is, to find the record.

export function secretFor(store: KeyHolder, collection: string, id: string): string {
  return `me_${hmac(store.serverKey('private-links'), `${collection}:${id}`)}`;
}

export const ownerHash = (secret: string) => sha256(secret);

const ownedBy = async (store: Storage, secret: string) =>
  typeof secret === 'string' && secret.length > 10 ? store.query<Row>("SELECT * FROM items WHERE owner_hash = ? AND (status IS NULL OR status <> 'erased') ORDER BY seq", [ownerHash(secret)]) : [];

/** What a private link opens: the records written with it. Undefined for an unknown (or spent) secret. */
export async function mine(store: Storage, secret: string): Promise<PersonalData | undefined> {
  const rows = await ownedBy(store, secret);
  if (!rows.length) return undefined;
  const found: PersonalData = { signups: [], responses: [], posts: [], leaders: [], proposals: [], rsvps: [] };
  for (const row of rows) (found[row.collection as 'signups' | 'responses'] ?? []).push(JSON.parse(row.data) as object);
  return found;
}

/**
 * A supporter withdraws one consent (`purpose`), or everything: a record left without any consent is erased.
 * Returns false for an unknown secret.
 */
export async function forgetMe(store: Storage, secret: string, purpose?: string): Promise<boolean> {
  const rows = await ownedBy(store, secret);
  if (!rows.length) return false;
  const changes = new Changes();
  const at = new Date().toISOString();
  for (const row of rows) {
    const data = JSON.parse(row.data) as Data & { consent?: { purpose: string }[] };
    if (purpose && row.collection === 'signups' && Array.isArray(data.consent)) {
      const kept = data.consent.filter((c) => c.purpose !== purpose);
      if (kept.length) {
        if (kept.length < data.consent.length) changes.rewrite(row, { ...data, consent: kept });
        continue;
      }
    }
    if (purpose && row.collection === 'responses' && data.contact) {
      const { contact, ...rest } = data as Data & { contact: { consent?: { purpose?: string } } };
      if (contact.consent?.purpose !== purpose) continue;
      // Without their consent to be contacted, the answers stay and the contact goes.
      changes.rewrite(row, rest);
      changes.count(row.collection);
      continue;
    }
    changes.tombstone(row, at);
    changes.count(row.collection);
  }
  await changes.apply(store, { by: 'the person, through their private link', reason: purpose ? `consent withdrawn: ${purpose}` : 'request of the person' });
  return true;
}

/**
 * Retention: sign-ups and proposed actions made more than `months` ago are erased (an action published from one
 * stays, without its proposer), survey responses of that age lose their contact details (their answers stay,
 * anonymous), and so do RSVPs (the count of people who came stays). Returns how many of each.
 */
export async function eraseOlderThan(store: Storage, months: number, now = new Date()): Promise<{ signups: number; responses: number; proposals: number; rsvps: number }> {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const at = now.toISOString();
  const changes = new Changes();
  const old = await store.query<Row>("SELECT * FROM items WHERE collection IN ('signups', 'responses', 'proposals') AND created < ? AND (status IS NULL OR status <> 'erased') ORDER BY seq", [cutoff.toISOString()]);
  for (const row of old) {
    if (row.collection !== 'responses') {
      changes.tombstone(row, at);
      changes.count(row.collection);
      continue;
    }
    const { contact, ...rest } = JSON.parse(row.data) as Data;
    if (!contact) continue;
    changes.rewrite(row, rest);
    changes.statements.push({ sql: 'UPDATE items SET owner_hash = NULL WHERE seq = ?', params: [row.seq] });
    changes.count('responses');
  }
  // An RSVP keeps its row (the action's count) and loses who it was: its contact key becomes its own id.
  const rsvps = await store.query<{ id: string; action: string; data: string; created: string }>("SELECT id, action, data, created FROM rsvps WHERE created < ? AND contact_key NOT LIKE 'erased:%' ORDER BY seq", [cutoff.toISOString()]);
  for (const r of rsvps) {
    changes.statements.push({ sql: 'UPDATE rsvps SET contact_key = ?, data = ? WHERE id = ?', params: [`erased:${r.id}`, JSON.stringify({ id: r.id, action: r.action, created: r.created, erased: at }), r.id] });
    changes.count('rsvps');
  }
  await changes.apply(store, { by: 'retention', reason: `older than ${months} months` });
  const n = (c: string) => changes.counts[c] ?? 0;
  return { signups: n('signups'), responses: n('responses'), proposals: n('proposals'), rsvps: n('rsvps') };
}

/** Notes a staff member's action on one person in the access log, without saying who the person is. */
export function logPersonAccess(store: Storage, staff: StaffMember, action: string, who: PersonQuery, count: number) {
  return store.logAccess(staff, action, `one person, by ${who.email ? 'email' : 'phone'}`, count);
}

/** Erases the given records (tombstones), noting the erasure: a chapter's lead erasing one sign-up on request. */
export async function eraseRecords(store: Storage, rows: Row[], by: string, reason: string): Promise<number> {
  const changes = new Changes();
  const at = new Date().toISOString();
  for (const row of rows) {
    changes.tombstone(row, at);
    changes.count(row.collection);
  }
  await changes.apply(store, { by, reason });
  return rows.length;
}
