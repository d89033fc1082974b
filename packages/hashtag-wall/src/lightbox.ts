/**
 * One post, large, in a modal dialog: loaded the first time a post is opened.
 * Arrow keys move between posts, Escape closes, Tab stays inside, and focus
 * goes back to the post's card (brought back into the feed if it had left).
 */
import { html, type CSSResult, type TemplateResult } from 'lit';
import type { Words } from '@archipel/core';
import { postBody, type CardHost, type CardView, type WallPost } from './card.js';
import { lightboxStyles } from './lightbox.styles.js';

/** What the lightbox reads of its wall: its words, its shadow root, and where its styles go. */
export interface LightboxHost extends CardHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  learn(words: readonly Words[], styles?: CSSResult): Promise<void>;
}

/** The feed whose post the lightbox shows, and what the lightbox may ask of it. */
export interface LightboxFeed extends CardView {
  readonly posts: readonly WallPost[];
  /** The index of the post shown. */
  readonly openedAt: number;
  open(i: number): Promise<void>;
  /** The dialog closed: focus goes back to the post's card. */
  close(): void;
  /** Shows what a play, photo or warning button hid, and moves focus into `within`. */
  reveal(key: string, within: () => Element | null | undefined): Promise<void>;
}

export function lightbox(host: LightboxHost, feed: LightboxFeed): TemplateResult {
  void host.learn([], lightboxStyles);
  const i = feed.openedAt;
  const p = feed.posts[i]!;
  const n = feed.posts.length;
  const dialog = (e: Event) => e.currentTarget as HTMLDialogElement;
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      void feed.open((i + (e.key === 'ArrowRight' ? 1 : n - 1)) % n);
    } else if (e.key === 'Tab') {
      // The page behind is inert; Tab cycles inside the dialog rather than escaping to the browser's bar.
      const all = [...dialog(e).querySelectorAll<HTMLElement>('button, a[href], iframe, video')];
      const at = all.indexOf(host.renderRoot instanceof ShadowRoot ? (host.renderRoot.activeElement as HTMLElement) : all[0]!);
      const to = e.shiftKey ? (at <= 0 ? all.length - 1 : -1) : at === all.length - 1 ? 0 : -1;
      if (to >= 0) {
        e.preventDefault();
        all[to]!.focus();
      }
    }
  };
  const click = (e: Event) => {
    const t = e.target as HTMLElement;
    const go = t.closest<HTMLElement>('[data-go]')?.dataset.go;
    const play = t.closest<HTMLElement>('[data-play]')?.dataset.play;
    if (t === e.currentTarget || t.closest('[data-close]')) dialog(e).close();
    else if (go) void feed.open((i + Number(go) + n) % n);
    else if (play) void feed.reveal(play, () => host.renderRoot.querySelector('dialog article.big'));
  };
  return html`<dialog part="lightbox" aria-labelledby=${`a-${p.id}-big`} @close=${() => feed.close()} @keydown=${keys} @click=${click}>
    <div class="bar">
      <span>${host.t('position', { n: i + 1, total: n })}</span>
      ${n > 1 ? html`<button type="button" data-go="-1">${host.t('prev')}</button><button type="button" data-go="1">${host.t('next')}</button>` : ''}
      <button type="button" data-close autofocus>${host.t('close')}</button>
    </div>
    <article class="big">${postBody(host, feed, p, true)}</article>
  </dialog>`;
}
