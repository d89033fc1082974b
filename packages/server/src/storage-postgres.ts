/**
 * The Storage interface on PostgreSQL, for a campaign that runs several server
 * instances behind a load balancer: everything the instances must agree on
 * (records, staff tokens, blocked authors, the rate limit) is in the database.
 *
 *   --db postgres://user@host:5432/campaign            the tables live in the user's default schema
 *   --db postgres://user@host:5432/campaign?schema=x   …or in schema x, created when missing
 *
 * Migrations are numbered, run on start under an advisory lock (several
 * instances may start at once), each in its own transaction. A change to
 * public records is announced on the channel `archipel_changes` (NOTIFY, sent
 * when its transaction commits); each instance listens on a connection of its
 * own and drops the answers it had prepared.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { checkTokenDays, newToken, tokenNameTaken } from './db.js';
import { postgresRecruits, RECRUIT_MIGRATIONS, type Recruits } from './recruits.js';
import { SYNC_MIGRATIONS } from './sync-tables.js';
import { postAuthorKey, DAY_MS, hashToken, importedVersion, moderatedData, SERVER_KEYS, sha256, surveyOf, TOKEN_DAYS, type AccessEntry, type ImportedRecord, type InsertFields, type KeyHolder, type ListOptions, type Row, type RsvpOutcome, type RsvpRow, type StaffMember, type Statement, type Storage, type TokenInfo, PUBLIC_COLLECTIONS, type ModerationEntry, type PhotoInfo } from './storage.js';

/**
 * A record's latitude or longitude as a number, null when it has none or holds something else: an index's
 * expression must not fail on any row (a sign-up's text, a post without a place).
 */
export function coordinate(field: 'lat' | 'lng'): string {
  return `CASE WHEN jsonb_typeof(data::jsonb -> '${field}') = 'number' THEN (data::jsonb ->> '${field}')::float8 END`;
}
import { FILES_TABLE, MODERATION_LOG_TABLE_PG, PHOTOS_TABLE } from './moderation-tables.js';

const MIGRATIONS: string[] = [
  `CREATE TABLE items (
     seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     collection TEXT NOT NULL,
     id TEXT NOT NULL,
     data TEXT NOT NULL,
     chapter TEXT,
     status TEXT,
     pinned INTEGER NOT NULL DEFAULT 0,
     author_key TEXT,
     created TEXT NOT NULL,
     updated TEXT NOT NULL,
     receipt TEXT,
     moderated TEXT,
     survey TEXT,
     UNIQUE (collection, id)
   );
   CREATE INDEX items_by_collection ON items (collection, seq);
   CREATE INDEX items_by_chapter ON items (collection, chapter, seq);
   CREATE INDEX items_by_updated ON items (collection, updated);
   CREATE INDEX items_by_survey ON items (collection, survey, seq);
   CREATE TABLE tokens (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     name TEXT NOT NULL UNIQUE,
     hash TEXT NOT NULL UNIQUE,
     created TEXT NOT NULL,
     revoked TEXT
   );
   CREATE TABLE blocked_authors (
     author_key TEXT PRIMARY KEY,
     blocked TEXT NOT NULL
   );`,
  // Writes per client, shared by every instance: a token bucket a row, keyed by a hash of the client's address.
  `CREATE TABLE rate_limits (
     client TEXT PRIMARY KEY,
     tokens DOUBLE PRECISION NOT NULL,
     at DOUBLE PRECISION NOT NULL,
     granted BOOLEAN NOT NULL
   );`,
  // As SQLite's migrations 4 to 7 (#18): a digest of each record's first body, per-person tokens that expire (a
  // chapter lead's carry their chapter), the access log, private links' owners, erasures, the server's own keys.
  `ALTER TABLE items ADD COLUMN body_hash TEXT;
   ALTER TABLE items ADD COLUMN owner_hash TEXT;
   CREATE INDEX items_by_owner ON items (owner_hash);
   ALTER TABLE tokens ADD COLUMN chapter TEXT;
   ALTER TABLE tokens ADD COLUMN expires TEXT;
   UPDATE tokens SET expires = to_char((now() + interval '90 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') WHERE expires IS NULL;
   CREATE TABLE access_log (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     at TEXT NOT NULL,
     who TEXT NOT NULL,
     chapter TEXT,
     action TEXT NOT NULL,
     what TEXT NOT NULL,
     count INTEGER NOT NULL
   );
   CREATE INDEX access_log_by_time ON access_log (at);
   CREATE TABLE erasures (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     at TEXT NOT NULL,
     who TEXT NOT NULL,
     reason TEXT NOT NULL,
     collection TEXT NOT NULL,
     count INTEGER NOT NULL
   );
   CREATE TABLE server_keys (
     name TEXT PRIMARY KEY,
     value TEXT NOT NULL
   );`,
  // Calendars read by `archipel-server sync` (sync-tables.ts), as on SQLite.
  ...SYNC_MIGRATIONS,
  // A public poll counts one vote a device: the hash of the device's poll id, with the response it sent.
  `CREATE TABLE poll_votes (
     survey TEXT NOT NULL,
     device_hash TEXT NOT NULL,
     response TEXT NOT NULL,
     PRIMARY KEY (survey, device_hash)
   );`,
  // The console's "contacted" mark on a sign-up (console-store.ts makes the same table on SQLite).
  `CREATE TABLE console_contacted (
     signup_id TEXT PRIMARY KEY,
     contacted_at TEXT NOT NULL,
     contacted_by TEXT NOT NULL
   );`,
  // People coming to an action (RSVPs), as on SQLite: one row a person an action.
  `CREATE TABLE rsvps (
     seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     action TEXT NOT NULL,
     contact_key TEXT NOT NULL,
     chapter TEXT,
     data TEXT NOT NULL,
     created TEXT NOT NULL,
     receipt TEXT NOT NULL,
     UNIQUE (action, contact_key)
   );`,
  // The relational loop: people, their share codes and who recruited them (recruits.ts), as on SQLite.
  ...RECRUIT_MIGRATIONS,
  // A map's view of a large campaign (`bbox`, #23): actions by latitude through an index, then by longitude.
  `CREATE INDEX items_by_lat ON items (collection, (${coordinate('lat')}));`,
  // Every moderation decision, and photos supporters uploaded (#24), as on SQLite.
  MODERATION_LOG_TABLE_PG,
  PHOTOS_TABLE,
  // Chapters' logos, in the database so that every instance serves them, as on SQLite.
  FILES_TABLE(true),
];

