/**
 * `archipel-server collect`: posts under the campaign's hashtags on the fediverse and beyond, read by the server
 * into its moderation queue, so that nothing a stranger writes reaches the wall (or the rally screen) before a
 * moderator approves it. Accounts the campaign trusts (its own, its chapters') are published without review.
 *
 * - Mastodon and Pixelfed: `GET /api/v1/timelines/tag/:hashtag` (Mastodon's REST API, which Pixelfed implements),
 *   an array of Status entities; public statuses only, boosts left out (the original is collected on its own).
 * - Bluesky: `GET /xrpc/app.bsky.feed.searchPosts?q=%23tag&sort=latest` on an AppView (Bluesky's public one is
 *   https://public.api.bsky.app), `{posts: PostView[]}`; only posts whose rich text tags the hashtag, so a search
 *   that matches the word elsewhere brings nothing.
 *
 * Each round reads the newest page of each hashtag (40 statuses, 50 Bluesky posts): run it every few minutes.
 * A post's id is made from its network's own id, so reading it again changes nothing, an edit replaces its text,
 * and a moderator's decision stands whatever the network says next. Text arrives as plain text (Mastodon's HTML
 * is reduced to its words, paragraphs and line breaks), so nothing from another server is ever markup here.
 * A post that carries a content warning or a moderation label waits for review even from a trusted account.
 * Only the storage interface is used: the same on SQLite and PostgreSQL.
 */
import { describeIssue, hashText, parseCollection, readers } from '@archipel/core/server';
import type { ImportedRecord, Storage } from './storage.js';

export const NETWORKS = ['mastodon', 'pixelfed', 'bluesky'] as const;
export type Network = (typeof NETWORKS)[number];

export interface SocialSource {
  network: Network;
  /** The instance or AppView: https://mastodon.social, https://pixelfed.social, https://public.api.bsky.app. */
  base: string;
}

export interface CollectOptions {
  sources: SocialSource[];
  /** Hashtags, without "#". */
  tags: string[];
  /** Accounts published without review: `@user@instance` for Mastodon and Pixelfed, `@handle.bsky.social` for Bluesky. */
  trusted?: string[];
  /** The chapter collected posts belong to, when the hashtag is a chapter's own. */
  chapter?: string;
  fetch?: typeof globalThis.fetch;
}

export interface CollectReport {
  source: string;
  tag: string;
  /** Posts read that the moderation queue did not hold yet, or held in another version. */
  read: number;
  /** Of those, published at once (trusted accounts). */
  trusted: number;
  skipped: { row: number; reason: string }[];
  error?: string;
}

/** An account as the campaign writes it in its trusted list, and as a block names it: `@user@host`, lower case. */
export const accountKey = (handle: string) => `@${handle.trim().replace(/^@/, '').toLowerCase()}`;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Mastodon's HTML as plain text: paragraphs as blank lines, line breaks kept, every tag dropped, entities decoded. */
export function htmlToText(markup: string): string {
  return markup
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .trim();
}

/** The fields of Mastodon's (and Pixelfed's) Status entity read here. */
interface Status {
  id: string;
  uri: string;
  url?: string | null;
  created_at: string;
  content: string;
  visibility?: string;
  sensitive?: boolean;
  spoiler_text?: string;
  reblog?: unknown;
  language?: string | null;
  account: { acct: string; username: string; display_name?: string };
  media_attachments?: { type: string; url?: string | null; description?: string | null }[];
}

/** The fields of Bluesky's PostView read here. */
interface PostView {
  uri: string;
  indexedAt?: string;
  author: { handle: string; displayName?: string; labels?: { val: string }[] };
  record: { text?: string; createdAt?: string; facets?: { features?: { $type?: string; tag?: string }[] }[]; tags?: string[] };
  embed?: { $type?: string; images?: { fullsize?: string; alt?: string }[] };
  labels?: { val: string }[];
}

type Collected = ImportedRecord & Record<string, unknown>;

function fromStatus(network: Network, base: URL, s: Status, tag: string): Collected | undefined {
  if (s.reblog || (s.visibility && s.visibility !== 'public')) return undefined;
  const acct = s.account.acct.includes('@') ? s.account.acct : `${s.account.acct}@${base.host}`;
  const image = s.media_attachments?.find((m) => m.type === 'image' && m.url);
  return {
    id: `${network}-${hashText(s.uri)}`,
    author: (s.account.display_name || s.account.username).slice(0, 120),
    account: accountKey(acct),
    text: [s.spoiler_text, htmlToText(s.content)].filter(Boolean).join('\n\n').slice(0, 4000),
    ...(image ? { image: image.url!, ...(image.description ? { alt: image.description.slice(0, 1000) } : {}) } : {}),
    link: s.url || s.uri,
    hashtags: [tag],
    created: new Date(s.created_at).toISOString(),
    source: network,
    warned: Boolean(s.sensitive || s.spoiler_text),
  };
}

