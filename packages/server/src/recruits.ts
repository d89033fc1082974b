/**
 * The relational loop: who joined through whose share link. Every sign-up belongs to one person, known by a keyed
 * digest of their normalised email (a sign-up without email is a person of its own); the first sign-up of a person
 * decides who recruited them, and a later one changes nothing. Each share code a person was given (`ref`, made by
 * their browser) points at them, so whoever joins through any of their links counts for them, even when the
 * recruit's sign-up reaches the server before the recruiter's (an offline outbox). Nothing here is public: a
 * supporter reads their own count through their private link, leads and staff read the top recruiters.
 *
 * Two tables of their own, the same SQL on SQLite and PostgreSQL, appended to both migration lists.
 */
import type { Db } from './db.js';
import { hmac, type KeyHolder } from './storage.js';

export const RECRUIT_MIGRATIONS: string[] = [
  `CREATE TABLE recruits (
     person TEXT PRIMARY KEY,
     signup_id TEXT NOT NULL,
     chapter TEXT,
     referrer TEXT,
     created TEXT NOT NULL
   );
   CREATE INDEX recruits_by_referrer ON recruits (referrer);
   CREATE INDEX recruits_by_signup ON recruits (signup_id);
   CREATE TABLE recruit_refs (
     ref TEXT PRIMARY KEY,
     person TEXT NOT NULL
   );
   CREATE INDEX recruit_refs_by_person ON recruit_refs (person);`,
];

/** What of a sign-up the loop reads. */
export interface RecruitSignup {
  id: string;
  email?: string;
  chapter?: string;
  ref?: string;
  referrer?: string;
  created?: string;
}

/** One recruiter, for leads and staff to call: their first sign-up (name, contact, chapter) and how many joined through them. */
export interface Recruiter {
  signup: string;
  recruits: number;
}

export interface Recruits {
  /** Notes a stored sign-up's person, their share code and who recruited them; the same sign-up again changes nothing. */
  note(person: string, signup: RecruitSignup): Promise<void>;
  /** How many other people joined through any share link of this person. */
  count(person: string): Promise<number>;
  /** The people with most recruits, most first; of one chapter (the recruiter's) or of every chapter. */
  top(o: { chapter?: string; limit: number }): Promise<Recruiter[]>;
  /** Forgets the people whose first sign-up is one of these (erased): they and their links no longer count. */
  forget(signupIds: string[]): Promise<void>;
}

/** An email as a person: case and Unicode forms folded, spaces trimmed. */
export const normalEmail = (email: string) => email.normalize('NFKC').trim().toLowerCase();

/**
 * The person a sign-up belongs to: an HMAC of their normalised email under the server's private-links key (so the
 * table holds no email, nor a digest one could compute from an email list), or the sign-up itself without email.
 */
export function personOf(keys: KeyHolder, signup: { id: string; email?: string }): string {
  if (!signup.email?.trim()) return `s:${signup.id}`;
  return `e:${hmac(keys.serverKey('private-links'), `person:${normalEmail(signup.email)}`)}`;
}

const TOP = (chapter: boolean, p: (n: number) => string) => `
  SELECT i.data AS signup, count(*) AS recruits
  FROM recruits r
  JOIN recruit_refs f ON f.ref = r.referrer
  JOIN recruits me ON me.person = f.person
  JOIN items i ON i.collection = 'signups' AND i.id = me.signup_id
  WHERE r.person <> f.person AND (i.status IS NULL OR i.status <> 'erased') ${chapter ? `AND me.chapter = ${p(2)}` : ''}
  GROUP BY f.person, i.data
  ORDER BY count(*) DESC, min(me.created)
  LIMIT ${p(1)}`;

const COUNT = (p: (n: number) => string) => `
  SELECT count(*) AS n FROM recruits r JOIN recruit_refs f ON f.ref = r.referrer
  WHERE f.person = ${p(1)} AND r.person <> f.person`;

