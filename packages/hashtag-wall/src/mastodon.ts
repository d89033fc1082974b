/**
 * A Mastodon server's public timeline for the wall's hashtag, merged into the
 * wall. Loaded only when the `mastodon` attribute is set, and DOMPurify only
 * once there is a status to show: Mastodon sends HTML, which is cut down to
 * paragraphs, line breaks, links (through safeUrl, opening in a new tab,
 * rel="noopener nofollow ugc") and the two span classes Mastodon uses to
 * shorten long addresses.
 *
 * GET /api/v1/timelines/tag/:hashtag (Mastodon's REST API) answers an array of
 * Status objects; X-RateLimit-Remaining / X-RateLimit-Reset say how many calls
 * are left and when the count resets, and a 429 means wait until then. A server
 * with authorized fetch or sign-in-only timelines answers 401 or 422
 * ("This API requires an authenticated user"), which is explained in words.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { emit, formatDateTime, safeUrl, warnOnce, type Locale, type Words } from '@archipel/core';
import type { DOMPurify } from 'dompurify';
import type { WallPost } from './card.js';
import { mastodonWords, type MastodonKey } from './strings/mastodon.js';

/** The fields of Mastodon's Status entity the wall reads. */
export interface Status {
  id: string;
  created_at: string;
  content: string;
  url?: string | null;
  uri?: string;
  sensitive?: boolean;
  spoiler_text?: string;
  visibility?: string;
  account: { id: string; username: string; acct: string; display_name?: string; url?: string };
  media_attachments?: { type: string; url?: string | null; preview_url?: string | null; description?: string | null }[];
  tags?: { name: string }[];
  /** The status's language, as its author's app set it (ISO 639). */
  language?: string | null;
}

/** The classes Mastodon's HTML uses that mean something here; every other class is dropped. */
const CLASSES: Record<string, string[]> = { span: ['invisible', 'ellipsis'], a: ['mention', 'hashtag', 'u-url'] };
let purifier: Promise<DOMPurify> | undefined;

/** A DOMPurify instance of our own, so that our hooks never touch another script's. */
function sanitiser(): Promise<DOMPurify> {
  return (purifier ??= import('dompurify').then(({ default: make }) => {
    const purify = make(window);
    purify.addHook('afterSanitizeAttributes', (node) => {
      const el = node as Element;
      if (el.hasAttribute?.('class')) {
        const kept = [...el.classList].filter((c) => CLASSES[el.localName]?.includes(c)).join(' ');
        if (kept) el.setAttribute('class', kept);
        else el.removeAttribute('class');
      }
      if (el.localName === 'a') {
        const href = safeUrl(el.getAttribute('href'));
        if (href) el.setAttribute('href', href);
        else el.removeAttribute('href');
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener nofollow ugc');
      }
    });
    return purify;
  }));
}

