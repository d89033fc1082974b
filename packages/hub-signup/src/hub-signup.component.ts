import { html, nothing, type PropertyValues } from 'lit';
import { ArchipelElement, describeIssue, safeUrl, warnOnce } from '@archipel/core';
import { outbox, sendRecord, type SendOutcome } from '@archipel/core/outbox';
import type { Adapter } from '@archipel/core';
import { signupReader, type Signup } from '@archipel/core/schemas/signups';
import { signupWords, type SignupKey } from './strings/hub-signup.js';
import { sendWords, type SendKey } from '@archipel/core';
import { signupStyles } from './hub-signup.styles.js';
import { FIELDS, INPUTS, arrival, pairs, textVersion, type Field } from './fields.js';
import { shareCode, shareLink, shareTargets } from './share.js';
import type { ChapterData } from './chapter-data.js';

type Key = SignupKey | SendKey;

/** `archipel-submit`'s detail: the record about to be stored. */
export interface SignupSubmitDetail {
  record: Signup;
}

/** `archipel-submitted`'s detail: sent to the source, or kept on the device to be sent automatically. */
export interface SignupSubmittedDetail {
  status: 'sent' | 'queued';
  record: Signup;
}

interface Done {
  id: string;
  status: 'sent' | 'queued';
  name?: string;
  link: string;
}

/**
 * @summary A sign-up form that never loses a supporter: consent done right, an offline queue, and a share link of their own.
 * @tag hub-signup
 *
 * @slot intro - Text under the heading, e.g. why to sign up.
 * @slot consent-<purpose> - The wording of one consent box (`<span slot="consent-news">…</span>`), links allowed; adds the purpose or replaces the attribute's text for it.
 *
 * @csspart base - The whole widget.
 * @csspart heading - The form's heading and the thank-you heading.
 * @csspart form - The form.
 * @csspart field - Each field's wrapper: label, control, error.
 * @csspart input - Each text field, select and text area.
 * @csspart error - A field's error message.
 * @csspart consent - The consent boxes.
 * @csspart submit - The send button.
 * @csspart status - Notices: sent, saved on this device, not sent, read-only source.
 * @csspart thanks - The thank-you step.
 * @csspart share-link - The read-only field holding the person's share link.
 * @csspart count - Kiosk mode: sign-ups on this device and how many wait to be sent.
 *
 * @cssprop --archipel-signup-button-background - The send button's background (default: the brand colour).
 * @cssprop --archipel-signup-button-color - The send button's text (default: the brand's contrast colour).
 * @cssprop --archipel-signup-field-border - Field borders (default #6b7280).
 * @cssprop --archipel-signup-field-background - Field backgrounds (default white).
 *
 * @fires archipel-submit - Before storing; cancelable. `detail: {record}`.
 * @fires archipel-submitted - Sent, or saved on the device to be sent automatically. `detail: {status: "sent" | "queued", record}`.
 * @fires archipel-error - The source refused the sign-up. `detail: {collection: 'signups', record, error}`.
 */
export class HubSignup extends ArchipelElement<Key> {
  static override words = [signupWords, sendWords];
  static override styles = [...ArchipelElement.styles, signupStyles];

  static override properties = {
    fields: {},
    requiredFields: { attribute: 'required-fields' },
    consent: {},
    consentVersion: { attribute: 'consent-version' },
    privacyUrl: { attribute: 'privacy-url' },
    interests: {},
    chapter: {},
    email: {},
    postcode: {},
    kiosk: { type: Boolean },
    shareUrl: { attribute: 'share-url' },
    numericPostcode: { type: Boolean, attribute: 'numeric-postcode' },
    done: { state: true },
    errors: { state: true },
    sending: { state: true },
    notice: { state: true },
    waiting: { state: true },
    signedUp: { state: true },
    typed: { state: true },
    picked: { state: true },
    said: { state: true },
  };

