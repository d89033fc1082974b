import { html, nothing, type PropertyValues } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
import { ArchipelElement, FormController, newId, safeUrl, sendWords, warnOnce, hashText, type Adapter, type SendKey, type SubmitDetail, type SubmittedDetail, signupReader, type Signup } from '@archipel/core';
import { signupWords, type SignupKey } from './strings/hub-signup.js';
import { signupStyles } from './hub-signup.styles.js';
import { FIELDS, INPUTS, arrival, pairs, type Field } from './fields.js';
import { shareCode, shareLink, shareTargets } from './share.js';
import type { ChapterData } from './chapter-data.js';
import type { MyData } from './my-data.js';

/** `#archipel-me=<secret>`: a supporter opened their private link (see my-data.ts). */
const PRIVATE_LINK = /(?:^#|&)archipel-me=([A-Za-z0-9_-]{16,128})/;

type Key = SignupKey | SendKey;

/** `archipel-submit`'s detail: the sign-up about to be stored. */
export type SignupSubmitDetail = SubmitDetail<Signup>;
/** `archipel-submitted`'s detail: sent to the source, or kept on the device to be sent automatically. */
export type SignupSubmittedDetail = SubmittedDetail<Signup>;

/** The person who just signed up, for the thank-you step. */
interface SignedUp {
  id: string;
  name?: string;
  /** Their own share link. */
  link: string;
}

/**
 * @summary A sign-up form that never loses a supporter: consent done right, an offline queue, and a share link of their own.
 * @tag hub-signup
 *
 * @slot intro - Text under the heading, e.g. why to sign up.
 * @slot consent-<purpose> - The wording of one consent box, links allowed: `<span slot="consent-news">…</span>`. It adds the purpose, or replaces the attribute's text for it; the text stored is the text shown.
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
 * @csspart refused - Sign-ups the source refused, each with its reason and the buttons to send it again or discard it.
 * @csspart private-link - On the thank-you step, the person's private link to see, download or erase their data.
 * @csspart my-data - What the private link opens: the data held, a copy to download, consents to withdraw, erasure.
 * @csspart circle - In what the private link opens: how many joined through the person's share link, the link, and a next step.
 * @csspart recruits - How many people joined through the person's share link.
 * @csspart next-step - The step the person is invited to take next.
 *
 * @cssprop --archipel-signup-button-background - The send button's background (default: `--archipel-color-brand`, else `#1a7f5a`).
 * @cssprop --archipel-signup-button-color - The send button's text (default: `--archipel-color-brand-contrast`, else `#fff`).
 * @cssprop --archipel-signup-field-border - Field borders (default: the global `--archipel-color-field-border`, `#6b7280`, `#8e97a1` on a dark page).
 * @cssprop --archipel-signup-field-background - Field backgrounds (default: the global `--archipel-color-field`, white, `#1e2226` on a dark page).
 *
 * @fires {CustomEvent<SubmitDetail<Signup>>} archipel-submit - Before storing; cancelable (`preventDefault()` stores nothing); detail `{collection: 'signups', record}`.
 * @fires {CustomEvent<SubmittedDetail<Signup>>} archipel-submitted - Sent, or saved on the device to be sent automatically; a queued sign-up delivered later (page still open) fires it again with `'sent'`. Detail `{collection: 'signups', record, status: 'sent' | 'queued'}`.
 * @fires {CustomEvent<ErrorDetail>} archipel-error - The source refused the sign-up, which stays on the device, marked with the reason: detail `{collection: 'signups', record, error}`. With the chapter field, also when chapters or actions could not be read: `{collection, error}`.
 * @fires {CustomEvent<LoadDetail>} archipel-load - Only with the chapter field: chapters, then actions once a postcode is typed, were read; detail `{collection, source, count, skipped, fromCache, offline}`.
 */
export class HubSignup extends ArchipelElement<Key> {
  static override words = [signupWords, sendWords];
  static override styles = [...ArchipelElement.styles, signupStyles];

  /** Fields to show, space-separated, always in this order: `name email phone postcode chapter interests message`. Without `email` or `phone`, `email` is added (a sign-up needs a way to reach the person); an unknown field warns once. */
  @property() fields = 'name email postcode';
  /** Fields that must be filled in, space-separated; by default `name` and `email` (or `phone` without an email field). */
  @property({ attribute: 'required-fields' }) requiredFields?: string;
  /** Consent purposes and their wording: `contact:I agree to be contacted…|news:Send me the newsletter`. The first is required to sign up, the others are optional, all start unticked; by default one `contact` box. */
  @property() consent?: string;
  /** The version of the consent wording, stored with each consent. By default a hash of the text shown (`t…`), so any change of wording gives a new version by itself. */
  @property({ attribute: 'consent-version' }) consentVersion?: string;
  /** The privacy policy, linked under the consent boxes (http, https or mailto only). */
  @property({ attribute: 'privacy-url' }) privacyUrl?: string;
  /** The choices of the `interests` field: `canvassing:Door-to-door|phonebank:Phone banking`; the keys are stored. Without it, that field is left out, with a warning. */
  @property() interests?: string;
  /** A chapter id that every sign-up goes to; the chapter field is then not shown. By default the enclosing `<chapter-hub>`'s. */
  @property() chapter?: string;
  /** An email address to prefill; the address's `?email=` does the same. */
  @property() email?: string;
  /** A postcode to prefill; the address's `?postcode=` does the same. */
  @property() postcode?: string;
  /** Stall mode: after each sign-up the form empties for the next person, and the volunteer sees how many sign-ups this device holds and how many wait to be sent. */
  @property({ type: Boolean }) kiosk = false;
  /** The page that share links point to; by default this page. */
  @property({ attribute: 'share-url' }) shareUrl?: string;
  /** Where a supporter's private link invites them next, beside how many joined through their share link: the survey's or the map's page (http or https). */
  @property({ attribute: 'next-url' }) nextUrl?: string;
  /** Shows a digits keypad for the postcode, for campaigns whose postcodes are all digits. */
  @property({ type: Boolean, attribute: 'numeric-postcode' }) numericPostcode = false;

  /** The thank-you step's person, once signed up (not at a stall). */
  @state() private signedUp?: SignedUp;
  /** Kiosk: people signed up on this device since the page opened. */
  @state() private signupsHere = 0;
  @state() private postcodeTyped = '';
  @state() private chapterPicked?: string;

  private readonly form = new FormController<Signup>(this, {
    collection: 'signups',
    reader: signupReader,
    // The schema's one consent rule is the first box's: the form says it there, in its own words.
    fieldOf: (issue) => (issue.path[0] === 'consent' ? `consent-${this.purposes[0]![0]}` : String(issue.path[0])),
    messageFor: (_issue, field) => (field.startsWith('consent-') ? 'needConsent' : undefined),
  });
  /** After a first attempt, problems are checked again as the person types. */
  private triedOnce = false;
  /** The prefill is for the first person only: a stall's next visitor starts blank. */
  private prefillPending = true;
  /** Kiosk: the last sign-up's notice said "saved on this device", which stops being true once the outbox is empty. */
  private lastSignupQueued = false;
  private chapterData?: ChapterData | Promise<unknown>;
  /** The supporter's own data, when the page was opened with their private link. */
  private myData?: MyData;
  private preloaded?: Adapter;
  private readonly arrival = arrival(globalThis.location?.search ?? '');

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
    if (!this.hasUpdated) this.postcodeTyped = this.postcode ?? this.arrival.postcode ?? '';
    const adapter = this.dataAdapter;
    if (adapter !== this.preloaded) {
      this.preloaded = adapter;
      // Load the adapter's code now, while the network is there: a form that reads
      // nothing would otherwise first import it when the person sends, offline perhaps.
      void adapter?.preload?.().catch(() => undefined);
    }
    if (!this.chapterData && this.shown.includes('chapter') && !this.fixedChapter) {
      this.chapterData = import('./chapter-data.js').then((m) => {
        this.chapterData = m.chapterData(this, () => this.postcodeTyped.length > 1);
        this.requestUpdate();
      });
    }
    if (this.kiosk && this.lastSignupQueued && !this.form.waiting) {
      this.lastSignupQueued = false;
      this.form.notice = { tone: 'success', text: this.t('next') };
    }
  }

  /** The share link carrying a share code, to this page or `share-url`. */
  shareLinkFor(code: string): string {
    return shareLink(code, safeUrl(this.shareUrl) ?? location.href);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const secret = PRIVATE_LINK.exec(globalThis.location?.hash ?? '')?.[1];
    if (secret && !this.myData) {
      void import('./my-data.js').then((m) => {
        this.myData = new m.MyData(this, secret);
        this.requestUpdate();
      });
    }
  }

  override render() {
    return html`<div part="base">
      ${this.myData ? this.myData.render() : this.signedUp ? this.renderThanks(this.signedUp) : this.renderForm()}
    </div>`;
  }

  private renderForm() {
    const adapter = this.dataAdapter;
    const prefill = (f: 'email' | 'postcode') => (this.prefillPending ? (this[f] ?? this.arrival[f]) : undefined) ?? nothing;
    return html`${staticHtml`<${this.heading()} part="heading">${this.t('heading')}</${this.heading()}>`}
      <slot name="intro"></slot>
      <form part="form" novalidate @submit=${this.submit} @input=${this.changed}>
        <div class="grid">
          ${this.shown.map((f) => {
            const input = INPUTS[f];
            if (input) {
              const [type, autocomplete, inputmode, max] = input;
              const { invalid, describedBy } = this.form.invalid(f);
              return this.field(
                f,
                html`<input
                  id=${f}
                  name=${f}
                  type=${type}
                  autocomplete=${autocomplete}
                  inputmode=${f === 'postcode' && this.numericPostcode ? 'numeric' : inputmode}
                  maxlength=${max}
                  value=${f === 'email' || f === 'postcode' ? prefill(f) : nothing}
                  ?required=${this.required.includes(f)}
                  aria-invalid=${invalid}
                  aria-describedby=${describedBy}
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
          ? this.field(
              'message',
              html`<textarea id="message" name="message" maxlength="4000" ?required=${this.required.includes('message')} aria-invalid=${this.form.invalid('message').invalid} aria-describedby=${this.form.invalid('message').describedBy} part="input"></textarea>`,
            )
          : nothing}
        <div part="consent">
          ${this.purposes.map(([p, text], i) => {
            const id = `consent-${p}`;
            const { invalid, describedBy } = this.form.invalid(id);
            return html`<label class="check">
                <input type="checkbox" name="consent" value=${p} ?required=${!i} aria-invalid=${invalid} aria-describedby=${describedBy} />
                <span><slot name=${id}>${text}</slot>${i ? nothing : this.form.renderRequiredMark()}</span>
              </label>
              ${this.form.renderError(id)}`;
          })}
          ${this.privacyLink()}
        </div>
        ${this.form.renderHoneypot()} ${this.form.renderLive()} ${this.form.renderNotice()} ${this.form.renderRefused()}
        ${!adapter
          ? this.renderNoSource()
          : adapter.writable
            ? html`<button type="submit" part="submit" ?disabled=${this.form.sending}>${this.t(this.form.sending ? 'sending' : 'submit')}</button>`
            : this.form.renderReadOnly()}
        ${this.kiosk
          ? html`<p class="count" part="count">${this.t('here', { count: this.signupsHere })} · ${this.form.waiting ? this.t('waiting', { count: this.form.waiting }) : this.t('allSent')}</p>`
          : nothing}
      </form>`;
  }

  private field(f: Field, control: unknown) {
    return html`<div part="field">
      <label for=${f}>${this.t(f)}${this.required.includes(f) ? this.form.renderRequiredMark() : nothing}</label>
      ${control} ${this.form.renderError(f)}
    </div>`;
  }

  private privacyLink() {
    const href = safeUrl(this.privacyUrl);
    return href
      ? html`<p class="note"><a href=${href} target="_blank" rel="noopener">${this.t('privacy')}<span class="visually-hidden"> ${this.t('newTab')}</span></a></p>`
      : nothing;
  }

  private renderChapter() {
    const data = this.chapterData;
    if (this.fixedChapter || !data || data instanceof Promise) return nothing;
    const chosen = this.chapterPicked ?? (this.postcodeTyped && data.nearestTo(this.postcodeTyped));
    const chapters = [...data.chapters.items].sort((a, b) => a.name.localeCompare(b.name, this.locale));
    const { invalid, describedBy } = this.form.invalid('chapter');
    return this.field(
      'chapter',
      html`<select
          id="chapter"
          name="chapter"
          ?required=${this.required.includes('chapter')}
          aria-invalid=${invalid}
          aria-describedby=${describedBy}
          part="input"
          @change=${(e: Event) => (this.chapterPicked = (e.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${!chosen}>${this.t('choose')}</option>
          ${chapters.map((c) => html`<option value=${c.id} ?selected=${c.id === chosen} dir="auto">${c.name}</option>`)}
        </select>
        ${this.dataAdapter ? this.renderStatus(data.chapters) : nothing}`,
    );
  }

  private renderThanks(person: SignedUp) {
    const text = this.t('shareText');
    const canShare = typeof navigator.share === 'function';
    return html`<div part="thanks">
      ${staticHtml`<${this.heading()} part="heading" tabindex="-1">${person.name ? this.t('thanksName', { name: person.name }) : this.t('thanks')}</${this.heading()}>`}
      <p class="notice" role="status" part="status">${this.form.isQueued(person.id) ? this.form.standing(person.id) : this.t('sent')}</p>
      <p>${this.t('shareIntro')}</p>
      <div>
        <label for="link">${this.t('link')}</label>
        <div class="row">
          <input id="link" readonly .value=${person.link} part="share-link" @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
          <button type="button" @click=${() => this.copy(person.link)}>${this.t('copy')}</button>
          ${canShare ? html`<button type="button" @click=${() => navigator.share({ text, url: person.link }).catch(() => undefined)}>${this.t('share')}</button>` : nothing}
        </div>
      </div>
      <ul class="targets">
        ${shareTargets(person.link, text, this.t('shareSubject')).map(
          ([label, href]) =>
            html`<li>
              ${href.startsWith('mailto:')
                ? html`<a href=${href}>${this.t('byEmail')}</a>`
                : html`<a href=${href} target="_blank" rel="noopener">${label}<span class="visually-hidden"> ${this.t('newTab')}</span></a>`}
            </li>`,
        )}
      </ul>
      ${this.renderPrivateLink(person)} ${this.form.renderLive()}
    </div>`;
  }

  /** The link only this person should keep: it opens what the campaign holds about them, to download or erase. */
  private renderPrivateLink(person: SignedUp) {
    if (!this.dataAdapter?.mine) return nothing;
    const secret = this.form.receipt(person.id)?.secret;
    if (!secret) return html`<p class="note">${this.t('privateLinkLater')}</p>`;
    const base = new URL(safeUrl(this.shareUrl) ?? location.href);
    base.hash = `archipel-me=${secret}`;
    return html`<div part="private-link">
      <label for="mine">${this.t('privateLink')}</label>
      <p class="note" id="mine-hint">${this.t('privateLinkHint')}</p>
      <input id="mine" readonly .value=${base.href} aria-describedby="mine-hint" @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
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
    this.form.say({ tone: 'success', text: this.t('copied') });
  }

  private get formElement(): HTMLFormElement {
    return this.renderRoot.querySelector('form')!;
  }

  private changed(e: Event): void {
    const t = e.target as HTMLInputElement;
    if (t.name === 'postcode') this.postcodeTyped = t.value.trim();
    if (!this.triedOnce) return this.form.say(undefined);
    this.form.check(this.record(), this.checks());
    this.summarise();
  }

  /** The sign-up as the form holds it now: only the fields it asked for, with the consents ticked and what the visit brought. */
  private record(): Partial<Signup> & { id: string } {
    const data = new FormData(this.formElement);
    const now = new Date().toISOString();
    const ticked = data.getAll('consent');
    const record: Record<string, unknown> = {
      id: newId(),
      consent: this.purposes
        .filter(([p]) => ticked.includes(p))
        .map(([purpose, fallback]) => {
          const slotted = this.querySelector(`[slot="consent-${purpose}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
          const text = slotted || fallback;
          // A wording nobody versioned gets a version from its text, so any change of wording is a new version.
          return { purpose, version: this.consentVersion || `t${hashText(text)}`, text, at: now };
        }),
      locale: this.locale,
      created: now,
      page: location.origin + location.pathname,
      referrer: this.arrival.referrer,
      utm: this.arrival.utm,
      chapter: this.fixedChapter,
    };
    for (const f of this.shown) {
      const v = f === 'interests' ? data.getAll(f).map(String) : String(data.get(f) ?? '').trim();
      if (v.length) record[f] = v;
    }
    return record as Partial<Signup> & { id: string };
  }

  /** The form's own rules, beyond the schema's: its required fields, and the first consent box. */
  private checks() {
    const first = this.purposes[0]![0];
    const ticked = new FormData(this.formElement).getAll('consent').includes(first);
    return {
      required: this.required.filter((f) => !(f === 'chapter' && this.fixedChapter)),
      problems: ticked ? {} : { [`consent-${first}`]: this.t('needConsent') },
    };
  }

  /** Above the button, how many fields to correct, as long as some are wrong. */
  private summarise(): void {
    const bad = Object.keys(this.form.errors).length;
    this.form.say(bad ? { tone: 'error', text: this.t('fix', { count: bad }) } : undefined);
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.form.sending || !this.dataAdapter?.writable) return;
    this.triedOnce = true;
    const record = this.form.check({ ...this.record(), ref: shareCode() }, this.checks());
    this.summarise();
    if (!record) return this.form.focusFirstProblem();
    const outcome = await this.form.send(record);
    if (outcome.status !== 'sent' && outcome.status !== 'queued') return;
    if (this.kiosk) {
      this.signupsHere++;
      this.prefillPending = this.triedOnce = false;
      this.postcodeTyped = '';
      this.chapterPicked = undefined;
      this.lastSignupQueued = outcome.status === 'queued';
      this.form.say({ tone: 'success', text: this.lastSignupQueued ? `${this.t('next')} ${this.form.standing(record.id)}` : this.t('next') });
      this.formElement.reset();
      this.form.restart();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('input:not([type=checkbox])')?.focus();
    } else {
      this.signedUp = { id: record.id, name: record.name, link: this.shareLinkFor(record.ref!) };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    }
  }
}
