/**
 * The staff view: the queue of posts waiting for review, and the approved and
 * hidden ones, with approve, hide, pin, unpin and block-author. Loaded only
 * when `moderate` is set. Staff reads go straight to the source, never through
 * the device's cache: a shared computer must not keep unpublished posts.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { asAdapterError, parseCollection, StaffSignIn, postReader, type ArchipelElement, type ModerationAction, type StaffKey } from '@archipel/core';
import { order, postBody, type CardKey, type CardView, type WallPost } from './card.js';
import { moderationWords, type ModerationKey } from './strings/moderation.js';
import { panelStyles } from './panel.styles.js';

const TABS = [
  ['pending', 'modPending'],
  ['approved', 'modApproved'],
  ['hidden', 'modHidden'],
] as const;

const DONE: Record<ModerationAction, ModerationKey> = {
  approve: 'doneApprove',
  hide: 'doneHide',
  pin: 'donePin',
  unpin: 'doneUnpin',
  'block-author': 'doneBlock',
  'unblock-author': 'doneUnblock',
};

/**
 * What the moderation view reads of its wall, and what it may ask of it: an element that speaks the view's
 * words and holds the staff token, as core's StaffSignIn needs.
 */
export type ModerationHost = ArchipelElement<ModerationKey | StaffKey | CardKey> & { token?: string };

export class ModerationView implements ReactiveController, CardView {
  /** Videos and hidden content in the queue that staff asked to see. */
  readonly revealed = new Set<string>();
  private status: (typeof TABS)[number][0] = 'pending';
  private items: WallPost[] = [];
  private loading = false;
  private error?: string;
  /** The source refused the token: the sign-in shows again. */
  private refused = false;
  private note = '';
  private confirming?: string;
  /** How many posts wait for review, when the source can tell. */
  private waiting?: number;
  private readonly signIn: StaffSignIn;
  /** Its words, which every message it writes waits for. */
  private readonly words: Promise<void>;
  private firstRead?: Promise<void>;

  constructor(
    private readonly host: ModerationHost,
    readonly chapterName: (id: string) => string | undefined,
  ) {
    this.words = host.learn([moderationWords], panelStyles);
    this.signIn = new StaffSignIn(host, () => void this.load(), '#mod-title');
    host.addController(this);
  }

  /** The first read, once the view is on the page; later ones follow the token, the tabs and staff's actions. */
  hostConnected(): void {
    this.firstRead ??= this.load();
  }

  async load(): Promise<void> {
    await this.words;
    const { host } = this;
    const adapter = host.dataAdapter;
    if (!adapter || !host.token) return host.requestUpdate();
    this.loading = true;
    host.requestUpdate();
    try {
      // The count of what waits is read beside the list; a source that cannot tell shows none.
      const [res, waiting] = await Promise.all([adapter.moderationQueue!({ token: host.token }, [this.status]), adapter.waiting?.({ token: host.token }).catch(() => undefined)]);
      this.items = parseCollection('posts', postReader, res.rows).items.sort(order);
      this.waiting = waiting;
      this.error = undefined;
      this.refused = false;
    } catch (e) {
      const error = asAdapterError(e);
      this.refused = error.kind === 'unauthorized';
      this.error = this.refused ? host.t('modUnauthorized') : error.message;
      host.emit('archipel-error', { collection: 'posts', error });
    }
    this.loading = false;
    host.requestUpdate();
    await this.signIn.settled(this.refused);
  }

  private async act(p: WallPost, action: ModerationAction): Promise<void> {
    const { host } = this;
    if (action === 'block-author' && this.confirming !== p.id) {
      this.confirming = p.id;
      return host.requestUpdate();
    }
    this.confirming = undefined;
    let note: string;
    try {
      await host.dataAdapter!.moderate!(p.id, action, { token: host.token! });
      note = host.t(DONE[action], { author: p.author });
    } catch (e) {
      note = host.t('actionFailed', { reason: asAdapterError(e).message });
    }
    const at = this.items.findIndex((x) => x.id === p.id);
    // Said once the list shows the result, so what is announced is what is on screen.
    await this.load();
    this.note = note;
    host.requestUpdate();
    await host.updateComplete;
    // The post may have left this list with the focused button: focus moves to the next post's
    // first action (or the one before, at the end), else to the words saying what was done.
    const cards = [...host.renderRoot.querySelectorAll<HTMLElement>('.queue li')];
    const next = cards[Math.min(Math.max(at, 0), cards.length - 1)]?.querySelector<HTMLElement>('.actions button');
    const status = host.renderRoot.querySelector<HTMLElement>('[role=status]');
    if (next) next.focus({ preventScroll: true });
    else if (status) {
      status.tabIndex = -1;
      status.focus({ preventScroll: true });
    }
  }

