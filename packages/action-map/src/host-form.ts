/**
 * "Host an action": the form a supporter fills in to propose one, loaded only when someone opens it (from "Host
 * one" when nothing is near, or from a chapter hub). It asks what, when (day and times in the place's zone), where
 * (a town or postcode found in the map's own places or its offline gazetteer, or online with a link), how many can
 * come, and who proposes it, with their consent. It goes through the source like every form (FormController: the
 * outbox keeps it offline); the chapter's lead or staff approve it, and then it appears on the map.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { FormController, hashText, newId, proposalReader, type Chapter, type FormHost, type Issue, type Place, type Proposal } from '@archipel/core';

/** What the form needs of its map: places, chapters, the zone actions are usually in, the names of types. */
export interface HostFormHost extends FormHost {
  findPlace(text: string): Promise<Place | undefined>;
  readonly hostChapters: readonly Chapter[];
  /** The chapter the map is limited to (inside a hub), if any. */
  readonly hostChapter: string;
  /** The zone most of the map's actions are in, else the visitor's. */
  readonly hostZone: string;
  readonly hostTypes: readonly string[];
  typeLabel(type: string | undefined): string | undefined;
  requestUpdate(): void;
}

/** Which control shows a problem: the schema's paths are the record's, the form's controls are its own. */
function fieldOf(issue: Issue): string {
  const [first, second] = issue.path;
  if (first === 'proposer') return second === 'name' ? 'proposerName' : second === 'phone' ? 'proposerPhone' : 'proposerEmail';
  if (first === 'start') return 'day';
  if (first === 'end') return 'end';
  if (first === 'consent') return 'consent';
  if (first === 'url') return 'link';
  if (first === 'lat' || first === 'lng' || first === 'city') return 'place';
  return String(first ?? '');
}

export class HostForm {
  readonly form: FormController<Proposal & { id: string }>;
  sent = false;
  private online = false;

  constructor(private readonly host: HostFormHost) {
    this.form = new FormController(host, {
      collection: 'proposals',
      reader: proposalReader,
      fieldOf,
      messageFor: (issue, field) => (field === 'consent' ? 'fieldMissing' : field === 'place' && issue.message === 'placeNeeded' ? 'hostPlaceUnknown' : undefined),
    });
  }

