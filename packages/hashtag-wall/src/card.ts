/**
 * What a post looks like, on the wall, in the lightbox and in the moderation
 * queue. Everything from the post is text or passes through safeUrl; the only
 * markup from a source is Mastodon's, already sanitised into a fragment.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDateTime, formatRelative, safeUrl, hostOf, translated, type Adapter, type Locale, type Post } from '@archipel/core';
import { videoOf } from './video.js';
import type { WallKey } from './strings/hashtag-wall.js';
import type { MastodonKey } from './strings/mastodon.js';

/** A post as the wall holds it: Mastodon's carry their sanitised HTML, image description and content warning (`''` for a sensitive status without one, worded by the card). */
export type WallPost = Post & { html?: DocumentFragment; alt?: string; cw?: string };

/** Approved posts, and posts without a status (a curated JSON file), are the only ones a visitor may see. */
export const shows = (p: Post) => !p.status || p.status === 'approved';

/** Pinned first, then newest first. */
export const order = (a: Post, b: Post) => Number(Boolean(b.pinned)) - Number(Boolean(a.pinned)) || (a.created < b.created ? 1 : a.created > b.created ? -1 : 0);

/** "saint-etienne" → "Saint Etienne": a readable chapter name when only its id is known. */
const chapterLabel = (id: string) => id.replace(/[-_.]+/g, ' ').replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());

/** The words a card says; Mastodon's are there whenever one of its statuses is. */
export type CardKey = WallKey | MastodonKey;

/** The networks whose photos load by themselves: the wall's own Mastodon reader, and the server's collector. */
const NETWORKS = ['mastodon', 'pixelfed', 'bluesky'];

/**
 * A photo a supporter uploaded to the reference server is kept 400, 800 and 1600 pixels wide (`/api/photos/{id}/400`):
 * the browser picks the one its column needs at the screen's density, where the address alone gives the largest.
 */
const sizesOf = (image: string) => (/\/photos\/[\da-f-]{36}$/.test(image) ? [400, 800, 1600].map((w) => `${image}/${w} ${w}w`).join() : undefined);

/** What a card reads of its wall: its words, and the source its relative picture addresses belong to. */
export interface CardHost {
  readonly locale: Locale;
  readonly dataAdapter?: Adapter;
  t(key: CardKey, vars?: Record<string, unknown>): string;
}

/** What a card reads of the view that shows it (the feed, the lightbox, the moderation queue). */
export interface CardView {
  /** What the person asked to see: a video (its post's id), a photo from elsewhere (`img:` id), a post behind its warning (`cw:` id). */
  readonly revealed: ReadonlySet<string>;
  /** A chapter's name when the wall knows it (its hub's chapter). */
  chapterName(id: string): string | undefined;
}

/** The inside of a card; `big` in the lightbox and the moderation queue, where the text is never clamped. */
export function postBody(host: CardHost, view: CardView, p: WallPost, big = false): TemplateResult {
  const base = p.origin ?? host.dataAdapter?.source;
  const image = safeUrl(p.image, base && /^https?:/.test(base) ? base : undefined);
  const video = videoOf(p.video);
  const link = safeUrl(p.link ?? (p.video && !video ? p.video : undefined));
  const chapter = p.chapter && (view.chapterName(p.chapter) ?? chapterLabel(p.chapter));
  // A photo from the page's own site or the data source loads by itself, and so do those of the networks
  // the campaign reads (Mastodon, Pixelfed, Bluesky: the webmaster chose them); one from any other host
  // would tell that host about every visitor, so, like a video, it waits for a click.
  const trusted = image && (NETWORKS.includes(p.source!) || [location.origin, base && new URL(base, location.href).origin].includes(new URL(image).origin));
  const img = !image
    ? nothing
    : trusted || view.revealed.has(`img:${p.id}`)
      ? html`<img src=${image} srcset=${sizesOf(image) ?? nothing} sizes="auto, 100vw" alt=${p.alt ?? host.t('photoBy', { author: p.author })} loading="lazy" decoding="async" width="400" height="300" @error=${failed} />`
      : html`<button type="button" class="reveal" data-play=${`img:${p.id}`}>${host.t('showImage', { host: hostOf(image) })}</button>`;
  let media: unknown = img === nothing ? nothing : html`<div class="media">${img}</div>`;
  if (video) {
    media = view.revealed.has(p.id)
      ? html`<div class="media video">${video.kind === 'file'
          ? html`<video src=${video.src} controls autoplay playsinline></video>`
          : html`<iframe src=${video.src} title=${`${video.platform} · ${p.author}`} allow="autoplay; fullscreen; picture-in-picture" allowfullscreen></iframe>`}</div>`
      : html`<div class="media video">
          ${img === nothing ? html`<span class="platform" aria-hidden="true">${video.platform}</span>` : img}
          <button type="button" class="play" data-play=${p.id}><span aria-hidden="true">▶</span> ${host.t('play')}</button>
          <small>${host.t('videoNote', { platform: video.platform, host: video.host })}</small>
        </div>`;
  }
  const shown = translated(p, 'text', host.locale);
  const words = p.html ? p.html.cloneNode(true) : shown.text;
  return html`<header>
      <p class="who" id=${`a-${p.id}${big ? '-big' : ''}`} dir="auto"><b>${p.author}</b>${chapter ? html`&nbsp;<span>· ${chapter}</span>` : nothing}</p>
      <time datetime=${p.created} title=${formatDateTime(p.created, host.locale)}>${formatRelative(p.created, host.locale)}</time>
      ${p.pinned ? html`<span class="pin">${host.t('pinned')}</span>` : nothing}
    </header>
    ${p.cw !== undefined && !view.revealed.has(`cw:${p.id}`)
      ? html`<p class="cw">${p.cw || host.t('sensitive')} <button type="button" data-play=${`cw:${p.id}`}>${host.t('showCw')}</button></p>`
      : html`${media}${words ? html`<div class=${big ? 'text' : 'text clamp'} dir="auto" lang=${shown.lang ?? nothing}>${words}</div>` : nothing}`}
    ${link ? html`<a class="link" href=${link} target="_blank" rel="noopener nofollow ugc">${hostOf(link)} <span class="visually-hidden">${host.t('newTab')}</span></a>` : nothing}`;
}

/**
 * After a play, photo or content-warning button is replaced by what it hid, focus goes there rather than
 * to the page (WCAG 2.4.3): the player, else the photo or the text, made focusable.
 */
export function focusRevealed(card: Element | null | undefined): void {
  const target = card?.querySelector<HTMLElement>('iframe, video') ?? card?.querySelector<HTMLElement>('.media img, .text');
  if (!target) return;
  if (!target.matches('iframe, video')) target.tabIndex = -1;
  target.focus();
}

/** A picture that does not load leaves a plain box rather than a broken-image icon. */
function failed(e: Event) {
  (e.target as HTMLElement).parentElement?.classList.add('broken');
}
