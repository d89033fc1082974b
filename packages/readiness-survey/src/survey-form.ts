/**
 * The supporters' side: the questions (all on one page, or one per step on
 * small screens with progress shown), where the person is, optional contact
 * details with consent, then a thank-you step with a share link. Answers in
 * progress survive a reload (draft.ts); the response goes through the outbox,
 * so it is sent once, offline or not.
 *
 * Loaded by the element when `view="survey"`, with its words, so the results
 * view never downloads it and the element's own chunk stays small.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import { FormController, newId, safeUrl, sendWords, translated, askedQuestions, keptAnswers, surveyWindow, answerProblem, formatDateTime, type CollectionController, type FormHost, type Locale, type SendKey, type Question, type Survey, type Chapter, responseReader, type AnswerValue, type SurveyResponse } from '@archipel/core';
// Static imports: this form is itself a lazy chunk, loaded while online; importing the schema only at
// "send" failed offline on a first visit, and the answer never reached the outbox.
import { renderQuestion } from './fields.js';
import { loadDraft, saveDraft, type Draft } from './draft.js';
import { surveyFormWords, type SurveyFormKey } from './strings/survey-form.js';

export const viewWords = [surveyFormWords, sendWords];
export { formStyles as viewStyles } from './survey-form.styles.js';

/** What the survey form needs of its element. */
export interface SurveyFormHost extends FormHost {
  /** The survey's id. */
  readonly survey: string;
  readonly layout: 'auto' | 'steps' | 'page';
  /** Narrower than 600px: one question per step with `layout="auto"`. */
  readonly narrow: boolean;
  /** A chapter chosen in advance by the page, or the enclosing hub's. */
  readonly chapter?: string;
  readonly hubChapter?: Chapter;
  readonly chapters: CollectionController<'chapters'>;
  readonly consentVersion: string;
  readonly shareUrl?: string;
  readonly locale: Locale;
  /** The tag of a heading `depth` levels below the widget's first. */
  heading(depth?: number): StaticValue;
}

type Key = SurveyFormKey | SendKey;

/**
 * A random id this browser keeps for one public poll, so that the source counts one vote a device. It is not
 * a person's id: it says nothing about them, and another browser or a cleared storage gets another.
 */
function pollDevice(source: string, survey: string): string | undefined {
  const key = `archipel-poll:${source}:${survey}`;
  try {
    let id = localStorage.getItem(key);
    if (!id) localStorage.setItem(key, (id = newId()));
    return id;
  } catch {
    return undefined;
  }
}

/** A day alone, "20 de diciembre de 2026": a date question's bound. */
const DAY: Intl.DateTimeFormatOptions = { weekday: undefined, month: 'long', hour: undefined, minute: undefined, timeZoneName: undefined };

const empty = (v: unknown) => v === undefined || v === '' || (Array.isArray(v) && !v.length);

export class SurveyForm implements ReactiveController {
  private draft: Draft = { answers: {} };
  private draftFor?: string;
  private focusStep = false;
  /** Questions whose "Other" is chosen, typed or not yet. */
  private otherChosen = new Set<string>();
  private readonly form: FormController<SurveyResponse>;

  constructor(private readonly host: SurveyFormHost) {
    host.addController(this);
    this.form = new FormController<SurveyResponse>(host, {
      collection: 'responses',
      reader: responseReader,
      // Contact details are fields of their own in the form: "contact.email" is the email field.
      fieldOf: (issue) => String(issue.path[0] === 'contact' ? (issue.path[1] ?? 'consent') : issue.path[0] === 'answers' ? issue.path[1] : issue.path[0]),
      messageFor: (issue, field) => (field === 'email' && issue.code === 'invalid_format' ? 'badEmail' : undefined),
    });
  }

  private t(key: Key, vars?: Record<string, unknown>): string {
    return this.host.t(key, vars);
  }

  /** Whether this person is past the questions (sent, or safely queued). */
  get done(): boolean {
    return Boolean(this.draft.done);
  }

  hostUpdate(): void {
    const a = this.host.dataAdapter;
    const key = `${a?.source}\n${this.host.survey}`;
    if (a && key !== this.draftFor) {
      this.draftFor = key;
      this.draft = loadDraft(a.source, this.host.survey);
      // The adapter's own code too, so that an answer given offline can be sent later.
      void a.preload?.().catch(() => undefined);
    }
  }