  /** Fields to show, space-separated, among name, email, phone, postcode, chapter, interests, message. */
  fields = 'name email postcode';
  /** Fields that must be filled in, space-separated; by default the name and the email (or the phone without an email field). */
  declare requiredFields?: string;
  /** Consent purposes and their wording: `contact:I agree to be contacted…|news:Send me the newsletter`. The first is required to sign up, the others are optional. */
  declare consent?: string;
  /** The version of the consent wording, stored with each consent; by default a hash of the text shown. */
  declare consentVersion?: string;
  /** The privacy policy, linked under the consent boxes (http, https or mailto only). */
  declare privacyUrl?: string;
  /** The choices of the interests field: `canvassing:Door-to-door|phonebank:Phone banking`; the keys are stored. */
  declare interests?: string;
  /** A chapter id that every sign-up goes to; an enclosing `<chapter-hub>` sets it too. */
  declare chapter?: string;
  /** An email address to prefill (`?email=` in the address does the same). */
  declare email?: string;
  /** A postcode to prefill (`?postcode=` in the address does the same). */
  declare postcode?: string;
  /** Stall mode: the form starts again after each sign-up and counts those waiting to be sent. */
  kiosk = false;
  /** The page that share links point to; by default this page. */
  declare shareUrl?: string;
  /** Shows the numeric keypad for the postcode, for campaigns whose postcodes are all digits. */
  numericPostcode = false;

  private declare done?: Done;
  private errors: Record<string, Key> = {};
  private sending = false;
  /** What the form says above its fields; `queued` marks a kiosk's "saved on this device", which ends once the outbox is empty. */
  private declare notice?: [text: string, error?: boolean, queued?: boolean];
  private waiting = 0;
  private signedUp = 0;
  private typed = '';
  private declare picked?: string;
  private said = '';

  /**
   * Says something in the status region. It is emptied first and filled on the next frame, so the same
   * words are announced again (at a stall, every person signs up to the same "Signed up. Next person!").
   */
  private announce(text: string): void {
    this.said = '';
    requestAnimationFrame(() => (this.said = text));
  }
  private tried = false;
  /** Prefill applies to the first person only: a kiosk's next visitor starts blank. */
  private fresh = true;
  private started = 0;
  private data?: ChapterData | Promise<unknown>;
  private warmed?: Adapter;
  private readonly from = arrival(globalThis.location?.search ?? '');
  private readonly onOutbox = () => void this.count();

  override connectedCallback(): void {
    super.connectedCallback();
    const box = outbox();
    box.addEventListener('change', this.onOutbox);
    // Sign-ups left on this device by an earlier visit are sent now.
    box.watch();
    void this.count();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    outbox().removeEventListener('change', this.onOutbox);
  }

  protected override firstUpdated(): void {
    this.started = performance.now();
  }

  private get shown(): Field[] {
    const asked = this.fields.split(/[\s,]+/).filter(Boolean);
    for (const f of asked) this.checkOption('fields', f, FIELDS, 'name');
    // The schema needs a way to reach the person.
    if (!asked.includes('email') && !asked.includes('phone')) asked.push('email');
    if (asked.includes('interests') && !this.interests) {
      warnOnce('hub-signup:interests', '<hub-signup fields="… interests"> needs its choices: interests="canvassing:Door-to-door|phonebank:Phone banking". The field is left out.');
    }
    return FIELDS.filter((f) => asked.includes(f) && (f !== 'interests' || this.interests));
  }

  private get required(): string[] {
    const shown = this.shown;
    return this.requiredFields?.split(/[\s,]+/) ?? ['name', shown.includes('email') ? 'email' : 'phone'];
  }

  /** The chapter set by the page or the hub, if any; then there is nothing to choose. */
  private get fixedChapter(): string | undefined {
    return this.chapter || this.contextChapter?.id;
  }