/** Bigint columns (seq) as numbers: 2^53 records are beyond any campaign. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 ? Number : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser,
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Reads `?schema=` off a connection string (pg would send it to the server as a setting it does not know). */
export function connectionOf(url: string): { connectionString: string; schema?: string } {
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? undefined;
  u.searchParams.delete('schema');
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`?schema= must be a plain lower-case name (letters, digits, _), not "${schema}".`);
  return { connectionString: u.href, schema };
}

export const isPostgresUrl = (db: unknown): db is string => typeof db === 'string' && /^postgres(ql)?:\/\//.test(db);

type Queryable = Pick<pg.PoolClient, 'query'>;

/**
 * The order number (seq) readers page by is taken from a sequence when an insert starts, so a reader could see
 * seq 6 committed while seq 5 is still to commit, page past it and never see it. Every insert into items holds
 * this lock, shared, from before it takes its number until it commits; a reader takes it exclusively only when
 * an insert is under way, to wait for those that took a number before it looked (`horizon`).
 */
const SEQ_GATE = "hashtext('archipel seq'), hashtext(current_schema())";
const TAKE_SEQ_GATE = `SELECT pg_advisory_xact_lock_shared(${SEQ_GATE})`;

/** `?` placeholders as PostgreSQL's `$1, $2…` (the portable SQL of Storage.query holds no other question mark). */
const numbered = new Map<string, string>();
function dollars(sql: string): string {
  let text = numbered.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    numbered.set(sql, text);
  }
  return text;
}

/**
 * The statement that stores a record once: the insert, or else the receipt already stored. It takes the gate
 * (SEQ_GATE) before the row takes its number: the insert selects from it.
 */
export function insertOnceQuery(collection: string, record: ImportedRecord, fields: InsertFields, receipt: string): pg.QueryConfig {
  const now = new Date().toISOString();
  const values = [collection, record.id, JSON.stringify(record), record.chapter ?? null, fields.status ?? null, fields.authorKey ?? null, record.created ?? now, now, receipt, surveyOf(collection, record), fields.bodyHash ?? null, fields.ownerHash ?? null];
  const insert = `WITH gate AS (${TAKE_SEQ_GATE}),
           stored AS (
             INSERT INTO items (collection, id, data, chapter, status, author_key, created, updated, receipt, survey, body_hash, owner_hash)
             SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 FROM gate ON CONFLICT (collection, id) DO NOTHING RETURNING receipt, body_hash)`;
  const answer = `SELECT receipt, true AS created, body_hash FROM stored
           UNION ALL SELECT receipt, false, body_hash FROM items WHERE collection = $1 AND id = $2 AND NOT EXISTS (SELECT 1 FROM stored)`;
  const { recruit } = fields;
  if (!recruit) return { name: 'insert-once', text: `${insert}\n${answer}`, values };
  // A sign-up's person (recruits.ts) in the same statement, so one round trip and one commit: when the row is new,
  // or already stored with the same body (a retry); never on a conflict. The CTEs share one snapshot, which does not
  // see `stored`'s row, hence both tests.
  const s = recruit.signup;
  return {
    name: 'insert-once-recruit',
    text: `${insert},
           same AS (SELECT 1 WHERE EXISTS (SELECT 1 FROM stored)
             OR EXISTS (SELECT 1 FROM items WHERE collection = $1 AND id = $2 AND (body_hash IS NULL OR $11::text IS NULL OR body_hash = $11::text))),
           noted_person AS (
             INSERT INTO recruits (person, signup_id, chapter, referrer, created)
             SELECT $13, $2, $4, $14, $15 FROM same ON CONFLICT (person) DO NOTHING),
           noted_ref AS (
             INSERT INTO recruit_refs (ref, person)
             SELECT $16::text, $13 FROM same WHERE $16::text IS NOT NULL ON CONFLICT (ref) DO NOTHING)
           ${answer}`,
    values: [...values, recruit.person, s.referrer ?? null, s.created ?? now, s.ref ?? null],
  };
}