/** See Recruits.forget, synchronous: erasures on SQLite (people.ts) call it inside their own transaction. */
export function forgetRecruits(db: Db, ids: string[]): void {
  db.transaction(() => {
    for (const id of ids) {
      const gone = db.prepare('SELECT person FROM recruits WHERE signup_id = ?').pluck().all(id) as string[];
      for (const person of gone) {
        db.prepare('DELETE FROM recruit_refs WHERE person = ?').run(person);
        db.prepare('DELETE FROM recruits WHERE person = ?').run(person);
      }
    }
  })();
}

const NOTE_PERSON = 'INSERT INTO recruits (person, signup_id, chapter, referrer, created) VALUES (?, ?, ?, ?, ?) ON CONFLICT (person) DO NOTHING';
const NOTE_REF = 'INSERT INTO recruit_refs (ref, person) VALUES (?, ?) ON CONFLICT (ref) DO NOTHING';

/**
 * See Recruits.note, synchronous and inside the caller's transaction: a sign-up's insert (SqliteStorage.insertOnce)
 * notes its person in the same commit, so a sign-up costs one fsync, not two. `prepared` returns cached statements.
 */
export function noteRecruit(prepared: (sql: string) => { run(...params: unknown[]): unknown }, person: string, s: RecruitSignup): void {
  prepared(NOTE_PERSON).run(person, s.id, s.chapter ?? null, s.referrer ?? null, s.created ?? new Date().toISOString());
  if (s.ref) prepared(NOTE_REF).run(s.ref, person);
}

/** The loop on SQLite (better-sqlite3 is synchronous; each note is one transaction). */
export function sqliteRecruits(db: Db, prepared: (sql: string) => { run(...params: unknown[]): unknown } = (sql) => db.prepare(sql)): Recruits {
  const q = (n: number) => `@p${n}`;
  return {
    async note(person, s) {
      db.transaction(() => noteRecruit(prepared, person, s))();
    },
    async count(person) {
      return (db.prepare(COUNT(q)).get({ p1: person }) as { n: number }).n;
    },
    async top({ chapter, limit }) {
      return db.prepare(TOP(Boolean(chapter), q)).all(chapter ? { p1: limit, p2: chapter } : { p1: limit }) as Recruiter[];
    },
    async forget(ids) {
      forgetRecruits(db, ids);
    },
  };
}

const dollars = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** What the loop needs of a PostgreSQL pool or client. */
interface PgQueryable {
  query<R extends object>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

/** The loop on PostgreSQL; `transaction` runs its work on one connection between BEGIN and COMMIT. */
export function postgresRecruits(pool: PgQueryable, transaction: (work: (c: PgQueryable) => Promise<void>) => Promise<void>): Recruits {
  const p = (n: number) => `$${n}`;
  return {
    note: (person, s) =>
      transaction(async (c) => {
        await c.query(dollars(NOTE_PERSON), [person, s.id, s.chapter ?? null, s.referrer ?? null, s.created ?? new Date().toISOString()]);
        if (s.ref) await c.query(dollars(NOTE_REF), [s.ref, person]);
      }),
    async count(person) {
      return Number((await pool.query<{ n: number }>(COUNT(p), [person])).rows[0]!.n);
    },
    async top({ chapter, limit }) {
      const { rows } = await pool.query<Recruiter>(TOP(Boolean(chapter), p), chapter ? [limit, chapter] : [limit]);
      return rows.map((r) => ({ signup: r.signup, recruits: Number(r.recruits) }));
    },
    forget: (ids) =>
      transaction(async (c) => {
        if (!ids.length) return;
        const { rows } = await c.query<{ person: string }>('SELECT person FROM recruits WHERE signup_id = ANY($1)', [ids]);
        const people = rows.map((r) => r.person);
        await c.query('DELETE FROM recruit_refs WHERE person = ANY($1)', [people]);
        await c.query('DELETE FROM recruits WHERE person = ANY($1)', [people]);
      }),
  };
}