  hostUpdated(): void {
    if (!this.focusStep) return;
    this.focusStep = false;
    (this.host.renderRoot.querySelector('[data-focus]') as HTMLElement | null)?.focus();
  }

  get steps(): boolean {
    return this.host.layout === 'steps' || (this.host.layout === 'auto' && this.host.narrow);
  }

  private save(patch: Partial<Draft>): void {
    this.draft = { ...this.draft, ...patch };
    const a = this.host.dataAdapter;
    if (a) saveDraft(a.source, this.host.survey, this.draft);
    this.host.requestUpdate();
  }

  private setAnswer(q: Question, value: AnswerValue | undefined): void {
    const answers = { ...this.draft.answers };
    if (empty(value)) delete answers[q.id];
    else answers[q.id] = value!;
    this.save({ answers });
    this.form.forget(q.id);
  }

  private get chosenChapter(): string | undefined {
    return this.draft.chapter || this.host.chapter || this.host.hubChapter?.id;
  }

  /** The contact fields, which are read when sending rather than kept in state (and never in the draft). */
  private get contactFields() {
    const f = this.host.renderRoot.querySelector('form');
    const el = (n: string) => f?.elements.namedItem(n) as HTMLInputElement | null;
    return f ? { name: el('name')!, email: el('email')!, phone: el('phone')!, consent: el('consent')! } : undefined;
  }

  /** The response as the form holds it now. The id is the draft's: pressing send again, even after a reload, is the same write. */
  private response(survey: Survey): object {
    const f = this.contactFields;
    const at = new Date().toISOString();
    const chapter = this.chosenChapter;
    // Details typed without consent are checked too (the schema then says the consent is missing), but never sent.
    const given = f && (f.consent.checked || [f.name, f.email, f.phone].some((i) => i.value.trim()));
    const consent = f?.consent.checked ? { purpose: 'survey-contact', version: this.host.consentVersion, text: this.t('consent'), at } : undefined;
    const contact = given ? { name: f.name.value, email: f.email.value, phone: f.phone.value, consent } : undefined;
    return {
      id: this.draft.id ?? newId(),
      survey: survey.id,
      // A question the survey no longer asks (its condition unmet) keeps no answer.
      answers: keptAnswers(survey, this.draft.answers),
      postcode: this.draft.postcode,
      chapter,
      region: this.host.chapters.items.find((c) => c.id === chapter)?.region,
      contact,
      locale: this.host.locale,
      created: at,
    };
  }

  /**
   * The survey's own rules for the questions of step `only` (all when undefined): required answers, where the
   * person is, and contact details only with consent (and consent only with details).
   */
  private problems(survey: Survey, only?: number): Record<string, string> {
    const out: Record<string, string> = {};
    const asked = this.asked(survey);
    const n = asked.length;
    asked.forEach((q, i) => {
      if (only !== undefined && only !== i) return;
      const v = this.draft.answers[q.id];
      if (empty(v)) {
        if (q.required) out[q.id] = this.t(q.other && this.otherChosen.has(q.id) ? 'otherMissing' : 'answerThis');
        return;
      }
      const problem = answerProblem(q, v!);
      if (problem) {
        const [key, vars] = problem;
        const day = typeof vars.day === 'string' ? formatDateTime(`${vars.day}T12:00:00Z`, this.host.locale, 'UTC', DAY) : undefined;
        out[q.id] = this.t(key, { ...vars, day });
      }
    });
    if ((only === undefined || only === n) && !this.draft.postcode?.trim() && !this.chosenChapter) out.where = this.t('whereMissing');
    const f = this.contactFields;
    if ((only === undefined || only === n + 1) && f) {
      const details = Boolean(f.email.value.trim() || f.phone.value.trim());
      if ((details || f.name.value.trim()) && !f.consent.checked) out.consent = this.t('consentMissing');
      else if (f.consent.checked && !details) out.consent = this.t('contactMissing');
    }
    return out;
  }

  /** The questions asked given the answers so far: a question whose condition is unmet is not shown. */
  private asked(survey: Survey): Question[] {
    return askedQuestions(survey, this.draft.answers);
  }

