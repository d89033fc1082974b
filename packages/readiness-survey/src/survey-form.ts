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
import { describeIssue, safeUrl, type CoreKey } from '@archipel/core';
import type { Question, Survey } from '@archipel/core/schemas/surveys';
import type { AnswerValue } from '@archipel/core/schemas/responses';
import type { ReadinessSurvey } from './readiness-survey.component.js';
import { renderQuestion } from './fields.js';
import { loadDraft, saveDraft, type Draft } from './draft.js';
// Static imports: this form is itself a lazy chunk, loaded while online; importing these only at
// "send" failed offline on a first visit, and the answer never reached the outbox.
import { ResponseSchema } from '@archipel/core/schemas/responses';
import { sendRecord } from '@archipel/core/outbox';

import { surveyFormWords, type SurveyFormKey } from './strings/survey-form.js';
import { sendWords, type SendKey } from '@archipel/core';
export const viewWords = [surveyFormWords, sendWords];
type FormKey = SurveyFormKey | SendKey;
export { formStyles as viewStyles } from './survey-form.styles.js';

const empty = (v: unknown) => v === undefined || v === '' || (Array.isArray(v) && !v.length);

export class SurveyForm implements ReactiveController {
  private draft: Draft = { answers: {} };
  private errors: Record<string, string> = {};
  private sending = false;
  private notice?: { text: string; tone?: 'error' };
  private draftFor?: string;
  private shownAt = Date.now();
  private focusStep = false;

  constructor(private readonly host: ReadinessSurvey) {
    host.addController(this);
  }

  private t(key: FormKey | CoreKey, vars?: Record<string, unknown>): string {
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
    if (this.errors[q.id]) this.errors = { ...this.errors, [q.id]: '' };
  }