/** A write waiting for its commit, with what answers it. */
interface QueuedInsert {
  collection: string;
  record: ImportedRecord;
  fields: InsertFields;
  receipt: string;
  done: (result: Inserted | Error) => void;
}
type Inserted = { receipt: string; created: boolean; conflict: boolean };
/** A write's row in a batch's answer: `found` false when its id was committed by another after the snapshot. */
type StoredRow = { receipt: string | null; created: boolean; found: boolean; body_hash: string | null };

/**
 * Several writes in one statement, one round trip and one commit (group commit): as insertOnceQuery row by row,
 * from arrays; the earlier version of a row not stored (a retry, a conflict) is looked up
 * by its key, one row at a time (LIMIT 1 keeps the planner from a join that could scan the table). Rows take their locks in the order of their keys, whichever instance writes them, so two batches
 * holding a common id wait for each other rather than deadlock. An answer not `found` is an id committed by another
 * transaction after this statement's snapshot (insertOnce reads it again). A batch never holds one id twice.
 */
export function insertBatchQuery(batch: readonly Omit<QueuedInsert, 'done'>[]): pg.QueryConfig {
  const now = new Date().toISOString();
  const columns: unknown[][] = Array.from({ length: 16 }, () => []);
  for (const { collection, record, fields, receipt } of batch) {
    const s = fields.recruit?.signup;
    const row = [collection, record.id, JSON.stringify(record), record.chapter ?? null, fields.status ?? null, fields.authorKey ?? null, record.created ?? now, now, receipt, surveyOf(collection, record), fields.bodyHash ?? null, fields.ownerHash ?? null, fields.recruit?.person ?? null, s?.referrer ?? null, s ? (s.created ?? now) : null, s?.ref ?? null];
    row.forEach((v, i) => columns[i]!.push(v));
  }
  return {
    name: 'insert-batch',
    text: `WITH input AS (
             SELECT * FROM unnest(${columns.map((_, i) => `$${i + 1}::text[]`).join(', ')}) WITH ORDINALITY
               AS i(collection, id, data, chapter, status, author_key, created, updated, receipt, survey, body_hash, owner_hash, person, referrer, noted, ref, ord)),
           gate AS (${TAKE_SEQ_GATE}),
           stored AS (
             INSERT INTO items (collection, id, data, chapter, status, author_key, created, updated, receipt, survey, body_hash, owner_hash)
             SELECT collection, id, data, chapter, status, author_key, created, updated, receipt, survey, body_hash, owner_hash FROM input, gate
             ORDER BY collection, id ON CONFLICT (collection, id) DO NOTHING RETURNING collection, id, receipt, body_hash),
           earlier AS (
             SELECT i.ord, t.receipt, t.body_hash FROM input i
             CROSS JOIN LATERAL (SELECT receipt, body_hash FROM items WHERE collection = i.collection AND id = i.id LIMIT 1) t
             WHERE NOT EXISTS (SELECT 1 FROM stored s WHERE s.collection = i.collection AND s.id = i.id)),
           same AS (
             SELECT i.* FROM input i WHERE i.person IS NOT NULL AND (EXISTS (SELECT 1 FROM stored s WHERE s.collection = i.collection AND s.id = i.id)
               OR EXISTS (SELECT 1 FROM earlier e WHERE e.ord = i.ord AND (e.body_hash IS NULL OR i.body_hash IS NULL OR e.body_hash = i.body_hash)))),
           noted_person AS (
             INSERT INTO recruits (person, signup_id, chapter, referrer, created)
             SELECT DISTINCT ON (person) person, id, chapter, referrer, noted FROM same ORDER BY person, ord ON CONFLICT (person) DO NOTHING),
           noted_ref AS (
             INSERT INTO recruit_refs (ref, person)
             SELECT DISTINCT ON (ref) ref, person FROM same WHERE ref IS NOT NULL ORDER BY ref, ord ON CONFLICT (ref) DO NOTHING)
           SELECT i.ord, s.id IS NOT NULL AS created, s.id IS NOT NULL OR e.ord IS NOT NULL AS found, coalesce(s.receipt, e.receipt) AS receipt, coalesce(s.body_hash, e.body_hash) AS body_hash
           FROM input i LEFT JOIN stored s ON s.collection = i.collection AND s.id = i.id LEFT JOIN earlier e ON e.ord = i.ord ORDER BY i.ord`,
    values: columns,
  };
}

/**
 * How many batch statements run at once: more writes wait for one of them and go together in the next. Four of
 * the pool's ten connections, which leaves the rest to reads. Measured at full speed on PostgreSQL (sign-ups a
 * second at 10 / 50 / 200 connections, load 9 to 14): 2 gave 250–300 / 1,230 / 1,390, 10 gave 220–900 / 2,320–2,380
 * / 780, 4 gave 840–870 / 2,830–3,160 / 1,610.
 */
const BATCHES_IN_FLIGHT = 4;
/** At most this many writes a statement. */
const BATCH_SIZE = 200;