  /** Approves or hides every post the list shows, in one request: all or none. */
  private async actOnAll(action: 'approve' | 'hide'): Promise<void> {
    const { host } = this;
    const ids = this.items.map((p) => p.id);
    let note: string;
    try {
      const { waiting } = await host.dataAdapter!.moderateMany!(ids, action, { token: host.token! });
      note = host.t(action === 'approve' ? 'doneApproveAll' : 'doneHideAll', { count: ids.length, waiting });
    } catch (e) {
      note = host.t('actionFailed', { reason: asAdapterError(e).message });
    }
    await this.load();
    this.note = note;
    host.requestUpdate();
  }

  /** A video in the queue plays only when asked, as on the wall. */
  private play = (e: Event) => {
    const play = (e.target as HTMLElement).closest<HTMLElement>('[data-play]')?.dataset.play;
    if (play) {
      this.revealed.add(play);
      this.host.requestUpdate();
    }
  };

  private tab(status: (typeof TABS)[number][0]): void {
    this.status = status;
    this.note = '';
    void this.load();
  }

  render(): TemplateResult {
    const { host } = this;
    const buttons = (p: WallPost) => {
      const list: [ModerationAction, string][] = [];
      if (p.status !== 'approved') list.push(['approve', host.t('approve')]);
      if (p.status !== 'hidden') list.push(['hide', host.t('hide')]);
      if (p.status === 'approved') list.push(p.pinned ? ['unpin', host.t('unpin')] : ['pin', host.t('pin')]);
      list.push(['block-author', host.t(this.confirming === p.id ? 'blockConfirm' : 'block', { author: p.author })]);
      if (p.status === 'hidden') list.push(['unblock-author', host.t('unblock', { author: p.author })]);
      return list.map(([a, label]) => html`<button type="button" class=${a} @click=${() => this.act(p, a)}>${label}</button>`);
    };
    return html`<div part="moderation" class="moderation">
      <header part="header">
        ${staticHtml`<${host.heading()} id="mod-title">${host.t('modTitle')}</${host.heading()}>`}
        ${host.token && !this.refused && !this.signIn.checking
          ? html`<div class="tabs">${TABS.map(([s, k]) => html`<button type="button" aria-pressed=${String(this.status === s)} @click=${() => this.tab(s)}>${host.t(k)}</button>`)}</div>
              <button type="button" @click=${() => this.load()}>${host.t('modReload')}</button>`
          : nothing}
      </header>
      <p role="status" class=${this.note ? 'notice' : ''}>${this.note}</p>
      ${!host.dataAdapter
        ? html`<p class="notice" data-tone="error" role="alert" part="status">${host.t('noSource')}</p>`
        : !host.token || this.refused || this.signIn.checking
          ? html`${this.refused && !this.signIn.checking
                ? html`<p class="notice" data-tone="error" role="alert" part="status">${this.error}</p>`
                : html`<p class="notice" part="status">${host.t('modNoToken')}</p>`}
              ${this.signIn.render()}`
          : this.error
          ? html`<p class="notice" data-tone="error" role="alert" part="status">${this.error}</p>`
          : this.loading && !this.items.length
            ? html`<p class="notice" role="status" part="status">${host.t('loading')}</p>`
            : html`<p>${this.items.length ? host.t('modCount', { count: this.items.length }) : host.t('modEmpty')}</p>
                ${this.waiting !== undefined ? html`<p class="waiting">${host.t('modWaiting', { count: this.waiting })}</p>` : nothing}
                ${this.items.length > 1 && host.dataAdapter.moderateMany && this.status !== 'hidden'
                  ? html`<div class="bulk">
                      ${this.status === 'pending' ? html`<button type="button" class="approve-all" @click=${() => this.actOnAll('approve')}>${host.t('approveAll')}</button>` : nothing}
                      <button type="button" class="hide-all" @click=${() => this.actOnAll('hide')}>${host.t('hideAll')}</button>
                    </div>`
                  : nothing}
                <ul class="queue" aria-busy=${String(this.loading)} @click=${this.play}>
                  ${this.items.map((p) => html`<li><article part="card" class=${p.pinned ? 'pinned' : ''} aria-labelledby=${`a-${p.id}-big`}>${postBody(host, this, p, true)}<div class="actions">${buttons(p)}</div></article></li>`)}
                </ul>`}
    </div>`;
  }
}
