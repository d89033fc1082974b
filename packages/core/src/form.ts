/**
 * FormController: what every Archipel form does with a record, so that the sign-up form, the story form and
 * the survey behave and speak alike. It checks the record with the collection's write reader and says what
 * is wrong by field, in the visitor's language; it owns the sending state, the honeypot, the time the form
 * was shown, one notice and one live region; it sends the reader's parsed value through the outbox and
 * reports one outcome: the promise `submit()` returns, and the events (`archipel-submit`, cancelable, then
 * `archipel-submitted` or `archipel-error`; a queued record fires `archipel-submitted` again once delivered).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import type { Adapter, SubmitMeta, SubmitResult } from './adapter.js';
import type { RecordReader } from './reader.js';
import type { WriteCollection } from './schema-types.js';
import { describeIssue, type Issue } from './issues.js';
import { outbox, type Delivered, type OutboxEntry, type SendOutcome, type SendProblem } from './outbox.js';
import { emit, type WrittenRecord } from './events.js';
import { asAdapterError, refusalKey, refusalOf, type Refusal } from './errors.js';
import { warnOnce } from './warn.js';

/** What a form controller needs of its element. */
export interface FormHost extends ReactiveControllerHost, EventTarget {
  readonly dataAdapter?: Adapter;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The element's words, in its language; forms speak from `sendWords` too. */
  t(key: string, vars?: Record<string, unknown>): string;
  /** The element's language, for the times it writes. */
  readonly locale?: string;
  readonly localName?: string;
}

/** The one shape of what a form says above or below its fields. */
export interface Notice {
  tone: 'info' | 'success' | 'error';
  text: string;
}

/** What became of a submission. */
export type FormOutcome<T> =
  /** Problems by field are in `errors`; nothing was stored. */
  | { status: 'invalid' }
  /** A listener of `archipel-submit` stopped it; nothing was stored. */
  | { status: 'cancelled'; record: T }
  | { status: 'sent' | 'queued'; record: T; result?: { id: string; status?: string } }
  /** The source refused it (`kept`: it stays on the device, marked failed), or the browser could not keep it. */
  | { status: 'failed'; record: T; reason: string; kept: boolean };

export interface FormOptions {
  collection: WriteCollection;
  reader: RecordReader;
  /** The field a problem belongs to (the id of its control); by default the first key of its path. */
  fieldOf?: (issue: Issue) => string;
  /** A catalogue key that says a field's problem better than the general words, if the form has one. */
  messageFor?: (issue: Issue, field: string) => string | undefined;
}

export interface CheckOptions {
  /** Fields the form requires beyond what the schema does (`required-fields`, required questions). */
  required?: readonly string[];
  /** Problems the form found itself, by field, already in the visitor's words. */
  problems?: Record<string, string>;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && !v.length);

/** The general words for a field's problem (catalogue keys of `sendWords`); other problems are described as issues. */
function generalMessage(issue: Issue): string | undefined {
  if (issue.message === 'contactNeeded') return 'fieldContact';
  if ((issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) || (issue.code === 'too_small' && issue.origin !== 'number')) return 'fieldMissing';
  if (issue.code === 'invalid_format' && issue.format === 'email') return 'fieldEmail';
  if (issue.code === 'invalid_format' && issue.format === 'phone') return 'fieldPhone';
  return undefined;
}

export class FormController<T extends WrittenRecord = WrittenRecord> implements ReactiveController {
  /** True while a record is on its way to the outbox. */
  sending = false;
  /** Problems by field (a control's id), in the visitor's words. */
  errors: Readonly<Record<string, string>> = {};
  notice?: Notice;
  /** Records of this source still waiting on this device (every form of the page, not only this one). */
  waiting = 0;
  /** Records of this collection and source that the source refused: shown to the person, to send again or discard. */
  refused: readonly OutboxEntry[] = [];
  /** What the live region says: emptied, then filled on the next frame, so that the same words are said again. */
  private announced = '';
  private shownAt = 0;
  /** Records this form sent that the outbox still holds, and why. */
  private readonly queued = new Map<string, { record: T; problem?: SendProblem }>();
  /** What the source answered for each record this form sent (its receipt may carry the person's private link). */
  private readonly receipts = new Map<string, SubmitResult>();
  private readonly honeypot = createRef<HTMLInputElement>();
  /** The source's token for the moment the form was shown, asked for once the form has a source. */
  private formToken?: Promise<string | undefined>;
  private tokenFor?: Adapter;
  private readonly onOutbox = () => void this.followOutbox();
  private readonly onDelivered = (e: Event) => {
    const { entry, result } = (e as CustomEvent<Delivered>).detail;
    if (result && this.queued.has(entry.id)) this.receipts.set(entry.id, result);
  };

