/**
 * What the routes ask of a database, whichever it is: SQLite embedded in the
 * process (storage-sqlite.ts, the default: one command, one file) or
 * PostgreSQL shared by several server instances (storage-postgres.ts). Every
 * method is asynchronous so that both can keep the same promises; the
 * contract test suite runs against both.
 */
import { createHmac, createSecretKey, hash, type KeyObject } from 'node:crypto';
import type { RecruitSignup, Recruits } from './recruits.js';

export interface Row {
  seq: number;
  collection: string;
  id: string;
  data: string;
  chapter: string | null;
  status: string | null;
  pinned: number;
  created: string;
  updated: string;
  receipt: string | null;
  moderated: string | null;
}

export interface ListOptions {
  chapter?: string;
  since?: string;
  status?: string[];
  /** Responses to one survey. */
  survey?: string;
  /** Posts carrying this hashtag (without "#"), filtered before paging. */
  hashtag?: string;
  /** Records with a place (`lat`, `lng`) inside this box of the map. */
  bbox?: { w: number; s: number; e: number; n: number };
  after?: number;
  limit: number;
}

/** A record as imports and seeding give it. */
export interface ImportedRecord {
  id: string;
  chapter?: string;
  status?: string;
  pinned?: boolean;
  created?: string;
  author?: string;
  /** A collected post's account on its network (`@user@instance`), which names its author better than a display name. */
  account?: string;
  survey?: string;
}

/** How long a token lasts unless told otherwise, and at most, in days (as Code.gs). */
export const TOKEN_DAYS = 90;
export const TOKEN_MAX_DAYS = 400;
export const DAY_MS = 86_400_000;

/** Who a token belongs to: campaign staff (chapter null) or the lead of one chapter. */
export interface StaffMember {
  name: string;
  chapter: string | null;
}

export interface TokenInfo extends StaffMember {
  created: string;
  expires: string;
  revoked: string | null;
}

/** One line of the access log: `who` read (`action`) `count` records of `what`. */
export interface AccessEntry {
  id: number;
  at: string;
  who: string;
  chapter: string | null;
  action: string;
  what: string;
  count: number;
}

/** The server's own keys, by name, for HMACs: form tokens, private links. */
export interface KeyHolder {
  serverKey(name: string): Buffer;
}

/** The keys every instance needs from the start. */
export const SERVER_KEYS = ['form-tokens', 'private-links', 'author-keys'];

/** What a write stores beside the record: its moderation status, its author, digests of its body and of its private link. */
export interface InsertFields {
  status?: string;
  authorKey?: string;
  bodyHash?: string;
  ownerHash?: string;
  /**
   * A sign-up's person for the relational loop (Recruits.note), noted in the same transaction as the insert, so
   * a sign-up is one commit; noted on a retry too (a first answer lost still counts its person once), never on a
   * conflict.
   */
  recruit?: { person: string; signup: RecruitSignup };
}

/** One person coming to one action, as the host reads it. */
export interface RsvpRow {
  id: string;
  action: string;
  chapter: string | null;
  data: string;
  created: string;
}

/** What became of an RSVP: stored now, already there (the first one's receipt), or refused because the action is full. */
export interface RsvpOutcome {
  receipt: string;
  created: boolean;
  full: boolean;
  going: number;
}

/** One moderation decision: who (the token's name, and its chapter for a lead), when, what, on which post. */
export interface ModerationEntry {
  id: number;
  at: string;
  who: string;
  chapter: string | null;
  action: string;
  /** The post decided about; for a bulk decision, one entry a post. */
  post: string | null;
  /** The chapter of that post, so that a lead reads the decisions about their chapter's posts. */
  post_chapter: string | null;
}

/** A photo a supporter uploaded: the stored file is stripped of its metadata and resized (photos.ts). */
export interface PhotoInfo {
  id: string;
  /** The post that shows it, once one does: the photo is public only while that post is approved. */
  post: string | null;
  type: string;
  width: number;
  height: number;
  bytes: number;
  created: string;
}