function fromBluesky(p: PostView, tag: string): Collected | undefined {
  const tags = [...(p.record.tags ?? []), ...(p.record.facets ?? []).flatMap((f) => (f.features ?? []).filter((x) => x.$type === 'app.bsky.richtext.facet#tag').map((x) => x.tag ?? ''))];
  if (!tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return undefined;
  const rkey = p.uri.split('/').pop()!;
  const image = p.embed?.$type === 'app.bsky.embed.images#view' ? p.embed.images?.find((i) => i.fullsize) : undefined;
  return {
    id: `bluesky-${hashText(p.uri)}`,
    author: (p.author.displayName || p.author.handle).slice(0, 120),
    account: accountKey(p.author.handle),
    text: (p.record.text ?? '').slice(0, 4000),
    ...(image ? { image: image.fullsize!, ...(image.alt ? { alt: image.alt.slice(0, 1000) } : {}) } : {}),
    link: `https://bsky.app/profile/${p.author.handle}/post/${rkey}`,
    hashtags: [tag],
    created: new Date(p.record.createdAt ?? p.indexedAt ?? Date.now()).toISOString(),
    source: 'bluesky',
    warned: Boolean(p.labels?.length || p.author.labels?.some((l) => l.val.startsWith('!'))),
  };
}

function requestOf(source: SocialSource, tag: string): URL {
  const base = new URL(source.base.endsWith('/') ? source.base : `${source.base}/`);
  if (source.network === 'bluesky') return new URL(`xrpc/app.bsky.feed.searchPosts?q=${encodeURIComponent(`#${tag}`)}&sort=latest&limit=50`, base);
  return new URL(`api/v1/timelines/tag/${encodeURIComponent(tag)}?limit=40`, base);
}

/** Why a network did not answer, in words a person running the server can act on. */
function refusal(response: Response, url: URL): string {
  if (response.status === 429) return `${url.host} asked to slow down (429); collect less often.`;
  if (response.status === 401 || response.status === 403 || response.status === 422) return `${url.host} answers only signed-in requests here (${response.status}); choose another instance, or ask its administrators to open public timelines.`;
  return `${url.host} answered ${response.status} ${response.statusText}.`;
}

/** Reads each source's newest posts under each hashtag into the moderation queue. */
export async function collect(storage: Storage, o: CollectOptions): Promise<CollectReport[]> {
  const fetch = o.fetch ?? globalThis.fetch;
  const trusted = new Set((o.trusted ?? []).map(accountKey));
  const reports: CollectReport[] = [];
  for (const source of o.sources) {
    for (const tag of o.tags.map((t) => t.replace(/^#/, ''))) {
      const url = requestOf(source, tag);
      const report: CollectReport = { source: `${source.network} ${url.origin}`, tag, read: 0, trusted: 0, skipped: [] };
      reports.push(report);
      try {
        const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(20_000) });
        if (!response.ok) throw new Error(refusal(response, url));
        const body = (await response.json()) as unknown;
        const list = source.network === 'bluesky' ? (body as { posts?: unknown }).posts : body;
        if (!Array.isArray(list)) throw new Error(`${url.host} did not answer a list of posts; is ${source.base} a ${source.network} server?`);
        const posts = list
          .map((item) => {
            try {
              return source.network === 'bluesky' ? fromBluesky(item as PostView, tag) : fromStatus(source.network, url, item as Status, tag);
            } catch {
              // Kept for the schema to refuse with a row number: a post missing what every post has.
              return { id: '', author: '' } as Collected;
            }
          })
          .filter((p): p is Collected => Boolean(p));
        const parsed = parseCollection('posts', readers.posts, posts.map(({ warned: _w, ...p }) => p));
        report.skipped = parsed.skipped.map((s) => ({ row: s.row, reason: describeIssue(s.issue) }));
        const warned = new Set(posts.filter((p) => p.warned).map((p) => p.id));
        const records = (parsed.items as Collected[]).map((p) => {
          const publish = trusted.has(p.account as string) && !warned.has(p.id);
          if (publish) report.trusted++;
          return { ...p, status: publish ? 'approved' : 'pending', ...(o.chapter ? { chapter: o.chapter } : {}) };
        });
        report.read = records.length;
        await storage.upsert('posts', records);
      } catch (error) {
        report.error = error instanceof Error ? error.message : String(error);
      }
    }
  }
  return reports;
}

export function describeCollect(r: CollectReport): string {
  if (r.error) return `${r.source} #${r.tag}: not read (${r.error}); what it brought before stays.`;
  const skipped = r.skipped.length ? `, ${r.skipped.length} skipped${r.skipped.map((s) => `\n  post ${s.row}: ${s.reason}`).join('')}` : '';
  return `${r.source} #${r.tag}: ${r.read} read, ${r.trusted} from trusted accounts published, the rest waiting for moderation${skipped}.`;
}
