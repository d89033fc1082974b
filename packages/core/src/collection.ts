/**
 * A widget's view of one collection: a Lit reactive controller that reads
 * through the element's adapter whenever the adapter or the query changes,
 * shows the saved copy first, and tells the page with `archipel-load` and
 * `archipel-error` events.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Adapter, Query } from './adapter.js';
import type { Collection, ReaderOf, RecordOf } from './schema-types.js';
import { cacheKey, read, type ReadResult } from './read.js';
import { warnOnce } from './warn.js';
import { emit, type LoadDetail } from './events.js';
import { describeIssue } from './issues.js';

/** What a collection controller needs of its element. */
export interface DataHost extends ReactiveControllerHost, EventTarget {
  /** The adapter to read through, if the element has one. */
  readonly dataAdapter?: Adapter;
  /** The element's words, in its language. */
  t(key: string, vars?: Record<string, unknown>): string;
  /** Tells the element of a read its content waits for (it keeps its room while the read is `waiting`). */
  waitFor?(read: { readonly waiting: boolean }): void;
}

export class CollectionController<C extends Collection> implements ReactiveController {
  result?: ReadResult<RecordOf<C>>;
  private key?: string;
  private unsubscribe?: () => void;
  private run = 0;

  constructor(
    private readonly host: DataHost,
    readonly collection: C,
    /** The collection's reader, e.g. actionReader: each widget imports only those it reads. */
    private readonly reader: ReaderOf<C>,
    /** The query to read with; undefined means "do not read (yet)". */
    private readonly query: () => Query | undefined = () => ({}),
    /** While a new query is read, show the last answer (a map's view moving over a large campaign) rather than none. */
    private readonly keepWhileReading: (next: Query) => boolean = () => false,
    /**
     * A large source's records as they are read, before the read ends (`ReadOptions.onPart`), and a first look at them
     * before that (`ReadOptions.preview`); `read` counts the reads, so that parts of a read that a newer one replaced
     * are told apart. Only the last read's parts are given.
     */
    private readonly parts: {
      onPart?: (records: RecordOf<C>[], read: number) => void;
      /** `fields`: those to look at, asked at each read; none, no first look at this one. */
      preview?: { fields: () => readonly string[] | undefined; onPart: (records: Partial<RecordOf<C>>[], done: boolean, read: number) => void };
    } = {},
  ) {
    host.addController(this);
    host.waitFor?.(this);
  }

  /** Whether a read is under way with no answer yet: none is while there is no adapter or no query. */
  get waiting(): boolean {
    return this.key !== undefined && !this.result;
  }

  get items(): RecordOf<C>[] {
    return this.result?.items ?? [];
  }

  hostUpdate(): void {
    const adapter = this.host.dataAdapter;
    const query = this.query();
    const key = adapter && query ? cacheKey(adapter, this.collection, query) : undefined;
    if (key === this.key) return;
    this.key = key;
    // A read still under way for the old key must not land.
    this.run += 1;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (!query || !this.keepWhileReading(query)) this.result = undefined;
    if (!adapter || !key) return;
    this.unsubscribe = adapter.subscribe?.(this.collection, () => void this.load(true));
    void this.load();
  }

  hostConnected(): void {
    if (this.key && !this.unsubscribe) this.unsubscribe = this.host.dataAdapter?.subscribe?.(this.collection, () => void this.load(true));
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Reads again; `force` asks the source even if the saved copy is still fresh. */
  async load(force = false): Promise<void> {
    const adapter = this.host.dataAdapter;
    const query = this.query();
    if (!adapter || !query) return;
    const run = ++this.run;
    const { onPart, preview } = this.parts;
    await read(adapter, this.collection, this.reader, query, async (r) => {
      if (run !== this.run) return;
      this.result = r;
      this.host.requestUpdate();
      if (r.error && !r.offline) {
        emit(this.host, 'archipel-error', { collection: this.collection, error: r.error });
        // The visitor reads a plain sentence; what went wrong, in the source's words, is for the webmaster.
        warnOnce(`read:${adapter.source}:${this.collection}:${r.error.message}`, `${this.collection} from ${adapter.source} could not be read: ${r.error.message}`);
      }
      // Words for the webmaster, in the page's language: the render that waits for them is done.
      await this.host.updateComplete;
      if (run !== this.run) return;
      const skipped = r.skipped.map((s) => ({ row: s.row, reason: describeIssue(s.issue, this.host.t.bind(this.host)) }));
      if (skipped.length && !r.stale) {
        warnOnce(
          `skipped:${adapter.source}:${this.collection}:${skipped.length}`,
          `${skipped.length} ${this.collection} from ${adapter.source} could not be read and are not shown:\n` + skipped.map((s) => `  row ${s.row}: ${s.reason}`).join('\n'),
        );
      }
      if (r.unknownColumns.length && !r.stale) {
        warnOnce(`columns:${adapter.source}:${this.collection}`, `${adapter.source} (${this.collection}): columns not recognised and ignored: ${r.unknownColumns.join(', ')}.`);
      }
      // The saved copy shown while the source is asked, and the one shown when it cannot be reached, come from the cache.
      if (!r.error || r.offline || r.stale) {
        const detail: LoadDetail = { collection: this.collection, source: adapter.source, count: r.items.length, skipped, fromCache: r.stale || Boolean(r.error), offline: r.offline, ...(r.failures?.length ? { failures: r.failures } : {}) };
        emit(this.host, 'archipel-load', detail);
      }
    }, {
      force,
      onPart: onPart && ((records) => run === this.run && onPart(records, run)),
      preview: preview && { fields: preview.fields(), onPart: (records, done) => run === this.run && preview.onPart(records, done, run) },
    });
  }
}