export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  /** Creates or updates the tables (numbered migrations, each applied once); resolves once the database is usable. */
  ready(): Promise<void>;
  /** Migrations applied, and how many this version of the server has. */
  migrations(): Promise<{ applied: number; known: number }>;
  /**
   * Stores a record once per (collection, id). Returns the stored receipt and whether this call stored it;
   * `conflict` when a record with this id was stored from another body (`bodyHash`, a digest of the record as sent).
   */
  insertOnce(collection: string, record: ImportedRecord, fields: InsertFields, receipt: object): Promise<{ receipt: string; created: boolean; conflict: boolean }>;
  /**
   * Replaces or adds records (imports, seeding). Importing the same file again changes nothing: a record
   * whose data is unchanged keeps its `updated` time. A post's status and pin come from the file until a
   * moderator decides about it; from then on the moderator's decision stands. A post by a blocked author
   * is stored hidden.
   */
  upsert(collection: string, records: ImportedRecord[]): Promise<void>;
  list(collection: string, o: ListOptions): Promise<Row[]>;
  get(collection: string, id: string): Promise<Row | undefined>;
  count(collection: string): Promise<number>;
  /** How many records `list` would give over all its pages: a large campaign's first page says so (`total`). */
  countMatching(collection: string, o: Omit<ListOptions, 'after' | 'limit'>): Promise<number>;
  /** The data of every response to a survey, for its results. */
  responses(survey: string): Promise<string[]>;
  /** Moderation: sets a post's status and pinned flag, keeping its JSON in step. */
  moderate(id: string, change: { status?: string; pinned?: boolean }): Promise<Row | undefined>;
  /**
   * Records a device's vote in a public poll; false when this device already voted with another response (the
   * same response again is a retry, and true).
   */
  recordVote(survey: string, device: string, response: string): Promise<boolean>;
  /** Blocks an author and hides their posts; returns how many posts it hid. */
  blockAuthor(key: string): Promise<number>;
  isBlocked(key: string): Promise<boolean>;
  /**
   * Unblocks an author: their posts that arrived while they were blocked, which no moderator has looked at, go
   * back to the queue (pending); returns how many. Posts a moderator hid stay hidden.
   */
  unblockAuthor(key: string): Promise<number>;
  /** Notes one moderation decision. */
  logDecision(who: StaffMember, action: string, post: { id: string; chapter: string | null } | null): Promise<void>;
  /** The moderation log, oldest first, after `after` (an id, for paging); one chapter's posts only for its lead. */
  moderationLog(o?: { chapter?: string; after?: number; limit?: number }): Promise<ModerationEntry[]>;
  /** How many posts wait for a moderator (pending), in one chapter or in all. */
  waiting(chapter?: string): Promise<number>;
  /** Keeps what is known of an uploaded photo (its files are in the photo folder). */
  addPhoto(photo: PhotoInfo): Promise<void>;
  getPhoto(id: string): Promise<PhotoInfo | undefined>;
  /** Ties a photo to the post that shows it; a photo already shown by another post keeps its first post. */
  attachPhoto(id: string, post: string): Promise<void>;
  /** A token for one person (campaign staff, or a chapter's lead), expiring after `days`; shown once. */
  createToken(name: string, o?: { chapter?: string; days?: number }): Promise<string>;
  /** Revokes a person's token; its row stays, so the access log still says whose it was. It frees the name. */
  revokeToken(name: string): Promise<boolean>;
  listTokens(): Promise<TokenInfo[]>;
  /** Whose token this is, if it is known, not revoked and not expired. */
  checkToken(token: string): Promise<StaffMember | undefined>;
  /** Notes that someone read, exported, corrected or erased personal data. */
  logAccess(who: StaffMember, action: string, what: string, count: number): Promise<void>;
  /** The access log, oldest first: entries after `after` (an id, for paging) and at or after `since`. */
  accessLog(o?: { since?: string; after?: number; limit?: number }): Promise<AccessEntry[]>;
  /** One of the server's own random keys, made once and kept in the database, so that every instance agrees. */
  serverKey(name: string): Promise<Buffer>;
  /** The server's keys (form tokens, private links), read once `ready()` has resolved. */
  keyring(): KeyHolder;
  /**
   * A value that changes whenever public records (actions, chapters, posts, surveys) may have changed, through
   * this instance, another one or a command such as `import`; undefined while this instance cannot tell.
   */
  publicVersion(): string | undefined;
  /**
   * Takes one write from a client's allowance of `perMinute` a minute (a token bucket holding at most that
   * many); 0 when allowed, else the seconds to wait. Shared by every instance that uses this database.
   */
  takeWrite(client: string, perMinute: number): Promise<number>;
  /**
   * Portable SQL on this database, with `?` placeholders: what reads people's data, the console and the feeds
   * (people.ts, console-store.ts, sync.ts) is written once for both databases. Rows for a query, [] otherwise.
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs the statements in one transaction, all or none; resolves to the rows each changed. `touched` names
   * the collections whose records changed in place or went (corrected, erased, removed): every instance's
   * prepared answers and caches of them start again.
   */
  atomically(statements: Statement[], touched?: string[]): Promise<number[]>;
  /** How many times records of a collection changed in place (see `atomically`): a cache of it starts again when this moves. */
  rewritesOf(collection: string): number;
  /** Records stored in a collection through this instance, when no other instance writes (SQLite); else undefined. */
  writesTo(collection: string): number | undefined;
  /**
   * Counts one person in for an action, once per (action, contact key) and once per client id: a repeat gets the
   * first one's receipt. With a capacity, a new person is refused (`full`) once that many are in; the count and the
   * insert are one step, so two people sending at once cannot both take the last place.
   */
  addRsvp(action: string, contactKey: string, record: { id: string; chapter?: string; created?: string }, capacity: number | undefined, receipt: object): Promise<RsvpOutcome>;
  /** How many people said they come, by action (actions nobody joined yet are absent). */
  rsvpCounts(actions: readonly string[]): Promise<Map<string, number>>;
  /** Who comes to an action, first first: for its host. */
  rsvpsOf(action: string): Promise<RsvpRow[]>;
  /** Sets a record's status (a proposal approved or refused), keeping its JSON in step; undefined when there is none. */
  setStatus(collection: string, id: string, status: string): Promise<Row | undefined>;
  /** The relational loop: who joined through whose share link (recruits.ts). */
  readonly recruits: Recruits;
  close(): Promise<void>;
}

