/**
 * What the routes ask of a database, whichever it is: SQLite embedded in the
 * process (storage-sqlite.ts, the default: one command, one file) or
 * PostgreSQL shared by several server instances (storage-postgres.ts). Every
 * method is asynchronous so that both can keep the same promises; the
 * contract test suite runs against both.
 */
import { createHash } from 'node:crypto';

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
  survey?: string;
}

export interface StaffToken {
  name: string;
  created: string;
  revoked: string | null;
}

export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  /** Creates or updates the tables (numbered migrations, each applied once); resolves once the database is usable. */
  ready(): Promise<void>;
  /** Migrations applied, and how many this version of the server has. */
  migrations(): Promise<{ applied: number; known: number }>;
  /** Stores a record once per (collection, id). Returns the stored receipt and whether this call stored it. */
  insertOnce(collection: string, record: ImportedRecord, fields: { status?: string; authorKey?: string }, receipt: object): Promise<{ receipt: string; created: boolean }>;
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
  /** The data of every response to a survey, for its results. */
  responses(survey: string): Promise<string[]>;
  /** Moderation: sets a post's status and pinned flag, keeping its JSON in step. */
  moderate(id: string, change: { status?: string; pinned?: boolean }): Promise<Row | undefined>;
  /** Blocks an author and hides their posts; returns how many posts it hid. */
  blockAuthor(key: string): Promise<number>;
  isBlocked(key: string): Promise<boolean>;
  createToken(name: string): Promise<string>;
  revokeToken(name: string): Promise<boolean>;
  listTokens(): Promise<StaffToken[]>;
  /** The staff member's name for a valid, unrevoked token. */
  checkToken(token: string): Promise<string | undefined>;
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
  close(): Promise<void>;
}

/** Who wrote a post, as far as a name tells: for blocking an author. */
export const authorKey = (name: string) => name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

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