export class PostgresStorage implements Storage {
  readonly kind = 'postgres';
  readonly pool: pg.Pool;
  readonly schema?: string;
  private migrated?: Promise<void>;
  private lastPrune = 0;
  private readonly connection: pg.ClientConfig;
  private listener?: pg.Client;
  private listening = false;
  private closed = false;
  private changes = 0;
  private readonly keys = new Map<string, Buffer>();
  readonly recruits: Recruits;

  constructor(url: string, { max = 10 }: { max?: number } = {}) {
    const { connectionString, schema } = connectionOf(url);
    this.schema = schema;
    this.connection = { connectionString, types, ...(schema ? { options: `-c search_path=${schema}` } : {}) };
    this.pool = new pg.Pool({ ...this.connection, max });
    this.recruits = postgresRecruits(this.pool, (work) => this.transaction(work));
    // A connection the database dropped while idle is replaced on the next query; it must not end the process.
    this.pool.on('error', () => {});
  }

  ready(): Promise<void> {
    return (this.migrated ??= this.migrate()
      .then(async () => {
        for (const name of SERVER_KEYS) await this.serverKey(name);
      })
      .then(() => this.listen())
      .catch((err: unknown) => {
        this.migrated = undefined;
        throw err;
      }));
  }

  /** Listens for changes made through any instance; while it cannot, nothing is served from a prepared answer. */
  private async listen() {
    if (this.closed) return;
    const client = new pg.Client(this.connection);
    this.listener = client;
    const lost = () => {
      if (this.listener !== client) return;
      this.listening = false;
      this.listener = undefined;
      client.end().catch(() => {});
      if (!this.closed) setTimeout(() => void this.listen().catch(lost), 1000).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (n) => {
      this.changes++;
      for (const collection of n.payload ? n.payload.split(',') : []) this.rewritten(collection);
    });
    await client.connect();
    await client.query('LISTEN archipel_changes');
    // Whatever changed while nobody listened.
    this.changes++;
    this.listening = true;
  }

  publicVersion() {
    return this.listening ? String(this.changes) : undefined;
  }

  /**
   * Tells every instance that public records changed, once the transaction commits. This one counts the change
   * itself after the commit too (its own notice comes back later): counted before, an answer prepared from the
   * records as they were would pass for current.
   */
  private async announce(c: Queryable, rewritten: string[] = []) {
    await c.query("SELECT pg_notify('archipel_changes', $1)", [rewritten.join(',')]);
  }

  private readonly rewrites = new Map<string, number>();
  private rewritten(collection: string) {
    this.rewrites.set(collection, this.rewritesOf(collection) + 1);
  }

  rewritesOf(collection: string) {
    return this.rewrites.get(collection) ?? 0;
  }