/** One statement of `atomically`: portable SQL with `?` placeholders. */
export interface Statement {
  sql: string;
  params?: unknown[];
}

/** The collections a public read serves: a change to one of them changes public answers. */
export const PUBLIC_COLLECTIONS = new Set(['actions', 'chapters', 'posts', 'surveys']);

/** Who wrote a post, as far as a name tells: for blocking an author. */
export const authorKey = (name: string) => name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * What blocking a post's author names: its account on its network when it was collected (`acct:@user@host`, which
 * no display name can take over), else its author's name.
 */
export const postAuthorKey = (post: { author?: unknown; account?: unknown }): string | null =>
  typeof post.account === 'string' && post.account ? `acct:${authorKey(post.account)}` : typeof post.author === 'string' && post.author ? authorKey(post.author) : null;

/**
 * Letters of other scripts that look like Latin ones (Cyrillic "С", Greek "ο"…), folded to the Latin letter, so
 * that a contact written with them names the same person.
 */
const LOOKALIKES: Record<string, string> = Object.fromEntries(
  'аa вb еe ёe һh іi јj кk мm нh оo рp сc тt уy хx ѕs ԁd ԛq ԝw ɡg αa βb εe ιi κk νv οo ρp τt υu χx ωw'.split(' ').map((pair) => [pair[0], pair[1]]),
);

/**
 * A contact (email or phone) as one person writes it in every way: compatibility forms, case, spaces and
 * lookalike letters folded, accents dropped; an email's "+tag" dropped; a phone's digits only.
 */
export function normalContact(contact: string): string {
  const folded = [...contact.normalize('NFKC').toLowerCase().replace(/\s+/g, '')]
    .map((c) => LOOKALIKES[c] ?? c)
    .join('')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  const at = folded.lastIndexOf('@');
  if (at > 0) return `${folded.slice(0, at).replace(/\+.*$/, '')}@${folded.slice(at + 1)}`;
  return /^[+\d().\-/]+$/.test(folded) ? folded.replace(/[^\d]/g, '') : folded;
}

/**
 * What blocking a supporter's own post names: a keyed hash (HMAC with the server's `author-keys` key) of their
 * normalised contact, never their display name, which anyone can change. The contact itself is not stored.
 */
/** Each server key as a KeyObject, made once: an HMAC under a key given as bytes imports it on each call (6.0 µs, not 4.6). */
const keyObjects = new WeakMap<Buffer, KeyObject>();

/** HMAC-SHA-256 of `text` under a server key, in base64url. */
export function hmac(key: Buffer, text: string): string {
  let k = keyObjects.get(key);
  if (!k) keyObjects.set(key, (k = createSecretKey(key)));
  return createHmac('sha256', k).update(text).digest('base64url');
}

export const contactKey = (keys: KeyHolder, contact: string) => `contact:${hmac(keys.serverKey('author-keys'), normalContact(contact))}`;

/** SHA-256 in hex: of tokens and secrets (random, 256 bits, so no slow hash is needed) and of bodies written. */
export const sha256 = (text: string) => hash('sha256', text, 'hex');
export const hashToken = sha256;

/**
 * What an import stores for a record, given what is stored already: for a post a moderator decided about,
 * the moderator's status and pin stand; a blocked author's new post is hidden. Undefined when nothing changes.
 */
export function importedVersion(collection: string, record: ImportedRecord, old: Row | undefined, blocked: boolean): { record: ImportedRecord; data: string } | undefined {
  let r = record;
  if (collection === 'posts') {
    if (old?.moderated) {
      const was = JSON.parse(old.data) as { status?: string; pinned?: boolean };
      r = { ...r, status: was.status ?? old.status ?? r.status, pinned: was.pinned };
    } else if (blocked) r = { ...r, status: 'hidden', pinned: undefined };
    if (r.pinned === undefined) delete r.pinned;
  }
  const data = JSON.stringify(r);
  return old?.data === data ? undefined : { record: r, data };
}

/** A post's JSON after a moderation decision. */
export function moderatedData(row: Row, change: { status?: string; pinned?: boolean }): Record<string, unknown> {
  return { ...JSON.parse(row.data), ...(change.status ? { status: change.status } : {}), ...(change.pinned !== undefined ? { pinned: change.pinned } : {}) };
}

/** Which survey a record answers: kept in its own column so results read one survey's rows through an index. */
export const surveyOf = (collection: string, record: ImportedRecord) => (collection === 'responses' ? (record.survey ?? null) : null);
