/**
 * A supporter's own data, opened by their private link (`#archipel-me=<secret>` after the page's address, given
 * on the thank-you step): what the campaign holds about them, a copy to download, and the choice to withdraw a
 * consent or to have everything erased. The secret stays in the address's fragment, which browsers never send to a
 * server, and travels only in the body of a request to the source. Loaded only when such a link is opened.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import { asAdapterError, formatDateTime, safeUrl, type Adapter, type Locale, type PersonalData } from '@archipel/core';

/** What the view needs of its form. */
export interface MyDataHost extends ReactiveControllerHost {
  readonly dataAdapter?: Adapter;
  readonly locale: Locale;
  readonly renderRoot: HTMLElement | DocumentFragment;
  t(key: string, vars?: Record<string, unknown>): string;
  /** The tag of a heading `depth` levels below the form's first. */
  heading(depth?: number): StaticValue;
  /** The share link carrying this share code. */
  shareLinkFor(code: string): string;
  /** Where the person is invited next (the survey, the map), if the page says. */
  readonly nextUrl?: string;
}

type State = { kind: 'loading' } | { kind: 'shown'; data: PersonalData } | { kind: 'erased' } | { kind: 'refused'; reason: string } | { kind: 'unsupported' };

/** The fields of a sign-up a person reads, in the order the form asks them. */
const FIELDS = ['name', 'email', 'phone', 'postcode', 'chapter', 'interests', 'message'] as const;

export class MyData implements ReactiveController {
  private state: State = { kind: 'loading' };
  private confirming = false;
  private said = '';

  constructor(
    private readonly host: MyDataHost,
    private readonly secret: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    const adapter = this.host.dataAdapter;
    if (!adapter?.mine) return this.set({ kind: 'unsupported' });
    try {
      this.set({ kind: 'shown', data: await adapter.mine(this.secret) });
    } catch (e) {
      this.set({ kind: 'refused', reason: asAdapterError(e).message });
    }
  }

  private set(state: State): void {
    this.state = state;
    this.host.requestUpdate();
  }

  private async withdraw(purpose: string): Promise<void> {
    await this.host.dataAdapter!.forgetMe!(this.secret, purpose);
    this.said = this.host.t('withdrawn');
    await this.load();
  }

  private async erase(): Promise<void> {
    if (!this.confirming) {
      this.confirming = true;
      return this.host.requestUpdate();
    }
    await this.host.dataAdapter!.forgetMe!(this.secret);
    // The link opens nothing any more: it leaves the address, so a reload shows the form.
    history.replaceState(history.state, '', location.href.split('#')[0]);
    this.set({ kind: 'erased' });
  }

  private download(data: PersonalData): void {
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: 'my-data.json' });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  render(): TemplateResult {
    const { t } = { t: this.host.t.bind(this.host) };
    const s = this.state;
    const body =
      s.kind === 'loading'
        ? html`<p class="notice" role="status" aria-busy="true">${t('loading')}</p>`
        : s.kind === 'erased'
          ? html`<p class="notice" role="status">${t('erased')}</p>`
          : s.kind === 'unsupported'
            ? html`<p class="notice" role="alert">${t('noPrivateLinks')}</p>`
            : s.kind === 'refused'
              ? html`<p class="notice" data-tone="error" role="alert">${t('wrongLink')}</p>`
              : this.renderData(s.data);
    return html`<section part="my-data" aria-labelledby="my-data-h">
      ${staticHtml`<${this.host.heading()} id="my-data-h" part="heading" tabindex="-1">${t('myDataHeading')}</${this.host.heading()}>`}
      ${body}
      <p class="visually-hidden" role="status">${this.said}</p>
    </section>`;
  }

  /**
   * The relational loop: how many joined through the person's share link, the link again, and a next step. Only a
   * count: who joined is theirs to say.
   */
  private renderCircle(data: PersonalData): TemplateResult | typeof nothing {
    const code = (data.signups as { ref?: unknown }[]).map((s) => s.ref).find((r): r is string => typeof r === 'string' && r !== '');
    if (!code && data.recruits === undefined) return nothing;
    const t = this.host.t.bind(this.host);
    const next = safeUrl(this.host.nextUrl);
    const link = code ? this.host.shareLinkFor(code) : undefined;
    return html`<div part="circle">
      ${staticHtml`<${this.host.heading(1)} id="circle-h">${t('recruitsHeading')}</${this.host.heading(1)}>`}
      ${data.recruits === undefined ? nothing : html`<p class="notice" data-tone="success" part="recruits">${data.recruits ? t('recruits', { count: data.recruits }) : t('noRecruitsYet')}</p>`}
      ${link
        ? html`<label for="circle-link">${t('link')}</label>
            <input id="circle-link" readonly .value=${link} part="share-link" @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />`
        : nothing}
      <p part="next-step">${next ? html`<a href=${next}>${t('nextStep')}</a>` : t('keepSharing')}</p>
    </div>`;
  }

  private renderData(data: PersonalData): TemplateResult {
    const t = this.host.t.bind(this.host);
    const signups = data.signups as ({ created?: string; consent?: { purpose: string; text?: string; at: string }[] } & Record<string, unknown>)[];
    if (!signups.length && !data.responses.length && !data.posts.length) return html`<p class="notice" role="status">${t('nothingHeld')}</p>`;
    return html`${this.renderCircle(data)}<p>${t('myDataIntro')}</p>
      ${signups.map(
        (s) => html`<dl class="held">
          ${FIELDS.filter((f) => s[f] !== undefined).map((f) => html`<dt>${t(f)}</dt><dd>${Array.isArray(s[f]) ? (s[f] as string[]).join(', ') : String(s[f])}</dd>`)}
          ${s.created ? html`<dt>${t('signedUpOn')}</dt><dd>${formatDateTime(s.created, this.host.locale)}</dd>` : nothing}
        </dl>
        <ul class="consents">
          ${(s.consent ?? []).map(
            (c) => html`<li>
              <span>${c.text ?? c.purpose}</span>
              <button type="button" @click=${() => this.withdraw(c.purpose)}>${t('withdraw')}</button>
            </li>`,
          )}
        </ul>`,
      )}
      ${data.responses.length ? html`<p>${t('answersHeld', { count: data.responses.length })}</p>` : nothing}
      <div class="row">
        <button type="button" @click=${() => this.download(data)}>${t('downloadMine')}</button>
        <button type="button" class="danger" aria-describedby=${this.confirming ? 'erase-warning' : nothing} @click=${() => this.erase()}>
          ${t(this.confirming ? 'eraseConfirm' : 'eraseAll')}
        </button>
      </div>
      ${this.confirming ? html`<p id="erase-warning" class="notice" data-tone="error" role="alert">${t('eraseWarning')}</p>` : nothing}`;
  }
}
