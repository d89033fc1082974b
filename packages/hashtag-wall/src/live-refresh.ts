/**
 * The wall's posts, read and kept up to date: the full read (the saved copy
 * first), then a check every `refresh` seconds for posts changed since the
 * last one, with the ids the source reports removed; every tenth check reads
 * the whole list again. New posts are shown at once (fading in) when the
 * person is at the top of the wall, else held back behind "Show N new posts".
 */
import type { ReactiveController } from 'lit';
import { CollectionController, applyQuery, memo, parseCollection, postReader, type DataHost, type Post, type Query, type ReadResult } from '@archipel/core';
import { order, shows, type WallPost } from './card.js';

/** Every tenth check reads the whole list again (a 304 when nothing changed), for sources that do not say what was hidden. */
const FULL_READ_EVERY = 10;
/** `since` is the client's clock; this margin covers a server whose clock is a little ahead. */
const CLOCK_SKEW = 120_000;

/** What live refresh reads of its wall, and what it may ask of it. */
export interface LiveHost extends DataHost {
  readonly isConnected: boolean;
  /** Seconds between checks; 0 reads once. */
  readonly refresh?: number;
  /** A rally screen checks every 30 seconds unless told. */
  readonly screen: boolean;
}

/** What the wall that composes live refresh tells it, and wants to hear back. */
export interface LiveWiring {
  /** The wall's query; undefined while it shows no posts (the moderation view). */
  query(): Query | undefined;
  /** Checks wait while the wall is paused. */
  paused(): boolean;
  /** Whether the person sees the top of the wall, where new posts can appear without moving what they read. */
  atTop(): boolean;
  /** `count` new posts arrived, shown at once (`atTop`) or held back. */
  arrived(count: number, atTop: boolean): void;
}

/** Another timeline merged into the wall (Mastodon's). */
export interface MergedTimeline {
  readonly posts: readonly WallPost[];
  load(): Promise<void>;
}

/** A post a live check read, and when. */
interface LiveRow {
  post: WallPost;
  readAt: number;
}

export class LiveRefresh implements ReactiveController {
  /** The full read of the wall's posts. */
  readonly reads: CollectionController<'posts'>;
  /** The posts on the wall, in order. */
  posts: readonly WallPost[] = [];
  /** New posts not shown yet because the person is reading further down. */
  postsHeldBack: ReadonlySet<string> = new Set();
  /** New posts shown as they arrived: their cards fade in. */
  postsShownAnimated: ReadonlySet<string> = new Set();
  /** A Mastodon timeline merged in, read at each check too. */
  mastodon?: MergedTimeline;
  /** Posts read by live checks, by id: they stand over a full read answered before them. */
  private postsReadLive: ReadonlyMap<string, LiveRow> = new Map();
  /** Posts a live check reported removed: a full read may be a saved or cached copy from before they were hidden. */
  private postsRemoved: ReadonlySet<string> = new Set();
  private changedSince?: string;
  private checksSinceFullRead = 0;
  private timer?: ReturnType<typeof setTimeout>;

  /** Every post the wall may show: the full read, live rows read after it, Mastodon's; none hidden or removed. */
  private readonly postsReadable = memo((read: ReadResult<Post> | undefined, live: ReadonlyMap<string, LiveRow>, removed: ReadonlySet<string>, mastodon: readonly WallPost[] = []) => {
    const byId = new Map<string, WallPost>();
    for (const p of read?.items ?? []) byId.set(p.id, p);
    for (const { post, readAt } of live.values()) if (readAt > (read?.at ?? 0)) byId.set(post.id, post);
    for (const p of mastodon) byId.set(p.id, p);
    return [...byId.values()].filter((p) => shows(p) && !removed.has(p.id));
  });

  /** Posts a full read brought that the wall had not shown (a sheet's check, the tenth check, a source that tells its subscribers). */
  private readonly postsNew = memo((readable: readonly WallPost[], shown: readonly WallPost[], heldBack: ReadonlySet<string>, animated: ReadonlySet<string>) => {
    if (!shown.length) return [];
    const known = new Set(shown.map((p) => p.id));
    return readable.filter((p) => !known.has(p.id) && !heldBack.has(p.id) && !animated.has(p.id)).map((p) => p.id);
  });

  private readonly postsOnWall = memo((readable: readonly WallPost[], heldBack: ReadonlySet<string>) => readable.filter((p) => !heldBack.has(p.id)).sort(order));