/** Cleans a status's HTML into a fragment that holds only p, br, a and span. */
export async function clean(content: string): Promise<DocumentFragment> {
  const purify = await sanitiser();
  return purify.sanitize(content, {
    ALLOWED_TAGS: ['p', 'br', 'a', 'span'],
    ALLOWED_ATTR: ['href', 'rel', 'class'],
    ALLOW_DATA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
}

/** A wall post from a status; a sensitive one without its author's warning gets `cw: ''`, which the card words. */
export async function toPost(s: Status, origin: string): Promise<WallPost> {
  const html = await clean(s.content);
  const media = s.media_attachments ?? [];
  const picture = media.find((m) => m.type === 'image') ?? media.find((m) => m.preview_url);
  const moving = media.find((m) => m.type === 'video' || m.type === 'gifv');
  const name = s.account.display_name?.trim() || s.account.username;
  return {
    id: `mastodon-${s.id}`,
    author: `${name} (@${s.account.acct})`,
    text: html.textContent ?? '',
    html,
    image: safeUrl(picture?.preview_url ?? picture?.url),
    alt: picture?.description ?? undefined,
    video: safeUrl(moving?.url),
    link: safeUrl(s.url ?? s.uri),
    hashtags: s.tags?.map((t) => t.name),
    created: new Date(s.created_at).toISOString(),
    source: 'mastodon',
    origin,
    lang: /^[a-z]{2,3}$/i.test(s.language ?? '') ? s.language! : undefined,
    cw: s.sensitive || s.spoiler_text ? (s.spoiler_text ?? '') : undefined,
  };
}

type Problem = 'mastodonLocked' | 'mastodonBusy' | 'mastodonFailed' | 'mastodonNoTag';

/** What the Mastodon reader reads of its wall, and what it may ask of it. */
export interface MastodonHost extends ReactiveControllerHost, EventTarget {
  readonly hashtag: string;
  /** A rally screen leaves sensitive statuses out. */
  readonly screen: boolean;
  readonly locale: Locale;
  t(key: MastodonKey, vars?: Record<string, unknown>): string;
  learn(words: readonly Words[]): Promise<void>;
}

export class MastodonFeed implements ReactiveController {
  /** The statuses read, newest first. */
  posts: readonly WallPost[] = [];
  /** Whether the server answered with a timeline once: statuses after that arrive like live posts. */
  private answered = false;
  /** What went wrong, kept as words to look up, so that a page switching language re-words it. */
  private problem?: [Problem, Record<string, unknown>];
  private waitUntil = 0;
  private newest?: string;
  readonly base: string;
  readonly host: string;
  /** Its words, which every message it writes waits for. */
  private readonly words: Promise<void>;
  private firstRead?: Promise<void>;

  constructor(
    private readonly wall: MastodonHost,
    instance: string,
    /** Tells the wall of statuses read after the first answer. */
    private readonly arrived: (posts: WallPost[]) => void,
  ) {
    this.words = wall.learn([mastodonWords]);
    // A full URL is the API's base (tests, or a server under a path); a bare name is https://name/.
    this.base = /^https?:\/\//i.test(instance) ? instance.replace(/\/*$/, '/') : `https://${instance.trim()}/`;
    this.host = new URL(this.base).host;
    warnOnce(`unreviewed:${this.host}`, `mastodon="${instance}": posts shown unreviewed. To review them, use archipel-server collect instead.`);
    wall.addController(this);
  }

  /** The first read, once the wall is on the page; later ones come with the wall's live checks. */
  hostConnected(): void {
    this.firstRead ??= this.load();
  }

  private fail(key: Problem, vars: Record<string, unknown> = {}): void {
    const { wall } = this;
    this.problem = [key, vars];
    if (key !== 'mastodonBusy') {
      // The visitor reads a plain sentence; the reason, in the network's or the server's words, is for the webmaster.
      const said = vars.reason ? `${this.say(key, vars)} (${String(vars.reason)})` : this.say(key, vars);
      if (vars.reason) warnOnce(`mastodon:${this.base}:${String(vars.reason)}`, said);
      emit(wall, 'archipel-error', { collection: 'posts', error: new Error(said) });
    }
    wall.requestUpdate();
  }

  /** A problem in the wall's language of the moment. */
  private say(key: Problem, vars: Record<string, unknown>): string {
    const { wall } = this;
    const time = key === 'mastodonBusy' ? formatDateTime(new Date(this.waitUntil).toISOString(), wall.locale, undefined, { weekday: undefined, year: undefined, month: undefined, day: undefined }) : undefined;
    return wall.t(key, { host: this.host, tag: wall.hashtag.replace(/^#/, ''), time, ...vars });
  }

  async load(): Promise<void> {
    await this.words;
    const { wall } = this;
    const tag = wall.hashtag.replace(/^#/, '');
    if (!tag) return this.fail('mastodonNoTag');
    if (Date.now() < this.waitUntil) return;
    const url = new URL(`api/v1/timelines/tag/${encodeURIComponent(tag)}`, this.base);
    url.searchParams.set('limit', '40');
    if (this.newest) url.searchParams.set('since_id', this.newest);
    let res: Response;
    try {
      res = await fetch(url, { credentials: 'omit', headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
    } catch (e) {
      return this.fail('mastodonFailed', { reason: (e as Error).message });
    }
    const reset = Date.parse(res.headers.get('x-ratelimit-reset') ?? '');
    if (res.status === 429 || res.headers.get('x-ratelimit-remaining') === '0') this.waitUntil = Number.isNaN(reset) ? Date.now() + 300_000 : reset;
    if (res.status === 401 || res.status === 403 || res.status === 422) return this.fail('mastodonLocked');
    if (res.status === 429) return this.fail('mastodonBusy');
    let statuses: unknown;
    try {
      statuses = res.ok ? await res.json() : undefined;
    } catch {
      statuses = undefined;
    }
    if (!Array.isArray(statuses)) return this.fail('mastodonFailed', { reason: `${res.status} ${res.statusText}`.trim() });
    this.problem = undefined;
    const list = statuses as Status[];
    const added = await Promise.all(
      list.filter((s) => s && typeof s.content === 'string' && s.account && !(wall.screen && (s.sensitive || s.spoiler_text))).map((s) => toPost(s, this.base)),
    );
    if (list[0]) this.newest = list[0].id;
    const known = new Set(this.posts.map((p) => p.id));
    this.posts = [...added.filter((p) => !known.has(p.id)), ...this.posts];
    if (this.answered) this.arrived(added.filter((p) => !known.has(p.id)));
    this.answered = true;
    wall.requestUpdate();
  }

  notice(): TemplateResult | typeof nothing {
    return this.problem ? html`<p class="notice" role="status" part="status">${this.say(...this.problem)}</p>` : nothing;
  }
}
