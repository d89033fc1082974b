/**
 * "I'm coming": the short form on an action's card (name, email or phone, consent), loaded only when someone
 * presses the button. It goes through the source like every form (FormController, the outbox offline); the source
 * counts each person once per action and refuses once the action is full, which the form says in plain words.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { FormController, hashText, newId, rsvpReader, type Action, type FormHost, type Rsvp } from '@archipel/core';

export interface JoinFormHost extends FormHost {
  requestUpdate(): void;
  /** Reads the actions again, for the new count. */
  joinedAction(id: string): void;
}

export class JoinForm {
  readonly form: FormController<Rsvp & { id: string }>;
  /** The action whose form is open. */
  openFor?: string;
  /** Actions this person joined from this page. */
  readonly joined = new Set<string>();

  constructor(private readonly host: JoinFormHost) {
    this.form = new FormController(host, { collection: 'rsvps', reader: rsvpReader, fieldOf: (issue) => String(issue.path[0] ?? ''), messageFor: (_issue, field) => (field === 'consent' ? 'fieldMissing' : undefined) });
  }

  open(action: string): void {
    if (this.openFor !== action) this.form.say(undefined);
    this.openFor = action;
    this.form.restart();
    this.host.requestUpdate();
  }

  private async submit(e: SubmitEvent, action: Action): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const v = (name: string) => ((form.elements.namedItem(name) as HTMLInputElement).value ?? '').trim() || undefined;
    const ticked = (form.elements.namedItem('consent') as HTMLInputElement).checked;
    const consentText = this.host.t('joinConsent');
    const raw = {
      id: `rsvp-${newId()}`,
      action: action.id,
      name: v('name') ?? '',
      email: v('email'),
      phone: v('phone'),
      consent: ticked ? [{ purpose: 'rsvp', version: `t${hashText(consentText)}`, text: consentText, at: new Date().toISOString() }] : [],
      locale: this.host.locale,
      created: new Date().toISOString(),
    };
    const record = this.form.check(raw, { required: ['name'], problems: ticked ? {} : { consent: this.host.t('fieldMissing') } });
    if (!record) return this.form.focusFirstProblem();
    const outcome = await this.form.send(record);
    if (outcome.status === 'sent' || outcome.status === 'queued') {
      this.joined.add(action.id!);
      this.openFor = undefined;
      this.form.say({ tone: 'success', text: outcome.status === 'queued' ? `${this.host.t('joined')} ${this.form.standing(record.id)}` : this.host.t('joined') });
      this.host.joinedAction(action.id!);
      void this.form.focusNotice();
    }
  }

  private field(id: string, label: string, type: string, autocomplete: string, max: number, required = false): TemplateResult {
    const { invalid, describedBy } = this.form.invalid(id);
    return html`<div class="field">
      <label for="join-${id}">${label}${required ? this.form.renderRequiredMark() : nothing}</label>
      <input id="join-${id}" name=${id} type=${type} autocomplete=${autocomplete} maxlength=${max} ?required=${required} aria-invalid=${invalid} aria-describedby=${describedBy} />
      ${this.form.renderError(id)}
    </div>`;
  }

  /** The form for `action` when it is open, else what was said after sending (and any refused RSVP). */
  render(action: Action): TemplateResult {
    const t = this.host.t.bind(this.host);
    if (this.openFor !== action.id) return html`${this.form.renderNotice()} ${this.form.renderLive()} ${this.form.renderRefused()}`;
    if (!this.host.dataAdapter?.writable) return this.form.renderReadOnly();
    const { invalid, describedBy } = this.form.invalid('consent');
    return html`<form class="join-form" part="join-form" novalidate @submit=${(e: SubmitEvent) => this.submit(e, action)}>
      ${this.field('name', t('yourName'), 'text', 'name', 120, true)} ${this.field('email', t('yourEmail'), 'email', 'email', 254)}
      ${this.field('phone', t('yourPhone'), 'tel', 'tel', 40)}
      <div class="field check">
        <input id="join-consent" name="consent" type="checkbox" required aria-invalid=${invalid} aria-describedby=${describedBy} />
        <label for="join-consent">${t('joinConsent')}${this.form.renderRequiredMark()}</label>
        ${this.form.renderError('consent')}
      </div>
      ${this.form.renderHoneypot()} ${this.form.renderLive()} ${this.form.renderNotice()} ${this.form.renderRefused()}
      <button type="submit" class="primary" ?disabled=${this.form.sending}>${t(this.form.sending ? 'sending' : 'joinSend')}</button>
    </form>`;
  }
}