  /** Problems in the questions of `only` (all when undefined), by field. */
  private check(survey: Survey, only?: number): Record<string, string> {
    const out: Record<string, string> = {};
    const n = survey.questions.length;
    survey.questions.forEach((q, i) => {
      if ((only === undefined || only === i) && q.required && empty(this.draft.answers[q.id])) out[q.id] = this.t('answerThis');
    });
    if (only === undefined || only === n) {
      if (!this.draft.postcode?.trim() && !this.chosenChapter) out.where = this.t('whereMissing');
    }
    if (only === undefined || only === n + 1) {
      const f = this.form;
      const email = f?.email.value.trim();
      if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email)) out.email = this.t('badEmail');
      const details = Boolean(email || f?.phone.value.trim());
      if (f && (details || f.name.value.trim()) && !f.consent.checked) out.consent = this.t('consentMissing');
      else if (f?.consent.checked && !details) out.consent = this.t('contactMissing');
    }
    return out;
  }

  private get chosenChapter(): string | undefined {
    return this.draft.chapter || this.host.chapter || this.host.hubChapter?.id;
  }

  /** The contact fields, which are read when sending rather than kept in state (and never in the draft). */
  private get form() {
    const f = this.host.renderRoot.querySelector('form');
    const el = (n: string) => f?.elements.namedItem(n) as HTMLInputElement | null;
    return f ? { name: el('name')!, email: el('email')!, phone: el('phone')!, consent: el('consent')!, hp: el('website')! } : undefined;
  }

  private async onSubmit(e: Event, survey: Survey): Promise<void> {
    e.preventDefault();
    const last = survey.questions.length + 1;
    const step = this.draft.step ?? 0;
    const stepping = this.steps && step < last;
    this.errors = this.check(survey, stepping ? step : undefined);
    const bad = Object.keys(this.errors).filter((k) => this.errors[k]);
    if (bad.length) {
      const first = bad[0]!;
      const at = survey.questions.findIndex((q) => q.id === first);
      const label = at >= 0 ? survey.questions[at]!.label : this.errors[first]!;
      this.notice = { text: this.steps ? this.errors[first]! : this.t('fixFirst', { label }), tone: 'error' };
      if (this.steps) this.save({ step: at >= 0 ? at : first === 'where' ? last - 1 : last });
      this.host.requestUpdate();
      await this.host.updateComplete;
      (this.host.renderRoot.querySelector('[aria-invalid="true"], [data-question]:has(.error) input') as HTMLElement | null)?.focus();
      return;
    }
    this.notice = undefined;
    if (stepping) return this.go(step + 1);
    await this.send(survey);
  }

  private async go(step: number): Promise<void> {
    this.errors = {};
    this.notice = undefined;
    this.save({ step });
    this.focusStep = true;
  }

  private async send(survey: Survey): Promise<void> {
    const adapter = this.host.dataAdapter;
    const f = this.form;
    if (!adapter || !f || this.sending) return;
    const at = new Date().toISOString();
    const chapter = this.chosenChapter;
    const region = this.host.chapters.items.find((c) => c.id === chapter)?.region;
    const contact = f.consent.checked
      ? { name: f.name.value || undefined, email: f.email.value || undefined, phone: f.phone.value || undefined, consent: { purpose: 'survey-contact', version: this.host.consentVersion, text: this.t('consent'), at } }
      : undefined;
    // The id is kept with the draft: pressing send again, even after a reload, is the same write.
    const id = this.draft.id ?? crypto.randomUUID();
    this.save({ id });
    const raw = { id, survey: survey.id, answers: this.draft.answers, postcode: this.draft.postcode || undefined, chapter, region, contact, locale: this.host.locale, created: at };
    const parsed = ResponseSchema.safeParse(raw);
    if (!parsed.success) {
      this.notice = { text: this.t('failed', { reason: describeIssue(parsed.error.issues[0]!, (k, v) => this.t(k as CoreKey, v)) }), tone: 'error' };
      return this.host.requestUpdate();
    }
    const record = parsed.data;
    this.sending = true;
    this.host.requestUpdate();
    await sendRecord(this.host, adapter, 'responses', record, { hp: f.hp.value, elapsed: Date.now() - this.shownAt }, (outcome) => {
      this.sending = false;
      if (!outcome || outcome.status === 'failed') {
        if (outcome) this.notice = { text: this.t(outcome.kept === false ? 'unsaved' : 'failed', { reason: outcome.message ?? '' }), tone: 'error' };
        return this.host.requestUpdate();
      }
      this.notice = outcome.status === 'queued' ? { text: this.t('queued') } : undefined;
      // The answers now live in the outbox until sent; the draft keeps only that this person is done.
      this.save({ answers: {}, postcode: undefined, chapter: undefined, step: 0, id: undefined, done: true });
      this.focusStep = true;
    });
  }

  private again(): void {
    this.save({ done: false });
    this.notice = undefined;
    this.shownAt = Date.now();
    this.focusStep = true;
  }

  render(survey: Survey): TemplateResult {
    return this.draft.done ? this.renderThanks() : this.renderForm(survey);
  }

  private renderForm(survey: Survey): TemplateResult {
    const qs = survey.questions;
    const total = qs.length + 2;
    const step = Math.min(this.draft.step ?? 0, total - 1);
    const show = (i: number) => !this.steps || i === step;
    const readonly = this.host.dataAdapter?.writable === false;
    const words = {
      required: this.t('requiredMark'),
      optional: this.t('optional'),
      yes: this.t('yes'),
      no: this.t('no'),
      scaleOf: (value: number, max: number) => this.t('scaleOf', { value, max }),
    };
    const chapter = this.chosenChapter;
    const whereErr = this.errors.where;
    const err = (k: string) => (this.errors[k] ? html`<p class="error" id=${`${k}-error`} part="error">${this.errors[k]}</p>` : nothing);
    const input = (name: string, type: string, auto: string) => html`<label for=${name}>${this.t(name as FormKey)}</label>
      <input id=${name} name=${name} type=${type} autocomplete=${auto} aria-invalid=${this.errors[name] ? 'true' : 'false'} aria-describedby=${this.errors[name] ? `${name}-error` : nothing} />${err(name)}`;
    return html`<form novalidate @submit=${(e: Event) => this.onSubmit(e, survey)} aria-busy=${this.sending ? 'true' : 'false'}>
      ${this.steps
        ? html`<div class="progress" part="progress" data-focus tabindex="-1">
            <span>${this.t('progress', { n: step + 1, total })}</span>
            <progress max=${total} .value=${step + 1} aria-hidden="true"></progress>
          </div>`
        : nothing}
      ${qs.map((q, i) =>
        show(i)
          ? renderQuestion(q, { value: this.draft.answers[q.id], error: this.errors[q.id], words, set: (v) => this.setAnswer(q, v) })
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
                    .map((c) => html`<option value=${c.id} ?selected=${c.id === chapter}>${c.name}</option>`)}
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
          <input type="checkbox" name="consent" aria-invalid=${this.errors.consent ? 'true' : 'false'} aria-describedby=${this.errors.consent ? 'consent-error' : nothing} />
          <span>${this.t('consent')}</span>
        </label>
        ${err('consent')}
      </fieldset>
      <div class="hp" aria-hidden="true"><label>Website <input name="website" tabindex="-1" autocomplete="off" /></label></div>
      <div class="live" role="status" aria-live="polite">
        ${this.notice ? html`<p class="notice" data-tone=${this.notice.tone ?? nothing} part="status">${this.notice.text}</p>` : nothing}
        ${readonly ? html`<p class="notice" part="status">${this.t('readonly')}</p>` : nothing}
      </div>
      <div class="actions">
        ${this.steps && step > 0 ? html`<button type="button" class="secondary" part="button" @click=${() => this.go(step - 1)}>${this.t('back')}</button>` : nothing}
        <button type="submit" part="button" ?disabled=${readonly || this.sending}>
          ${this.sending ? this.t('sending') : this.steps && step < total - 1 ? this.t('next') : this.t('send')}
        </button>
      </div>
    </form>`;
  }

  private renderThanks(): TemplateResult {
    const link = safeUrl(this.host.shareUrl ?? '') ?? location.href.split('#')[0]!;
    return html`<section class="thanks" part="thanks">
      <h3 tabindex="-1" data-focus>${this.t('thanks')}</h3>
      <slot name="thanks"><p>${this.t('thanksText')}</p></slot>
      ${this.notice ? html`<p class="notice" role="status" part="status">${this.notice.text}</p>` : nothing}
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