  private async onSubmit(e: Event, survey: Survey): Promise<void> {
    e.preventDefault();
    if (surveyWindow(survey) !== 'open') return this.host.requestUpdate();
    const asked = this.asked(survey);
    const last = asked.length + 1;
    const step = this.draft.step ?? 0;
    const stepping = this.steps && step < last;
    const record = this.form.check(this.response(survey), { problems: this.problems(survey, stepping ? step : undefined) });
    const bad = Object.keys(this.form.errors);
    if (!record || bad.length) {
      const first = bad[0]!;
      const at = asked.findIndex((q) => q.id === first);
      const label = at >= 0 ? translated(survey, asked[at]!, this.host.locale).text : this.form.errors[first]!;
      this.form.say({ tone: 'error', text: this.steps ? this.form.errors[first]! : this.t('fixFirst', { label }) });
      if (this.steps) this.save({ step: at >= 0 ? at : first === 'where' ? last - 1 : last });
      await this.host.updateComplete;
      (this.host.renderRoot.querySelector('[aria-invalid="true"], [data-question]:has(.error) input') as HTMLElement | null)?.focus();
      return;
    }
    this.form.say(undefined);
    if (stepping) return this.go(step + 1);
    this.save({ id: record.id });
    const outcome = await this.form.send(record, survey.public_results ? { device: pollDevice(this.host.dataAdapter!.source, survey.id) } : {});
    if (outcome.status !== 'sent' && outcome.status !== 'queued') return;
    if (outcome.status === 'queued') this.form.say({ tone: 'info', text: this.form.standing(record.id) });
    // The answers now live in the outbox until sent; the draft keeps only that this person is done.
    this.save({ answers: {}, postcode: undefined, chapter: undefined, step: 0, id: undefined, done: true });
    this.otherChosen.clear();
    this.focusStep = true;
  }

  private async go(step: number): Promise<void> {
    this.form.restart();
    this.form.say(undefined);
    this.save({ step });
    this.focusStep = true;
  }

  private again(): void {
    this.save({ done: false });
    this.form.say(undefined);
    this.form.restart();
    this.focusStep = true;
  }

  render(survey: Survey): TemplateResult {
    const when = surveyWindow(survey);
    if (when !== 'open') {
      const day = formatDateTime((when === 'before' ? survey.opens : survey.closes)!, this.host.locale, undefined, { weekday: undefined, month: 'long' });
      return html`<p class="notice" part="status" role="status">${this.t(when === 'before' ? 'opensOn' : 'closedOn', { day })}</p>`;
    }
    return this.draft.done ? this.renderThanks(survey) : this.renderForm(survey);
  }