  /** Other instances write too: this one cannot count the writes. */
  writesTo() {
    return undefined;
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(dollars(sql), params)).rows as T[];
  }

  async atomically(statements: Statement[], touched: string[] = []) {
    const counts = await this.transaction(async (c) => {
      // Rows added to items take their order numbers under the gate (SEQ_GATE).
      if (statements.some((s) => /^\s*INSERT INTO items\b/i.test(s.sql))) await c.query(TAKE_SEQ_GATE);
      const changed: number[] = [];
      for (const s of statements) {
        changed.push((await c.query(dollars(s.sql), s.params ?? [])).rowCount ?? 0);
      }
      if (touched.length) await this.announce(c, touched);
      return changed;
    });
    for (const collection of touched) this.rewritten(collection);
    if (touched.some((c) => PUBLIC_COLLECTIONS.has(c))) this.changes++;
    return counts;
  }

  /**
   * The highest seq below which every insert has committed (or failed): a read bounded by it never shows a
   * later number before an earlier one. Resolves at once unless an insert is under way; then it waits for the
   * inserts that had taken their number (milliseconds), not for any that start after.
   */
  async horizon(): Promise<number> {
    const { rows } = await this.pool.query<{ last: number | null }>({ name: 'seq-last', text: "SELECT pg_sequence_last_value(pg_get_serial_sequence('items', 'seq')::regclass) AS last" });
    const last = rows[0]?.last ?? 0;
    const busy = await this.pool.query<{ busy: boolean }>({
      name: 'seq-busy',
      text: `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2
               AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND classid::bigint = (hashtext('archipel seq')::bigint & 4294967295) AND objid::bigint = (hashtext(current_schema())::bigint & 4294967295)) AS busy`,
    });
    if (busy.rows[0]?.busy) await this.transaction((c) => c.query(`SELECT pg_advisory_xact_lock(${SEQ_GATE})`));
    return last;
  }

  private async migrate() {
    await this.transaction(async (c) => {
      await c.query(`SELECT pg_advisory_xact_lock(hashtext('archipel migrations'))`);
      if (this.schema) await c.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
      await c.query('CREATE TABLE IF NOT EXISTS archipel_migrations (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)');
      const { rows } = await c.query<{ v: number | null }>('SELECT max(version) AS v FROM archipel_migrations');
      for (let v = rows[0]?.v ?? 0; v < MIGRATIONS.length; v++) {
        await c.query(MIGRATIONS[v]!);
        await c.query('INSERT INTO archipel_migrations (version, applied) VALUES ($1, $2)', [v + 1, new Date().toISOString()]);
      }
    });
  }

  async migrations() {
    const { rows } = await this.pool.query<{ v: number | null }>('SELECT max(version) AS v FROM archipel_migrations');
    return { applied: rows[0]?.v ?? 0, known: MIGRATIONS.length };
  }

  private async transaction<T>(work: (c: Queryable) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const result = await work(c);
      await c.query('COMMIT');
      return result;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      c.release();
    }
  }

  /**
   * Writes asked for while statements are under way wait for one of them to finish, then go together in one
   * statement and one commit (group commit): under load, a round trip and a commit serve many writes. Each is
   * answered only once that commit is done, as before.
   */
  private queued: QueuedInsert[] = [];
  private batchesInFlight = 0;
  private flushScheduled = false;

  insertOnce(collection: string, record: ImportedRecord, fields: InsertFields, receipt: object): Promise<Inserted> {
    return new Promise<Inserted>((resolve, reject) => {
      this.queued.push({ collection, record, fields, receipt: JSON.stringify(receipt), done: (r) => (r instanceof Error ? reject(r) : resolve(r)) });
      this.scheduleFlush();
    });
  }

  private scheduleFlush() {
    if (this.flushScheduled || !this.queued.length || this.batchesInFlight >= BATCHES_IN_FLIGHT) return;
    this.flushScheduled = true;
    // After this turn of the event loop, so that the writes of requests read in the same turn go together.
    setImmediate(() => {
      this.flushScheduled = false;
      while (this.queued.length && this.batchesInFlight < BATCHES_IN_FLIGHT) {
        const batch = this.takeBatch();
        this.batchesInFlight++;
        void this.storeBatch(batch).finally(() => {
          this.batchesInFlight--;
          this.scheduleFlush();
        });
      }
    });
  }

  /** The next writes to store, each id at most once: a second write of an id waits for the next batch. */
  private takeBatch(): QueuedInsert[] {
    const batch: QueuedInsert[] = [];
    const ids = new Set<string>();
    const rest: QueuedInsert[] = [];
    for (const w of this.queued) {
      const key = `${w.collection}\u0000${w.record.id}`;
      if (batch.length >= BATCH_SIZE || ids.has(key)) rest.push(w);
      else {
        ids.add(key);
        batch.push(w);
      }
    }
    this.queued = rest;
    return batch;
  }

  private async storeBatch(batch: QueuedInsert[]): Promise<void> {
    let rows: StoredRow[];
    try {
      if (batch.length === 1) {
        const { collection, record, fields, receipt } = batch[0]!;
        rows = (await this.pool.query<StoredRow>(insertOnceQuery(collection, record, fields, receipt))).rows.map((r) => ({ ...r, found: true }));
      } else {
        rows = (await this.pool.query<StoredRow>(insertBatchQuery(batch))).rows;
      }
    } catch (err) {
      // A batch fails as a whole (the statement is atomic): each of its writes is tried again on its own, so
      // that one which cannot be stored fails alone.
      if (batch.length > 1) await Promise.all(batch.map((w) => this.storeBatch([w])));
      else batch[0]!.done(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    // A post lands pending or hidden, yet a `since` read of posts lists hidden ones.
    if (batch.some((w, i) => w.collection === 'posts' && rows[i]?.created)) {
      await this.announce(this.pool).catch(() => {});
      this.changes++;
    }
    await Promise.all(
      batch.map(async (w, i) => {
        try {
          w.done(await this.answerOf(w, rows[i]));
        } catch (err) {
          w.done(err instanceof Error ? err : new Error(String(err)));
        }
      }),
    );
  }

  private async answerOf({ collection, record, fields }: QueuedInsert, row: StoredRow | undefined): Promise<Inserted> {
    const conflictOf = (stored: string | null) => Boolean(stored && fields.bodyHash && stored !== fields.bodyHash);
    if (row?.found) return { receipt: row.receipt!, created: row.created, conflict: !row.created && conflictOf(row.body_hash) };
    // The same id, committed by another request after this statement's snapshot was taken: read it now.
    const again = await this.pool.query<{ receipt: string; body_hash: string | null }>({ name: 'receipt', text: 'SELECT receipt, body_hash FROM items WHERE collection = $1 AND id = $2', values: [collection, record.id] });
    const conflict = conflictOf(again.rows[0]!.body_hash);
    // The statement's snapshot saw no row, so it noted no person: note them now, as for any retry.
    if (fields.recruit && !conflict) await this.recruits.note(fields.recruit.person, fields.recruit.signup);
    return { receipt: again.rows[0]!.receipt, created: false, conflict };
  }

  async upsert(collection: string, records: ImportedRecord[]) {
    const now = new Date().toISOString();
    await this.transaction(async (c) => {
      await c.query(TAKE_SEQ_GATE);
      for (const record of records) {
        const key = collection === 'posts' ? postAuthorKey(record) : null;
        const blocked = key !== null && (await this.isBlocked(key, c));
        const next = importedVersion(collection, record, await this.get(collection, record.id, c), blocked);
        if (!next) continue;
        const r = next.record;
        await c.query({
          name: 'upsert',
          text: `INSERT INTO items (collection, id, data, chapter, status, pinned, author_key, created, updated, survey)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                 ON CONFLICT (collection, id) DO UPDATE SET data = excluded.data, chapter = excluded.chapter, status = excluded.status,
                   pinned = excluded.pinned, author_key = excluded.author_key, updated = excluded.updated, survey = excluded.survey`,
          values: [collection, r.id, next.data, r.chapter ?? null, r.status ?? null, r.pinned ? 1 : 0, postAuthorKey(r), r.created ?? now, now, surveyOf(collection, r)],
        });
      }
      await this.announce(c);
    });
    this.changes++;
  }

  async list(collection: string, o: ListOptions): Promise<Row[]> {
    const { where, values, param } = this.matching(collection, o);
    if (o.after !== undefined) where.push(`seq > ${param(o.after)}`);
    where.push(`seq <= ${param(await this.horizon())}`);
    // Pages follow insertion order so that a cursor (the last seq) never skips or repeats a record.
    const text = `SELECT * FROM items WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ${param(o.limit)}`;
    return (await this.pool.query<Row>(text, values)).rows;
  }

  async countMatching(collection: string, o: Omit<ListOptions, 'after' | 'limit'>): Promise<number> {
    const { where, values } = this.matching(collection, o);
    return (await this.pool.query<{ n: number }>(`SELECT count(*) AS n FROM items WHERE ${where.join(' AND ')}`, values)).rows[0]!.n;
  }

  /** The conditions of a list, whatever its page. */
  private matching(collection: string, o: Omit<ListOptions, 'after' | 'limit'>) {
    const values: unknown[] = [collection];
    // An erased record stays as a row without its data; no list shows it.
    const where = ['collection = $1', "(status IS NULL OR status <> 'erased')"];
    const param = (v: unknown) => `$${values.push(v)}`;
    if (o.chapter) where.push(`chapter = ${param(o.chapter)}`);
    if (o.since) where.push(`updated > ${param(o.since)}`);
    if (o.status?.length) where.push(`status = ANY(${param(o.status)})`);
    if (o.survey) where.push(`survey = ${param(o.survey)}`);
    if (o.hashtag) {
      where.push(
        `EXISTS (SELECT 1 FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(data::jsonb -> 'hashtags') = 'array' THEN data::jsonb -> 'hashtags' ELSE '[]'::jsonb END) AS h
                 WHERE lower(h) = ${param(o.hashtag.toLocaleLowerCase('und'))})`,
      );
    }
    if (o.bbox) {
      // The expression of the index items_by_lat, so PostgreSQL reads the box's band of latitudes through it.
      const { w, s, e, n } = o.bbox;
      where.push(`(${coordinate('lat')}) BETWEEN ${param(s)} AND ${param(n)}`);
      const lng = coordinate('lng');
      where.push(w <= e ? `(${lng}) BETWEEN ${param(w)} AND ${param(e)}` : `((${lng}) >= ${param(w)} OR (${lng}) <= ${param(e)})`);
    }
    return { where, values, param };
  }

  async get(collection: string, id: string, c: Queryable = this.pool): Promise<Row | undefined> {
    return (await c.query<Row>({ name: 'get', text: 'SELECT * FROM items WHERE collection = $1 AND id = $2', values: [collection, id] })).rows[0];
  }

  async count(collection: string) {
    return (await this.pool.query<{ n: number }>('SELECT count(*) AS n FROM items WHERE collection = $1', [collection])).rows[0]!.n;
  }

  async responses(survey: string) {
    const { rows } = await this.pool.query<{ data: string }>({ name: 'responses', text: "SELECT data FROM items WHERE collection = 'responses' AND survey = $1 ORDER BY seq", values: [survey] });
    return rows.map((r) => r.data);
  }

  async moderate(id: string, change: { status?: string; pinned?: boolean }, c: Queryable = this.pool) {
    const row = await this.get('posts', id, c);
    if (!row) return undefined;
    const data = moderatedData(row, change);
    const now = new Date().toISOString();
    const { rows } = await c.query<Row>(
      `UPDATE items SET data = $1, status = $2, pinned = $3, updated = $4, moderated = $4 WHERE collection = 'posts' AND id = $5 RETURNING *`,
      [JSON.stringify(data), (data.status as string | undefined) ?? row.status, data.pinned ? 1 : 0, now, id],
    );
    await this.announce(c);
    this.changes++;
    return rows[0];
  }

  async recordVote(survey: string, device: string, response: string) {
    const hash = sha256(`${survey}:${device}`);
    await this.pool.query('INSERT INTO poll_votes (survey, device_hash, response) VALUES ($1, $2, $3) ON CONFLICT (survey, device_hash) DO NOTHING', [survey, hash, response]);
    const { rows } = await this.pool.query<{ response: string }>('SELECT response FROM poll_votes WHERE survey = $1 AND device_hash = $2', [survey, hash]);
    return rows[0]!.response === response;
  }

  async blockAuthor(key: string) {
    return this.transaction(async (c) => {
      await c.query('INSERT INTO blocked_authors (author_key, blocked) VALUES ($1, $2) ON CONFLICT DO NOTHING', [key, new Date().toISOString()]);
      const { rows } = await c.query<{ id: string }>("SELECT id FROM items WHERE collection = 'posts' AND author_key = $1 AND status != 'hidden'", [key]);
      for (const r of rows) await this.moderate(r.id, { status: 'hidden', pinned: false }, c);
      await this.announce(c);
      return rows.length;
    }).finally(() => this.changes++);
  }

  async isBlocked(key: string, c: Queryable = this.pool) {
    return (await c.query({ name: 'is-blocked', text: 'SELECT 1 FROM blocked_authors WHERE author_key = $1', values: [key] })).rows.length > 0;
  }

  async unblockAuthor(key: string) {
    return this.transaction(async (c) => {
      await c.query('DELETE FROM blocked_authors WHERE author_key = $1', [key]);
      const { rows } = await c.query<{ id: string }>("SELECT id FROM items WHERE collection = 'posts' AND author_key = $1 AND status = 'hidden' AND moderated IS NULL", [key]);
      for (const r of rows) await this.moderate(r.id, { status: 'pending' }, c);
      await this.announce(c);
      return rows.length;
    }).finally(() => this.changes++);
  }

  async logDecision(who: StaffMember, action: string, post: { id: string; chapter: string | null } | null) {
    await this.pool.query('INSERT INTO moderation_log (at, who, chapter, action, post, post_chapter) VALUES ($1, $2, $3, $4, $5, $6)', [new Date().toISOString(), who.name, who.chapter, action, post?.id ?? null, post?.chapter ?? null]);
  }

  async moderationLog({ chapter, after = 0, limit = 1000 }: { chapter?: string; after?: number; limit?: number } = {}) {
    const { rows } = await this.pool.query<ModerationEntry>(
      `SELECT id, at, who, chapter, action, post, post_chapter FROM moderation_log WHERE id > $1 AND ($2::text IS NULL OR post_chapter = $2) ORDER BY id LIMIT $3`,
      [after, chapter ?? null, limit],
    );
    return rows;
  }

  async waiting(chapter?: string) {
    const { rows } = await this.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM items WHERE collection = 'posts' AND status = 'pending' AND ($1::text IS NULL OR chapter = $1)", [chapter ?? null]);
    return rows[0]!.n;
  }

  async addPhoto(p: PhotoInfo) {
    await this.pool.query('INSERT INTO photos (id, post, type, width, height, bytes, created) VALUES ($1, $2, $3, $4, $5, $6, $7)', [p.id, p.post, p.type, p.width, p.height, p.bytes, p.created]);
  }

  async getPhoto(id: string) {
    return (await this.pool.query<PhotoInfo>('SELECT id, post, type, width, height, bytes, created FROM photos WHERE id = $1', [id])).rows[0];
  }

  async attachPhoto(id: string, post: string) {
    await this.pool.query('UPDATE photos SET post = $1 WHERE id = $2 AND post IS NULL', [post, id]);
  }

  async createToken(name: string, { chapter, days = TOKEN_DAYS }: { chapter?: string; days?: number } = {}) {
    checkTokenDays(days);
    const token = newToken();
    const now = Date.now();
    const inserted = await this.pool.query(
      'INSERT INTO tokens (name, hash, created, chapter, expires) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (name) DO NOTHING',
      [name, hashToken(token), new Date(now).toISOString(), chapter ?? null, new Date(now + days * DAY_MS).toISOString()],
    );
    if (!inserted.rowCount) throw tokenNameTaken(name);
    return token;
  }

  async revokeToken(name: string) {
    const now = new Date().toISOString();
    const { rowCount } = await this.pool.query("UPDATE tokens SET revoked = $1, name = name || ' (revoked ' || $1 || ')' WHERE name = $2 AND revoked IS NULL", [now, name]);
    return (rowCount ?? 0) > 0;
  }

  async listTokens() {
    return (await this.pool.query<TokenInfo>('SELECT name, chapter, created, expires, revoked FROM tokens ORDER BY id')).rows;
  }

  async checkToken(token: string) {
    const { rows } = await this.pool.query<StaffMember>({
      name: 'check-token',
      text: 'SELECT name, chapter FROM tokens WHERE hash = $1 AND revoked IS NULL AND expires > $2',
      values: [hashToken(token), new Date().toISOString()],
    });
    return rows[0];
  }

  async logAccess(who: StaffMember, action: string, what: string, count: number) {
    await this.pool.query('INSERT INTO access_log (at, who, chapter, action, what, count) VALUES ($1, $2, $3, $4, $5, $6)', [new Date().toISOString(), who.name, who.chapter, action, what, count]);
  }

  async accessLog({ since, after = 0, limit = 1000 }: { since?: string; after?: number; limit?: number } = {}) {
    const { rows } = await this.pool.query<AccessEntry>('SELECT id, at, who, chapter, action, what, count FROM access_log WHERE id > $1 AND at >= $2 ORDER BY id LIMIT $3', [after, since ?? '', limit]);
    return rows;
  }

  async serverKey(name: string) {
    const kept = this.keys.get(name);
    if (kept) return kept;
    await this.pool.query('INSERT INTO server_keys (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, randomBytes(32).toString('base64url')]);
    const { rows } = await this.pool.query<{ value: string }>('SELECT value FROM server_keys WHERE name = $1', [name]);
    const key = Buffer.from(rows[0]!.value, 'base64url');
    this.keys.set(name, key);
    return key;
  }

  keyring(): KeyHolder {
    return {
      serverKey: (name) => {
        const key = this.keys.get(name);
        if (!key) throw new Error(`The server key "${name}" was not read when the storage became ready.`);
        return key;
      },
    };
  }

  /**
   * One statement, so two instances taking from the same bucket at once are serialised by its row lock. Time
   * is the database's clock, which every instance shares. The address is kept only as a hash, and only while
   * its bucket is refilling.
   */
  async takeWrite(client: string, perMinute: number) {
    if (perMinute <= 0) return 0;
    const rate = perMinute / 60_000;
    const available = `LEAST($2::float8, b.tokens + GREATEST(0, excluded.at - b.at) * $3::float8)`;
    const { rows } = await this.pool.query<{ tokens: number; granted: boolean }>({
      name: 'take-write',
      text: `INSERT INTO rate_limits AS b (client, tokens, at, granted)
             VALUES ($1, $2::float8 - 1, extract(epoch FROM clock_timestamp()) * 1000, true)
             ON CONFLICT (client) DO UPDATE SET
               tokens = CASE WHEN ${available} >= 1 THEN ${available} - 1 ELSE ${available} END,
               granted = ${available} >= 1,
               at = excluded.at
             RETURNING tokens, granted`,
      values: [hashToken(client), perMinute, rate],
    });
    this.prune();
    const { tokens, granted } = rows[0]!;
    return granted ? 0 : Math.ceil((1 - tokens) / rate / 1000);
  }

  /** A bucket untouched for a minute is full again: the same as no row. */
  private prune() {
    const now = Date.now();
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    this.pool.query('DELETE FROM rate_limits WHERE at < extract(epoch FROM clock_timestamp()) * 1000 - 60000').catch(() => {});
  }

  /** See Storage.addRsvp: a lock per action, held to the commit, makes the count and the insert one step across instances. */
  async addRsvp(action: string, contactKey: string, record: { id: string; chapter?: string; created?: string }, capacity: number | undefined, receipt: object): Promise<RsvpOutcome> {
    const outcome = await this.transaction(async (c): Promise<RsvpOutcome> => {
      await c.query(`SELECT pg_advisory_xact_lock(hashtext('archipel rsvp ' || $1))`, [action]);
      const going = async () => (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM rsvps WHERE action = $1', [action])).rows[0]!.n;
      const old = (await c.query<{ receipt: string }>('SELECT receipt FROM rsvps WHERE id = $1 OR (action = $2 AND contact_key = $3)', [record.id, action, contactKey])).rows[0];
      if (old) return { receipt: old.receipt, created: false, full: false, going: await going() };
      const n = await going();
      if (capacity !== undefined && n >= capacity) return { receipt: '', created: false, full: true, going: n };
      const text = JSON.stringify(receipt);
      await c.query('INSERT INTO rsvps (id, action, contact_key, chapter, data, created, receipt) VALUES ($1, $2, $3, $4, $5, $6, $7)', [record.id, action, contactKey, record.chapter ?? null, JSON.stringify(record), record.created ?? new Date().toISOString(), text]);
      // Its count changed: a `since` read of actions lists it again, with the new count.
      await c.query("UPDATE items SET updated = $1 WHERE collection = 'actions' AND id = $2", [new Date().toISOString(), action]);
      await this.announce(c);
      return { receipt: text, created: true, full: false, going: n + 1 };
    });
    if (outcome.created) this.changes++;
    return outcome;
  }

  async rsvpCounts(actions: readonly string[]) {
    const counts = new Map<string, number>();
    if (!actions.length) return counts;
    const { rows } = await this.pool.query<{ action: string; n: number }>('SELECT action, count(*)::int AS n FROM rsvps WHERE action = ANY($1) GROUP BY action', [actions]);
    for (const r of rows) counts.set(r.action, r.n);
    return counts;
  }

  async rsvpsOf(action: string): Promise<RsvpRow[]> {
    return (await this.pool.query<RsvpRow>('SELECT id, action, chapter, data, created FROM rsvps WHERE action = $1 ORDER BY seq', [action])).rows;
  }

  async setStatus(collection: string, id: string, status: string) {
    return this.transaction(async (c) => {
      const row = await this.get(collection, id, c);
      if (!row) return undefined;
      const now = new Date().toISOString();
      const { rows } = await c.query<Row>('UPDATE items SET data = $1, status = $2, updated = $3, moderated = $3 WHERE collection = $4 AND id = $5 RETURNING *', [JSON.stringify({ ...JSON.parse(row.data), status }), status, now, collection, id]);
      await this.announce(c);
      return rows[0];
    }).finally(() => this.changes++);
  }

  async close() {
    this.closed = true;
    this.listening = false;
    await this.listener?.end().catch(() => {});
    if (!this.pool.ended) await this.pool.end();
  }
}