  constructor(
    private readonly host: FormHost,
    private readonly options: FormOptions,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const adapter = this.host.dataAdapter;
    if (adapter?.writable && adapter !== this.tokenFor) {
      this.tokenFor = adapter;
      this.formToken = this.askToken(adapter);
    }
  }

  /** The source's signed time of "the form is shown", for its spam check; none if it offers none or cannot be reached. */
  private askToken(adapter: Adapter): Promise<string | undefined> {
    return (adapter.formToken?.() ?? Promise.resolve(undefined)).catch(() => undefined);
  }

  hostConnected(): void {
    this.shownAt = performance.now();
    const box = outbox();
    box.addEventListener('change', this.onOutbox);
    box.addEventListener('delivered', this.onDelivered);
    // Records left on this device by an earlier visit are sent now.
    box.watch();
    void this.followOutbox();
  }

  hostDisconnected(): void {
    outbox().removeEventListener('change', this.onOutbox);
    outbox().removeEventListener('delivered', this.onDelivered);
  }

  /** Whether a record this form sent is still waiting on the device. */
  isQueued(id: string): boolean {
    return this.queued.has(id);
  }

  /** What the source answered for a record this form sent, once it did. */
  receipt(id: string): SubmitResult | undefined {
    return this.receipts.get(id);
  }

  /**
   * Where a record this form sent stands, in the visitor's words: sent, or kept on the device and why (offline or
   * no answer: it will be sent; the source does not allow this site yet: it will be sent once the campaign fixes that).
   */
  standing(id: string): string {
    const waiting = this.queued.get(id);
    if (!waiting) return this.host.t('sentNow');
    return this.host.t(waiting.problem === 'blocked' ? 'queuedBlocked' : 'queued');
  }

  /** Shows `notice` and says it in the live region (errors are alerts of their own). */
  say(notice: Notice | undefined): void {
    this.notice = notice;
    this.announced = '';
    if (notice && notice.tone !== 'error') requestAnimationFrame(() => ((this.announced = notice.text), this.host.requestUpdate()));
    this.host.requestUpdate();
  }

  /** Drops a field's problem once the person has dealt with it (answered the question, say). */
  forget(field: string): void {
    if (!(field in this.errors)) return;
    const { [field]: _gone, ...rest } = this.errors;
    this.errors = rest;
    this.host.requestUpdate();
  }

  /** A fresh start for the next person (a stall's form): no problems, no notice, the clock reset. */
  restart(): void {
    this.errors = {};
    this.shownAt = performance.now();
    if (this.tokenFor) this.formToken = this.askToken(this.tokenFor);
    this.host.requestUpdate();
  }

  /**
   * Checks `raw` and sets `errors`: the form's own problems first, then required fields left empty, then the
   * schema's rules (the ones every source runs). Returns the record as the schema reads it, or undefined.
   */
  check(raw: object, { required = [], problems = {} }: CheckOptions = {}): T | undefined {
    const errors: Record<string, string> = { ...problems };
    const t = this.host.t.bind(this.host);
    for (const field of required) if (blank((raw as Record<string, unknown>)[field])) errors[field] ??= t('fieldMissing');
    const parsed = this.options.reader.read(raw);
    for (const issue of parsed.error?.issues ?? []) {
      const field = this.options.fieldOf?.(issue) ?? String(issue.path[0] ?? '');
      if (errors[field]) continue;
      const key = this.options.messageFor?.(issue, field) ?? generalMessage(issue);
      errors[field] = key ? t(key, { max: (issue as { maximum?: unknown }).maximum }) : describeIssue({ ...issue, path: [] }, t);
    }
    this.errors = errors;
    this.host.requestUpdate();
    return Object.keys(errors).length ? undefined : (parsed.data as T);
  }

  /**
   * Moves focus to the notice once it shows: a form that is emptied after sending (its button disabled while
   * it sent) would otherwise leave focus on the page, and the person would not know where they are.
   */
  async focusNotice(): Promise<void> {
    await this.host.updateComplete;
    (this.host.renderRoot as ParentNode).querySelector<HTMLElement>('.notice[data-tone]')?.focus();
  }