  /** [purpose, wording] of each consent box: the attribute's, then slotted ones, else one "contact" box. */
  private get purposes(): [string, string][] {
    const list = pairs(this.consent, (i) => (i ? `consent${i + 1}` : 'contact'));
    for (const el of this.querySelectorAll('[slot^="consent-"]')) {
      const p = el.slot.slice(8);
      if (!list.some(([k]) => k === p)) list.push([p, '']);
    }
    return list.length ? list : [['contact', this.t('contact')]];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.hasUpdated) this.typed = this.postcode ?? this.from.postcode ?? '';
    const adapter = this.dataAdapter;
    if (adapter !== this.warmed) {
      this.warmed = adapter;
      // Load the adapter's code now, while the network is there: a form that reads
      // nothing would otherwise first import it when the person sends, offline perhaps.
      void adapter?.preload?.().catch(() => undefined);
    }
    if (!this.data && this.shown.includes('chapter') && !this.fixedChapter) {
      this.data = import('./chapter-data.js').then((m) => {
        this.data = m.chapterData(this, () => this.typed.length > 1);
        this.requestUpdate();
      });
    }
  }

  private async count(): Promise<void> {
    const source = this.dataAdapter?.source;
    if (!source) return;
    const waiting = await outbox().list(source);
    this.waiting = waiting.filter((e) => e.state === 'pending').length;
    const done = this.done;
    if (done?.status === 'queued' && !waiting.some((e) => e.id === done.id)) this.done = { ...done, status: 'sent' };
    // At a stall: once everything has gone, "saved on this device" no longer describes the last sign-up.
    if (this.kiosk && !this.waiting && this.notice?.[2]) this.notice = [this.t('next')];
  }

  override render() {
    return html`<div part="base">
      ${this.done ? this.renderThanks(this.done) : this.renderForm()}
      <p class="visually-hidden" role="status">${this.said}</p>
    </div>`;
  }

  private renderForm() {
    const adapter = this.dataAdapter;
    const bad = Object.keys(this.errors).length;
    const value = (f: 'email' | 'postcode') => (this.fresh ? (this[f] ?? this.from[f]) : undefined) ?? nothing;
    return html`<h2 part="heading">${this.t('heading')}</h2>
      <slot name="intro"></slot>
      <form part="form" novalidate @submit=${this.submit} @input=${this.changed}>
        <p class="note">${this.t('required')}</p>
        <div class="grid">
          ${this.shown.map((f) => {
            const input = INPUTS[f];
            if (input) {
              const [type, autocomplete, inputmode, max] = input;
              return this.field(
                f,
                html`<input
                  id=${f}
                  name=${f}
                  type=${type}
                  autocomplete=${autocomplete}
                  inputmode=${f === 'postcode' && this.numericPostcode ? 'numeric' : inputmode}
                  maxlength=${max}
                  value=${f === 'email' || f === 'postcode' ? value(f) : nothing}
                  ?required=${this.required.includes(f)}
                  aria-invalid=${Boolean(this.errors[f])}
                  aria-describedby=${this.errors[f] ? `e-${f}` : nothing}
                  part="input"
                />`,
              );
            }
            return f === 'chapter' ? this.renderChapter() : nothing;
          })}
        </div>
        ${this.shown.includes('interests')
          ? html`<fieldset part="field">
              <legend>${this.t('interests')}</legend>
              ${pairs(this.interests, (i) => `interest${i + 1}`).map(
                ([k, text]) => html`<label class="check"><input type="checkbox" name="interests" value=${k} />${text}</label>`,
              )}
            </fieldset>`
          : nothing}
        ${this.shown.includes('message')
          ? this.field('message', html`<textarea id="message" name="message" maxlength="4000" ?required=${this.required.includes('message')} aria-invalid=${Boolean(this.errors.message)} aria-describedby=${this.errors.message ? 'e-message' : nothing} part="input"></textarea>`)
          : nothing}
        <div part="consent">
          ${this.purposes.map(([p, text], i) => {
            const id = `consent-${p}`;
            return html`<label class="check">
                <input type="checkbox" name="consent" value=${p} ?required=${!i} aria-invalid=${Boolean(this.errors[id])} aria-describedby=${this.errors[id] ? `e-${id}` : nothing} />
                <span><slot name=${id}>${text}</slot>${i ? nothing : html`<span aria-hidden="true"> *</span>`}</span>
              </label>
              ${this.error(id)}`;
          })}
          ${this.privacyLink()}
        </div>
        <div class="visually-hidden" aria-hidden="true">
          <label>${this.t('hp')} <input name="website" tabindex="-1" autocomplete="off" /></label>
        </div>
        ${bad ? html`<p class="notice" data-tone="error" role="alert">${this.t('fix', { count: bad })}</p>` : nothing}
        ${this.notice ? html`<p class="notice" data-tone=${this.notice[1] ? 'error' : nothing} role=${this.notice[1] ? 'alert' : 'status'} part="status">${this.notice[0]}</p>` : nothing}
        ${!adapter
          ? html`<p class="notice" data-tone="error" role="alert" part="status">${this.sourceError ?? this.t('noSource')}</p>`
          : adapter.writable
            ? html`<button type="submit" part="submit" ?disabled=${this.sending}>${this.t(this.sending ? 'sending' : 'submit')}</button>`
            : html`<p class="notice" role="status" part="status">${this.t('readonly')}</p>`}
        ${this.kiosk
          ? html`<p class="count" part="count">${this.t('here', { count: this.signedUp })} · ${this.waiting ? this.t('waiting', { count: this.waiting }) : this.t('allSent')}</p>`
          : nothing}
      </form>`;
  }

  private field(f: Field, control: unknown) {
    return html`<div part="field">
      <label for=${f}>${this.t(f)}${this.required.includes(f) ? html`<span aria-hidden="true"> *</span>` : nothing}</label>
      ${control} ${this.error(f)}
    </div>`;
  }

  private error(id: string) {
    const key = this.errors[id];
    return key ? html`<p class="error" id="e-${id}" part="error">${this.t(key)}</p>` : nothing;
  }

  private privacyLink() {
    const href = safeUrl(this.privacyUrl);
    return href
      ? html`<p class="note"><a href=${href} target="_blank" rel="noopener">${this.t('privacy')}<span class="visually-hidden"> ${this.t('newTab')}</span></a></p>`
      : nothing;
  }

  private renderChapter() {
    const data = this.data;
    if (this.fixedChapter || !data || data instanceof Promise) return nothing;
    const chosen = this.picked ?? (this.typed && data.nearestTo(this.typed));
    const chapters = [...data.chapters.items].sort((a, b) => a.name.localeCompare(b.name, this.locale));
    return this.field(
      'chapter',
      html`<select
          id="chapter"
          name="chapter"
          ?required=${this.required.includes('chapter')}
          aria-invalid=${Boolean(this.errors.chapter)}
          aria-describedby=${this.errors.chapter ? 'e-chapter' : nothing}
          part="input"
          @change=${(e: Event) => (this.picked = (e.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${!chosen}>${this.t('choose')}</option>
          ${chapters.map((c) => html`<option value=${c.id} ?selected=${c.id === chosen}>${c.name}</option>`)}
        </select>
        ${this.dataAdapter ? this.renderStatus(data.chapters) : nothing}`,
    );
  }

  private renderThanks(done: Done) {
    const text = this.t('shareText');
    const canShare = typeof navigator.share === 'function';
    return html`<div part="thanks">
      <h2 part="heading" tabindex="-1">${done.name ? this.t('thanksName', { name: done.name }) : this.t('thanks')}</h2>
      <p class="notice" role="status" part="status">${this.t(done.status === 'sent' ? 'sent' : 'queued')}</p>
      <p>${this.t('shareIntro')}</p>
      <div>
        <label for="link">${this.t('link')}</label>
        <div class="row">
          <input id="link" readonly .value=${done.link} part="share-link" @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
          <button type="button" @click=${() => this.copy(done.link)}>${this.t('copy')}</button>
          ${canShare ? html`<button type="button" @click=${() => navigator.share({ text, url: done.link }).catch(() => undefined)}>${this.t('share')}</button>` : nothing}
        </div>
      </div>
      <ul class="targets">
        ${shareTargets(done.link, text, this.t('shareSubject')).map(
          ([label, href]) =>
            html`<li>
              ${href.startsWith('mailto:')
                ? html`<a href=${href}>${this.t('byEmail')}</a>`
                : html`<a href=${href} target="_blank" rel="noopener">${label}<span class="visually-hidden"> ${this.t('newTab')}</span></a>`}
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private async copy(link: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(link);
    } catch {
      // No clipboard permission (an iframe, an old browser): select the link so a long press or Ctrl+C copies it.
      this.renderRoot.querySelector<HTMLInputElement>('#link')?.focus();
      return;
    }
    this.announce(this.t('copied'));
  }

  private get form(): HTMLFormElement {
    return this.renderRoot.querySelector('form')!;
  }

  private changed(e: Event): void {
    const t = e.target as HTMLInputElement;
    if (t.name === 'postcode') this.typed = t.value.trim();
    this.notice = undefined;
    if (this.tried) this.errors = this.check().errors;
  }

  /**
   * The record the form holds now, and what is wrong with it, by field:
   * required fields and the required consent first, then the schema's own
   * checks (the same ones the sources run), in the person's language.
   */
  private check(): { record: Signup; errors: Record<string, Key>; other?: string } {
    const form = new FormData(this.form);
    const now = new Date().toISOString();
    const ticked = form.getAll('consent');
    const record: Signup = {
      id: crypto.randomUUID(),
      consent: this.purposes
        .filter(([p]) => ticked.includes(p))
        .map(([purpose, fallback]) => {
          const slotted = this.querySelector(`[slot="consent-${purpose}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
          const text = slotted || fallback;
          return { purpose, version: this.consentVersion || textVersion(text), text, at: now };
        }),
      locale: this.locale,
      created: now,
      page: location.origin + location.pathname,
      ...(this.from.referrer ? { referrer: this.from.referrer } : {}),
      ...(this.from.utm ? { utm: this.from.utm } : {}),
    };
    const errors: Record<string, Key> = {};
    const fixed = this.fixedChapter;
    if (fixed) record.chapter = fixed;
    for (const f of this.shown) {
      const v = f === 'interests' ? form.getAll(f).map(String) : String(form.get(f) ?? '').trim();
      if (v.length) (record as Record<string, unknown>)[f] = v;
      else if (this.required.includes(f) && !(f === 'chapter' && fixed)) errors[f] = 'missing';
    }
    const [first] = this.purposes[0]!;
    if (!ticked.includes(first)) errors[`consent-${first}`] = 'needConsent';
    let other: string | undefined;
    const parsed = signupReader.read(record);
    for (const issue of parsed.error?.issues ?? []) {
      const f = String(issue.path[0]);
      if (f === 'email') errors.email ??= record.email ? 'badEmail' : 'needContact';
      else if (f === 'phone') errors.phone ??= 'badPhone';
      else if (f !== 'consent') other ??= describeIssue(issue, (k, v) => this.t(k as Key, v));
    }
    return { record, errors, other };
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const adapter = this.dataAdapter;
    if (this.sending || !adapter?.writable) return;
    this.tried = true;
    const { record, errors, other } = this.check();
    this.errors = errors;
    this.notice = other ? [other, true] : undefined;
    if (Object.keys(errors).length || other) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    record.ref = shareCode();
    this.sending = true;
    const hp = (this.form.elements.namedItem('website') as HTMLInputElement).value;
    const outcome = await sendRecord(this, adapter, 'signups', record, { hp, elapsed: Math.round(performance.now() - this.started) }, (o) => this.settle(record, o));
    if (!outcome || outcome.status === 'failed') return;
    await this.updateComplete;
    if (this.kiosk) {
      this.form.reset();
      this.started = performance.now();
      this.renderRoot.querySelector<HTMLElement>('input:not([type=checkbox])')?.focus();
    } else {
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    }
    void this.count();
  }

  /** The form's state once the outbox has answered, set before `archipel-submitted` or `archipel-error` fires. */
  private settle(record: Signup, outcome?: SendOutcome): void {
    this.sending = false;
    if (!outcome) return;
    if (outcome.status === 'failed') {
      this.notice = [this.t(outcome.kept === false ? 'unsaved' : 'failed', { reason: outcome.message ?? '' }), true];
    } else if (this.kiosk) {
      this.signedUp++;
      this.fresh = this.tried = false;
      this.errors = {};
      this.typed = '';
      this.picked = undefined;
      const queued = outcome.status !== 'sent';
      const text = queued ? `${this.t('next')} ${this.t('queued')}` : this.t('next');
      this.notice = [text, false, queued];
      this.announce(text);
    } else {
      this.done = { id: record.id, status: outcome.status, name: record.name, link: shareLink(record.ref!, safeUrl(this.shareUrl) ?? location.href) };
    }
  }
}