  private value(form: HTMLFormElement, name: string): string {
    return ((form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '').trim();
  }

  /** The proposal as the form holds it: wall times in the chosen zone, the place as found. */
  private async record(form: HTMLFormElement): Promise<{ raw: Record<string, unknown>; problems: Record<string, string> }> {
    const v = (name: string) => this.value(form, name) || undefined;
    const problems: Record<string, string> = {};
    const online = (form.elements.namedItem('online') as HTMLInputElement).checked;
    const placeText = v('place');
    let place: Place | undefined;
    if (placeText) {
      place = await this.host.findPlace(placeText);
      if (!place) problems.place = this.host.t('hostPlaceUnknown');
    }
    const day = v('day');
    const start = v('start');
    const end = v('end');
    const consentText = this.host.t('hostConsent');
    const ticked = (form.elements.namedItem('consent') as HTMLInputElement).checked;
    const capacity = v('capacity');
    const raw: Record<string, unknown> = {
      id: `host-${newId()}`,
      title: v('title'),
      type: v('type'),
      description: v('description'),
      start: day && start ? `${day}T${start}` : day,
      end: day && end ? `${day}T${end}` : undefined,
      timezone: v('timezone'),
      venue: v('venue'),
      ...(place ? { city: place.label, lat: place.lat, lng: place.lng, ...(/^\d{4,6}$/.test(placeText!.replace(/\s/g, '')) ? { postcode: placeText!.replace(/\s/g, '') } : {}) } : {}),
      virtual: online || undefined,
      url: v('link'),
      chapter: v('chapter'),
      capacity: capacity ? Number(capacity) : undefined,
      proposer: { name: v('proposerName') ?? '', email: v('proposerEmail'), phone: v('proposerPhone') },
      consent: ticked ? [{ purpose: 'host', version: `t${hashText(consentText)}`, text: consentText, at: new Date().toISOString() }] : [],
      locale: this.host.locale,
      created: new Date().toISOString(),
    };
    if (!ticked) problems.consent = this.host.t('fieldMissing');
    if (!day) problems.day = this.host.t('fieldMissing');
    if (!start) problems.start = this.host.t('fieldMissing');
    return { raw, problems };
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const { raw, problems } = await this.record(form);
    const record = this.form.check(raw, { required: ['title'], problems });
    if (!record) {
      const bad = Object.keys(this.form.errors).length;
      this.form.say({ tone: 'error', text: this.host.t('fixFields', { count: bad }) });
      return this.form.focusFirstProblem();
    }
    const outcome = await this.form.send(record);
    if (outcome.status === 'sent' || outcome.status === 'queued') {
      this.sent = true;
      // A lead's or staff's own action (sent with their token, from the console) is published at once.
      const words = outcome.status === 'sent' && outcome.result?.status === 'approved' ? this.host.t('hostPublished') : this.host.t('hostSent');
      this.form.say({ tone: 'success', text: outcome.status === 'queued' ? `${words} ${this.form.standing(record.id)}` : words });
      form.reset();
      this.form.restart();
      void this.form.focusNotice();
    }
  }

  /** Another proposal after one was sent: the form again, empty. */
  again(): void {
    this.sent = false;
    this.form.say(undefined);
    this.host.requestUpdate();
  }

  private field(id: string, label: string, control: TemplateResult, required = false): TemplateResult {
    return html`<div class="field">
      <label for="host-${id}">${label}${required ? this.form.renderRequiredMark() : nothing}</label>
      ${control} ${this.form.renderError(id)}
    </div>`;
  }

  private input(id: string, type: string, extra: { required?: boolean; max?: number; autocomplete?: string; list?: string; value?: string } = {}): TemplateResult {
    const { invalid, describedBy } = this.form.invalid(id);
    return html`<input
      id="host-${id}"
      name=${id}
      type=${type}
      ?required=${extra.required}
      maxlength=${extra.max ?? nothing}
      autocomplete=${extra.autocomplete ?? 'off'}
      list=${extra.list ?? nothing}
      .value=${extra.value ?? ''}
      aria-invalid=${invalid}
      aria-describedby=${describedBy}
    />`;
  }

  render(close: () => void): TemplateResult {
    const t = this.host.t.bind(this.host);
    if (!this.host.dataAdapter?.writable) return this.form.renderReadOnly();
    if (this.sent) {
      return html`${this.form.renderNotice()} ${this.form.renderLive()}
        <div class="actions-row">
          <button type="button" @click=${() => this.again()}>${t('hostOne')}</button>
          <button type="button" @click=${close}>${t('close')}</button>
        </div>`;
    }
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    const { invalid: typeInvalid } = this.form.invalid('type');
    const chapters = this.host.hostChapters;
    return html`<form class="host-form" part="host-form" novalidate @submit=${(e: SubmitEvent) => this.submit(e)}>
      <p>${t('hostIntro')}</p>
      ${this.field('title', t('hostTitle'), this.input('title', 'text', { required: true, max: 200 }), true)}
      ${this.field(
        'type',
        t('hostType'),
        html`<select id="host-type" name="type" aria-invalid=${typeInvalid}>
          <option value="">${t('hostTypeNone')}</option>
          ${this.host.hostTypes.map((type) => html`<option value=${type}>${this.host.typeLabel(type)}</option>`)}
        </select>`,
      )}
      <div class="when-fields">
        ${this.field('day', t('hostDay'), this.input('day', 'date', { required: true }), true)}
        ${this.field('start', t('hostStart'), this.input('start', 'time', { required: true }), true)}
        ${this.field('end', t('hostEnd'), this.input('end', 'time'))}
      </div>
      ${this.field('timezone', t('hostZone'), this.input('timezone', 'text', { required: true, list: 'host-zones', value: this.host.hostZone, max: 64 }), true)}
      <datalist id="host-zones">${zones.map((z) => html`<option value=${z}></option>`)}</datalist>
      <div class="field check">
        <input id="host-online" name="online" type="checkbox" @change=${(e: Event) => ((this.online = (e.target as HTMLInputElement).checked), this.host.requestUpdate())} />
        <label for="host-online">${t('hostOnline')}</label>
      </div>
      ${this.online
        ? this.field('link', t('hostLink'), this.input('link', 'url', { required: true, max: 2000 }), true)
        : html`${this.field('place', t('hostPlace'), this.input('place', 'text', { required: true, max: 120, list: 'places' }), true)}
          ${this.field('venue', t('hostVenue'), this.input('venue', 'text', { max: 200 }))}`}
      ${this.field('description', t('hostDescription'), html`<textarea id="host-description" name="description" maxlength="4000" aria-invalid=${this.form.invalid('description').invalid}></textarea>`)}
      ${this.field('capacity', t('hostCapacity'), this.input('capacity', 'number'))}
      ${chapters.length && !this.host.hostChapter
        ? this.field(
            'chapter',
            t('hostChapter'),
            html`<select id="host-chapter" name="chapter">
              <option value="">${t('hostTypeNone')}</option>
              ${chapters.map((c) => html`<option value=${c.id}>${c.name}</option>`)}
            </select>`,
          )
        : html`<input type="hidden" name="chapter" .value=${this.host.hostChapter} />`}
      <fieldset>
        <legend>${t('hostYou')}</legend>
        ${this.field('proposerName', t('yourName'), this.input('proposerName', 'text', { required: true, max: 120, autocomplete: 'name' }), true)}
        ${this.field('proposerEmail', t('yourEmail'), this.input('proposerEmail', 'email', { max: 254, autocomplete: 'email' }))}
        ${this.field('proposerPhone', t('yourPhone'), this.input('proposerPhone', 'tel', { max: 40, autocomplete: 'tel' }))}
        <div class="field check">
          <input id="host-consent" name="consent" type="checkbox" required aria-invalid=${this.form.invalid('consent').invalid} aria-describedby=${this.form.invalid('consent').describedBy} />
          <label for="host-consent">${t('hostConsent')}${this.form.renderRequiredMark()}</label>
          ${this.form.renderError('consent')}
        </div>
      </fieldset>
      ${this.form.renderHoneypot()} ${this.form.renderLive()} ${this.form.renderNotice()} ${this.form.renderRefused()}
      <div class="actions-row">
        <button type="submit" class="primary" ?disabled=${this.form.sending}>${t(this.form.sending ? 'sending' : 'hostSend')}</button>
        <button type="button" @click=${close}>${t('cancel')}</button>
      </div>
    </form>`;
  }
}
/** What the forms bring when they load: their words and styles, so a page that never opens one never downloads them. */
export { hostingStyles } from './hosting.styles.js';
export { hostingWords } from './strings/hosting.js';
export { sendWords } from '@archipel/core';