  /** Moves focus to the first control marked invalid, once the form shows its problems. */
  async focusFirstProblem(): Promise<void> {
    await this.host.updateComplete;
    (this.host.renderRoot as ParentNode).querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  /**
   * Sends a record `check()` returned: `archipel-submit` (a listener may cancel), then the outbox (stored on the
   * device first, sent at once if it can be). The promise says what became of it; `archipel-submitted` or
   * `archipel-error` follow a task later, once the form has taken the outcome in, so that listeners find the
   * form as it now is (a thank-you shown, a stall's form blank again).
   */
  async send(record: T & { id: string }, extra: Pick<SubmitMeta, 'device'> = {}): Promise<FormOutcome<T>> {
    const adapter = this.host.dataAdapter;
    const { collection } = this.options;
    if (this.sending || !adapter?.writable) return { status: 'invalid' };
    if (!emit(this.host, 'archipel-submit', { collection, record }, { cancelable: true })) return { status: 'cancelled', record };
    this.sending = true;
    this.say(undefined);
    // A token the source could not give when the form was shown (a bad connection) is asked for once more.
    let started = await this.formToken;
    if (!started) started = await (this.formToken = this.askToken(adapter));
    const sent = await this.store(adapter, record, { ...extra, ...(started ? { started } : {}) });
    this.sending = false;
    if (sent.status === 'failed') {
      const reason = sent.message ?? '';
      const kept = sent.kept !== false;
      this.tellConsole(reason);
      this.say({ tone: 'error', text: this.host.t(kept ? 'failed' : 'unsaved', { reason: this.refusalWords(sent.refusal) }) });
      setTimeout(() => emit(this.host, 'archipel-error', { collection, record, error: new Error(reason) }));
      return { status: 'failed', record, reason, kept };
    }
    if (sent.status === 'queued') this.queued.set(record.id, { record, problem: sent.problem });
    if (sent.result) this.receipts.set(record.id, sent.result);
    this.host.requestUpdate();
    setTimeout(() => {
      emit(this.host, 'archipel-submitted', { collection, record, status: sent.status as 'sent' | 'queued' });
      void this.followOutbox();
    });
    return { status: sent.status, record, result: sent.result };
  }

  private async store(adapter: Adapter, record: T & { id: string }, extra: SubmitMeta): Promise<SendOutcome> {
    const meta: SubmitMeta = { hp: this.honeypot.value?.value ?? '', elapsed: Math.round(performance.now() - this.shownAt), ...extra };
    try {
      return await outbox().add(adapter, this.options.collection, record, meta);
    } catch {
      // Storage blocked (every cookie refused) or full: without the safety net, one direct attempt.
      const entry: OutboxEntry = { id: record.id, source: adapter.source, collection: this.options.collection, record, meta, created: Date.now(), attempts: 1, nextAt: 0, state: 'failed' };
      return adapter.submit(this.options.collection, record, meta).then(
        (result): SendOutcome => ({ status: 'sent', entry, result }),
        (e: unknown): SendOutcome => {
          const error = asAdapterError(e);
          return { status: 'failed', entry, message: error.message, refusal: refusalOf(error), kept: false };
        },
      );
    }
  }

  /** Keeps `waiting`, `refused` and the queued records in step with the outbox: a delivered or refused record is reported once. */
  private async followOutbox(): Promise<void> {
    const source = this.host.dataAdapter?.source;
    if (!source) return;
    const { collection } = this.options;
    const entries = await outbox().list(source);
    this.waiting = entries.filter((e) => e.state === 'pending').length;
    this.refused = entries.filter((e) => e.state === 'failed' && e.collection === collection);
    for (const [id, { record }] of this.queued) {
      const entry = entries.find((e) => e.id === id);
      if (entry?.state === 'pending') {
        this.queued.set(id, { record, problem: entry.problem });
        continue;
      }
      this.queued.delete(id);
      if (entry) {
        this.tellConsole(entry.lastError ?? '');
        this.say({ tone: 'error', text: this.host.t('failed', { reason: this.refusalWords(entry.refusal) }) });
        emit(this.host, 'archipel-error', { collection, record, error: new Error(entry.lastError) });
      } else emit(this.host, 'archipel-submitted', { collection, record, status: 'sent' });
    }
    this.host.requestUpdate();
  }

  /** Why a record was not taken, as the person reads it: what happened and what they can do, never the source's own words. */
  private refusalWords(refusal: Refusal | undefined): string {
    return this.host.t(refusalKey(refusal ?? 'setup'));
  }

  /** The source's own words go to the console, for the webmaster and staff. */
  private tellConsole(reason: string): void {
    if (reason) warnOnce(`refused:${this.options.collection}:${reason}`, `<${this.host.localName ?? 'form'}>: the source did not take the ${this.options.collection} record: ${reason}`);
  }

  /** Sends a refused record again, as it is (the campaign may have fixed what refused it). */
  async retry(id: string): Promise<void> {
    const entry = this.refused.find((e) => e.id === id);
    if (!entry) return;
    this.queued.set(id, { record: entry.record as T });
    await outbox().retry(id);
  }

  /** Forgets a refused record, as the person asked: nothing of it stays on the device. */
  discard(id: string): Promise<void> {
    return outbox().discard(id);
  }

  /**
   * Records the source refused, each with its reason and the choice to send it again or discard it. On a shared
   * device the next person sees only when it was sent and why it was refused, never what it held.
   */
  renderRefused(): TemplateResult | typeof nothing {
    if (!this.refused.length) return nothing;
    const t = this.host.t.bind(this.host);
    return html`<ul class="refused" part="refused">
      ${this.refused.map(
        (e) => html`<li>
          <p>${t('refusedAt', { time: new Date(e.created).toLocaleTimeString(this.host.locale, { hour: '2-digit', minute: '2-digit' }), reason: this.refusalWords(e.refusal) })}</p>
          <button type="button" @click=${() => this.retry(e.id)}>${t('retry')}</button>
          <button type="button" @click=${() => this.discard(e.id)}>${t('discard')}</button>
        </li>`,
      )}
    </ul>`;
  }

  /**
   * What a visitor reads when the form's source takes no writes (JSON files, a plain Google Sheet): the form is not
   * open yet. The console says why and what to change.
   */
  renderReadOnly(): TemplateResult {
    const source = this.host.dataAdapter?.source ?? '';
    warnOnce(`readonly:${source}`, `<${this.host.localName ?? 'form'}> cannot send: its source ${source} is read-only (JSON files or a Google Sheet read directly). Point it at the Archipel server or an Apps Script web app.`);
    return html`<p class="notice" role="status" part="status">${this.host.t('readonly')}</p>`;
  }

  /** The form's notice: an alert for a problem; other notices are said by the live region (`renderLive()`). */
  renderNotice(): TemplateResult | typeof nothing {
    const n = this.notice;
    return n ? html`<p class="notice" data-tone=${n.tone} role=${n.tone === 'error' ? 'alert' : nothing} part="status" tabindex="-1">${n.text}</p>` : nothing;
  }

  /** The live region that says notices: once per `say()`, even the same words twice. Every form renders it once. */
  renderLive(): TemplateResult {
    return html`<p class="visually-hidden" role="status">${this.announced}</p>`;
  }

  /** "(required)" in words, after the label of a field the form cannot be sent without; the control's own `required` says it to a screen reader. */
  renderRequiredMark(): TemplateResult {
    // A no-break space: the build's HTML minifier takes out a space that starts a template, and the mark never
    // starts a line alone.
    return html`&nbsp;<span class="mark" aria-hidden="true">${this.host.t('requiredMark')}</span>`;
  }

  /** The field people never see and bots fill in; its value travels with the record as a spam check. */
  renderHoneypot(): TemplateResult {
    return html`<div class="visually-hidden" aria-hidden="true">
      <label>${this.host.t('honeypot')} <input name="website" tabindex="-1" autocomplete="off" ${ref(this.honeypot)} /></label>
    </div>`;
  }

  /** A field's problem, if it has one, to show under it (`id` is its control's). */
  renderError(id: string): TemplateResult | typeof nothing {
    const text = this.errors[id];
    return text ? html`<p class="error" id="e-${id}" part="error">${text}</p>` : nothing;
  }

  /** The attributes a control with a problem needs: `aria-invalid` and `aria-describedby`. */
  invalid(id: string): { invalid: 'true' | 'false'; describedBy: string | typeof nothing } {
    return this.errors[id] ? { invalid: 'true', describedBy: `e-${id}` } : { invalid: 'false', describedBy: nothing };
  }
}