  private renderForm(survey: Survey): TemplateResult {
    const qs = this.asked(survey);
    const total = qs.length + 2;
    const step = Math.min(this.draft.step ?? 0, total - 1);
    const show = (i: number) => !this.steps || i === step;
    const readonly = this.host.dataAdapter?.writable === false;
    const words = {
      required: this.t('requiredMark'),
      optional: this.t('optional'),
      yes: this.t('yes'),
      no: this.t('no'),
      other: this.t('other'),
      otherText: this.t('otherText'),
      choose: this.t('choose'),
      scaleOf: (value: number, max: number) => this.t('scaleOf', { value, max }),
    };
    const chapter = this.chosenChapter;
    const errors = this.form.errors;
    const whereErr = errors.where;
    const err = (k: string) => (errors[k] ? html`<p class="error" id=${`${k}-error`} part="error">${errors[k]}</p>` : nothing);
    const input = (name: 'name' | 'email' | 'phone', type: string, auto: string) => html`<label for=${name}>${this.t(name)}</label>
      <input id=${name} name=${name} type=${type} autocomplete=${auto} aria-invalid=${errors[name] ? 'true' : 'false'} aria-describedby=${errors[name] ? `${name}-error` : nothing} />${err(name)}`;
    return html`<form novalidate @submit=${(e: Event) => this.onSubmit(e, survey)} aria-busy=${this.form.sending ? 'true' : 'false'}>
      ${this.steps
        ? html`<div class="progress" part="progress" data-focus tabindex="-1">
            <span>${this.t('progress', { n: step + 1, total })}</span>
            <progress max=${total} .value=${step + 1} aria-hidden="true"></progress>
          </div>`
        : nothing}
      ${qs.map((q, i) =>
        show(i)
          ? renderQuestion(q, {
              shown: translated(survey, q, this.host.locale),
              value: this.draft.answers[q.id],
              error: errors[q.id],
              words,
              set: (v) => this.setAnswer(q, v),
              otherChosen: this.otherChosen.has(q.id),
              chooseOther: (on) => {
                if (on) this.otherChosen.add(q.id);
                else this.otherChosen.delete(q.id);
                this.host.requestUpdate();
              },
            })
          : nothing,
      )}
      <fieldset class="question where" part="question" ?hidden=${!show(qs.length)} aria-describedby=${whereErr ? 'where-error' : 'where-hint'}>
        <legend class="legend">${this.t('where')} <span class="mark">${this.t('requiredMark')}</span></legend>
        <p class="hint" id="where-hint">${this.t('whereHint')}</p>
        ${err('where')}
        <div class="pair">
          <div>
            <label for="postcode">${this.t('postcode')}</label>
            <input id="postcode" name="postcode" autocomplete="postal-code" inputmode="text" maxlength="16" .value=${this.draft.postcode ?? ''}
              aria-invalid=${whereErr ? 'true' : 'false'} @input=${(e: Event) => this.save({ postcode: (e.target as HTMLInputElement).value })} />
          </div>
          ${this.host.chapters.items.length
            ? html`<div>
                <label for="chapter">${this.t('chapter')}</label>
                <select id="chapter" name="chapter" @change=${(e: Event) => this.save({ chapter: (e.target as HTMLSelectElement).value || undefined })}>
                  <option value="" ?selected=${!chapter}>${this.t('noChapter')}</option>
                  ${[...this.host.chapters.items]
                    .sort((a, b) => a.name.localeCompare(b.name, this.host.locale))
                    .map((c) => html`<option value=${c.id} ?selected=${c.id === chapter} dir="auto">${c.name}</option>`)}
                </select>
              </div>`
            : nothing}
        </div>
      </fieldset>
      <fieldset class="question contact" part="question" ?hidden=${!show(qs.length + 1)} aria-describedby="contact-hint">
        <legend class="legend">${this.t('contact')} <span class="mark">${this.t('optional')}</span></legend>
        <p class="hint" id="contact-hint">${this.t('contactHint')}</p>
        <div class="pair">
          <div>${input('name', 'text', 'name')}</div>
          <div>${input('email', 'email', 'email')}</div>
          <div>${input('phone', 'tel', 'tel')}</div>
        </div>
        <label class="option consent" part="option">
          <input type="checkbox" name="consent" aria-invalid=${errors.consent ? 'true' : 'false'} aria-describedby=${errors.consent ? 'consent-error' : nothing} />
          <span>${this.t('consent')}</span>
        </label>
        ${err('consent')}
      </fieldset>
      ${this.form.renderHoneypot()} ${this.form.renderLive()} ${this.form.renderNotice()} ${this.form.renderRefused()}
      ${readonly ? this.form.renderReadOnly() : nothing}
      <div class="actions">
        ${this.steps && step > 0 ? html`<button type="button" class="secondary" part="button" @click=${() => this.go(step - 1)}>${this.t('back')}</button>` : nothing}
        <button type="submit" part="button" ?disabled=${readonly || this.form.sending}>
          ${this.form.sending ? this.t('sending') : this.steps && step < total - 1 ? this.t('next') : this.t('send')}
        </button>
      </div>
    </form>`;
  }

  private renderThanks(survey: Survey): TemplateResult {
    const thanks = survey.thanks ? translated(survey, 'thanks', this.host.locale) : undefined;
    const link = safeUrl(this.host.shareUrl ?? '') ?? location.href.split('#')[0]!;
    return html`<section class="thanks" part="thanks">
      ${staticHtml`<${this.host.heading(1)} tabindex="-1" data-focus>${this.t('thanks')}</${this.host.heading(1)}>`}
      <slot name="thanks">${thanks ? html`<p dir="auto" lang=${thanks.lang ?? nothing}>${thanks.text}</p>` : html`<p>${this.t('thanksText')}</p>`}</slot>
      ${this.form.renderNotice()} ${this.form.renderLive()}
      <p>${this.t('share')} <a href=${link}>${link}</a></p>
      <div class="actions">
        <button type="button" part="button" @click=${async (e: Event) => {
          await navigator.clipboard?.writeText(link).catch(() => undefined);
          (e.target as HTMLElement).nextElementSibling!.textContent = this.t('copied');
        }}>${this.t('copy')}</button>
        <span role="status"></span>
        <button type="button" class="secondary" part="button" @click=${() => this.again()}>${this.t('again')}</button>
      </div>
    </section>`;
  }
}