  constructor(
    private readonly host: LiveHost,
    private readonly wiring: LiveWiring,
  ) {
    // Before the read's own controller, so a changed query still finds the last read (and its posts stay while the new one comes).
    host.addController(this);
    this.reads = new CollectionController(host, 'posts', postReader, () => wiring.query());
  }

  get refreshSeconds(): number {
    return this.host.refresh ?? (this.host.screen ? 30 : 0);
  }

  hostConnected(): void {
    this.schedule();
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  hostUpdate(): void {
    const readable = this.postsReadable(this.reads.result, this.postsReadLive, this.postsRemoved, this.mastodon?.posts);
    // Posts a full read brought arrive like live ones: shown or held back, and announced.
    this.arrive(this.postsNew(readable, this.posts, this.postsHeldBack, this.postsShownAnimated));
    this.posts = this.postsOnWall(readable, this.postsHeldBack);
  }

  /** Starts the checks again, at the pace of the moment. */
  schedule(): void {
    clearTimeout(this.timer);
    const seconds = this.refreshSeconds;
    if (seconds > 0 && this.host.isConnected) this.timer = setTimeout(() => void this.tick(), seconds * 1000);
  }

  /**
   * Adds posts read live and drops those the source reports `removed`. A post stays dropped until a live
   * check brings it back (approved again): a full read may be a saved or cached copy from before it was hidden.
   */
  merge(rows: readonly WallPost[], removed: readonly string[] = []): void {
    const shown = new Set(this.posts.map((p) => p.id));
    const readAt = Date.now();
    const fullReadAt = this.reads.result?.at ?? 0;
    const live = new Map([...this.postsReadLive].filter(([, row]) => row.readAt > fullReadAt));
    const postsRemoved = new Set(this.postsRemoved);
    const heldBack = new Set(this.postsHeldBack);
    for (const post of rows) {
      live.set(post.id, { post, readAt });
      if (shows(post)) postsRemoved.delete(post.id);
    }
    let gone = 0;
    for (const id of removed) {
      live.delete(id);
      postsRemoved.add(id);
      if (heldBack.delete(id) || shown.has(id)) gone++;
    }
    this.postsReadLive = live;
    this.postsRemoved = postsRemoved;
    this.postsHeldBack = heldBack;
    if (!rows.length && !gone) return;
    this.arrive(rows.filter((p) => shows(p) && !shown.has(p.id) && !heldBack.has(p.id)).map((p) => p.id));
    this.host.requestUpdate();
  }

  /** Shows the posts held back; they fade in. */
  showHeldBack(): void {
    this.postsShownAnimated = new Set([...this.postsShownAnimated, ...this.postsHeldBack]);
    this.postsHeldBack = new Set();
    this.host.requestUpdate();
  }

  /** New posts: shown at once when the person is at the top of the wall, else held back; announced either way. */
  private arrive(ids: readonly string[]): void {
    if (!ids.length) return;
    const atTop = this.wiring.atTop();
    if (atTop) this.postsShownAnimated = new Set([...this.postsShownAnimated, ...ids]);
    else this.postsHeldBack = new Set([...this.postsHeldBack, ...ids]);
    this.wiring.arrived(ids.length, atTop);
  }

  /** One live check: new posts since the last one (or, every tenth time, the whole list), and Mastodon. */
  private async tick(): Promise<void> {
    if (!this.wiring.paused() && !document.hidden) {
      this.checksSinceFullRead = (this.checksSinceFullRead + 1) % FULL_READ_EVERY;
      // A source that cannot filter (a sheet) answers the whole list anyway: a plain read, which keeps to its quota interval.
      if (!this.host.dataAdapter?.filters) await this.reads.load();
      else if (!this.checksSinceFullRead) await this.reads.load(true);
      else await this.readChanges();
      await this.mastodon?.load();
    }
    this.schedule();
  }

  private async readChanges(): Promise<void> {
    const adapter = this.host.dataAdapter;
    const query = this.wiring.query();
    if (!adapter || !query) return;
    const started = Date.now();
    try {
      const res = await adapter.list('posts', { ...query, since: this.changedSince }, undefined);
      const rows = parseCollection('posts', postReader, res.rows).items;
      this.changedSince = new Date(started - CLOCK_SKEW).toISOString();
      this.merge(res.filtered ? rows : applyQuery(rows, query), res.removed);
    } catch {
      // Offline or the source is busy: the wall keeps what it shows and tries at the next tick.
    }
  }
}
