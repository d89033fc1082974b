/**
 * The rally screen's own parts, loaded only when a wall is a screen (`screen`): a wall that fills the window
 * at any size without scrolling (two rows of cards, the call to post always in sight), a full-screen button,
 * a QR code to the share form, and a screen kept awake while the page is visible.
 *
 * The layout of the wall, its feed and its call to post on a screen is in the wall's own styles, so that the first
 * page of cards is laid out once, in its final columns. The QR code is drawn here as SVG from `uqr`'s matrix
 * (error correction M, so a code filmed on a projector across a hall still reads), black on a white quiet zone
 * whatever the wall's colours.
 */
import { css, html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { encode } from 'uqr';
import { warnOnce, type Words } from '@archipel/core';
import { rallyWords, type RallyKey } from './strings/rally.js';

/** What the rally screen needs of its wall. */
export interface RallyHost extends HTMLElement {
  screen: boolean;
  shareUrl?: string;
  readonly hashtag: string;
  readonly mastodon?: string;
  renderRoot: HTMLElement | DocumentFragment;
  addController(controller: ReactiveController): void;
  requestUpdate(): void;
  learn(words: readonly Words[], styles?: ReturnType<typeof css>): Promise<void>;
  t(key: RallyKey, vars?: Record<string, unknown>): string;
}

/** The address a QR code opens: the `share-url` as written, with `https://` when it names no scheme. */
export function shareHref(shareUrl: string): string | undefined {
  const written = shareUrl.trim();
  if (!written) return undefined;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:/i.test(written) ? written : `https://${written}`).href;
  } catch {
    return undefined;
  }
}

/** The dark modules of a QR code as one SVG path, a square of `size` modules with a quiet zone of four. */
export function qrPath(text: string): { size: number; d: string } {
  const qr = encode(text, { ecc: 'M', border: 4 });
  let d = '';
  qr.data.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (row[x + run]) run++;
      d += `M${x} ${y}h${run}v1h-${run}z`;
      x += run - 1;
    }
  });
  return { size: qr.size, d };
}

const rallyStyles = css`
  :host([screen]) article {
    display: flex;
    flex-direction: column;
    min-height: 0;
  }
  :host([screen]) .media {
    flex: 1 1 0;
    min-height: 4rem;
    aspect-ratio: auto;
  }
  :host([screen]) .clamp {
    -webkit-line-clamp: 4;
  }
  :host([screen]) .pager {
    margin: 1vh 0 0;
  }
  .qr {
    flex: none;
    width: clamp(5rem, 16vh, 12rem);
    height: auto;
  }
  @media (forced-colors: active) {
    .qr {
      forced-color-adjust: none;
    }
  }
`;

export class RallyScreen implements ReactiveController {
  private lock?: WakeLockSentinel;
  private waking?: Promise<void>;
  private qr?: { href: string; size: number; d: string };

  constructor(private readonly host: RallyHost) {
    host.addController(this);
    void host.learn([rallyWords], rallyStyles);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.wake);
    document.addEventListener('fullscreenchange', this.changed);
    void this.wake();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.wake);
    document.removeEventListener('fullscreenchange', this.changed);
    void this.release();
  }

  hostUpdated(): void {
    if (this.host.screen) void this.wake();
    else void this.release();
    const { mastodon, hashtag, screen } = this.host;
    if (mastodon && screen) {
      warnOnce('mastodon-screen', `A rally screen shows reviewed posts only, so it leaves out what mastodon="${mastodon}" reads. Let the Archipel server collect them into the moderation queue: archipel-server collect --tag ${hashtag || 'YourTag'} --mastodon https://${mastodon.replace(/^https?:\/\//, '')}`);
    }
  }

  /** Whether the screen is kept awake now. */
  get awake(): boolean {
    return Boolean(this.lock && !this.lock.released);
  }

  /**
   * Asks the browser to keep the screen on. A lock ends whenever the page is hidden, so it is asked again each
   * time the page shows. A browser that refuses (battery saver, no permission) leaves the screen to its settings.
   */
  private readonly wake = (): Promise<void> => {
    if (!this.host.screen || !this.host.isConnected || document.visibilityState !== 'visible' || this.awake || !navigator.wakeLock) return Promise.resolve();
    return (this.waking ??= navigator.wakeLock
      .request('screen')
      .then((lock) => {
        this.lock = lock;
        if (!this.host.screen || !this.host.isConnected) void this.release();
      })
      .catch(() => undefined)
      .finally(() => (this.waking = undefined)));
  };

  private async release(): Promise<void> {
    const lock = this.lock;
    this.lock = undefined;
    await lock?.release().catch(() => undefined);
  }

  private readonly changed = (): void => this.host.requestUpdate();

  private readonly toggleFullscreen = (): void => {
    if (document.fullscreenElement === this.host) void document.exitFullscreen();
    else void this.host.requestFullscreen?.().catch(() => undefined);
  };

  /** The full-screen button, where the browser allows full screen. */
  button(): TemplateResult | typeof nothing {
    if (!document.fullscreenEnabled) return nothing;
    const full = document.fullscreenElement === this.host;
    return html`<button type="button" part="fullscreen" aria-pressed=${String(full)} @click=${this.toggleFullscreen}>${this.host.t('fullscreen')}</button>`;
  }

  /** The QR code to the share form, or nothing without a `share-url`. */
  code(): TemplateResult | typeof nothing {
    const href = shareHref(this.host.shareUrl ?? '');
    if (!href) return nothing;
    if (this.qr?.href !== href) this.qr = { href, ...qrPath(href) };
    const { size, d } = this.qr;
    return html`<svg class="qr" part="qr" role="img" aria-label=${this.host.t('qr', { url: this.host.shareUrl })} viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width=${size} height=${size} fill="#fff"></rect><path d=${d} fill="#000"></path></svg>`;
  }
}
