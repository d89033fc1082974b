import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { property, state } from 'lit/decorators.js';
import { ArchipelElement, CollectionController, translated, type SendKey, surveyReader, type Survey, chapterReader, type Chapter, type SurveyResponse, type StaffKey } from '@archipel/core';
import { surveyWords, type SurveyKey } from './strings/readiness-survey.js';
import type { SurveyFormKey } from './strings/survey-form.js';
import type { ResultsKey } from './strings/results.js';
import type { SurveyForm } from './survey-form.js';
import type { ResultsView } from './results-view.js';
import { styles } from './readiness-survey.styles.js';

export type SubmittedDetail = { status: 'sent' | 'queued'; record: SurveyResponse };

const VIEWS = ['survey', 'results'] as const;
const LAYOUTS = ['auto', 'steps', 'page'] as const;
/** Below this width (px) the survey asks one question per step. */
const NARROW = 600;

/**
 * @summary A "raise your hand" survey for supporters and, with `view="results"`, the results for staff:
 * charts with their data tables, filters, one cross-tab, CSV export, and where the energy is, chapter by chapter.
 * @tag readiness-survey
 *
 * @slot thanks - Replaces the thank-you text after sending.
 *
 * @csspart base - The root of the widget.
 * @csspart header - Title and introduction.
 * @csspart progress - "Step 2 of 9" and its bar (one question per step).
 * @csspart question - One question (a fieldset, or a label and text area).
 * @csspart option - One choice of a question.
 * @csspart error - A validation message.
 * @csspart button - Every button.
 * @csspart status - Loading, error, offline, staff-only and sending messages.
 * @csspart thanks - The thank-you step.
 * @csspart results - The results view.
 * @csspart chart - A chart with its data table.
 * @csspart table - A data table.
 * @csspart energy - "Where is the energy": readiness by chapter and region.
 * @csspart filters - The results' filters.
 * @csspart staff - The closed staff door below public results.
 * @csspart sign-in - The staff token form.
 * @csspart input - The staff token field.
 * @csspart refused - Answers the source refused, each with its reason and the buttons to send it again or discard it.
 *
 * @cssprop --archipel-survey-button-background - Buttons (default: `--archipel-color-brand`, else `#1a7f5a`).
 * @cssprop --archipel-survey-button-color - Text on buttons (default: `--archipel-color-brand-contrast`, else `#fff`).
 * @cssprop --archipel-survey-accent - Chosen options, the progress bar and chart bars (default: the brand colour; for the bars, the brand colour made readable on the surface, light or dark, a hub's inside a `<chapter-hub>`).
 * @cssprop --archipel-survey-max-width - The width of the form; the results take the full width (default `42rem`).
 *
 * @fires {CustomEvent<SubmitDetail<SurveyResponse>>} archipel-submit - Before sending; cancelable (`preventDefault()` stops it); detail `{collection: 'responses', record}`.
 * @fires {CustomEvent<SubmittedDetail<SurveyResponse>>} archipel-submitted - Sent, or kept on the device to be sent automatically; detail `{collection: 'responses', record, status: 'sent' | 'queued'}`.
 * @fires {CustomEvent<LoadDetail>} archipel-load - The survey and the chapters were read (the saved copy, then the fresh one); detail `{collection, source, count, skipped, fromCache, offline}`.
 * @fires {CustomEvent<ErrorDetail>} archipel-error - A read failed, or the source refused the answers (they stay on the device, marked with the reason); detail `{collection, error}`, or `{collection: 'responses', record, error}`.
 */

export class ReadinessSurvey extends ArchipelElement<SurveyKey | SurveyFormKey | SendKey | ResultsKey | StaffKey> {
  static override words = [surveyWords];
  static override styles = [...ArchipelElement.styles, styles];

  /** The id of the survey to show, as in the source's `surveys`; an id the source does not have is said on screen. */
  @property() survey = '';
  /** `survey` for supporters, or `results` for staff (and for anyone when the survey's results are public). Reflected; another value warns once and shows the survey. */
  @property({ reflect: true }) view: 'survey' | 'results' = 'survey';
  /** `auto` (one question per step when the widget is narrower than 600 px, else one page), `steps` or `page`; another value warns once and uses `auto`. */
  @property() layout: 'auto' | 'steps' | 'page' = 'auto';
  /** The link offered on the thank-you step; by default, or when it is not an http, https or mailto address, this page's. */
  @property({ attribute: 'share-url' }) shareUrl?: string;
  /** The version of the contact consent's wording, stored with each consent given. */
  @property({ attribute: 'consent-version' }) consentVersion = '1';
  /** A local group chosen in advance, by its id (a chapter's own page). By default the enclosing `<chapter-hub>`'s. */
  @property() chapter?: string;
  /** Results view: refresh every 30 seconds, at once when the source reports new responses, and when a form on this page sends one. */
  @property({ type: Boolean }) live = false;
  /** A staff token for the results view: what staff type at its sign-in, or set in code. A property only, so it never sits in the page's HTML; nothing stores it. */
  @property({ attribute: false }) token?: string;

  /** Whether the element is narrower than 600px (one question per step when `layout="auto"`). */
  @state() narrow = false;

  private readonly surveys = new CollectionController(this, 'surveys', surveyReader);
  /**
   * The source's chapters: the form offers them, the results name them.
   * @internal for the survey's views
   */
  readonly chapters = new CollectionController(this, 'chapters', chapterReader);
  /** The views' code, loaded on first use: survey-form.ts, or results-view.ts (with Chart.js behind it). */
  private views: { survey?: SurveyForm; results?: ResultsView } = {};
  private readonly viewsLoading = new Set<string>();
  private widthWatcher?: ResizeObserver;

  /** The survey's record once read; undefined before, or when the source has no such survey. */
  get record(): Survey | undefined {
    return this.surveys.items.find((s) => s.id === this.survey);
  }

  /**
   * The enclosing hub's chapter, if any.
   * @internal for the survey's views
   */
  get hubChapter(): Chapter | undefined {
    return this.contextChapter;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.widthWatcher ??= new ResizeObserver(([e]) => {
      const narrow = (e?.contentRect.width ?? NARROW) < NARROW;
      if (narrow !== this.narrow) this.narrow = narrow;
    });
    this.widthWatcher.observe(this);
    // Decide before the first paint, so a phone never flashes the long form.
    const width = this.getBoundingClientRect().width;
    if (width) this.narrow = width < NARROW;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.widthWatcher?.disconnect();
  }

  protected override willUpdate(): void {
    this.view = this.checkOption('view', this.view, VIEWS, 'survey');
    this.layout = this.checkOption('layout', this.layout, LAYOUTS, 'auto');
    if (!this.views[this.view] && !this.viewsLoading.has(this.view)) void this.loadView(this.view);
  }

  private async loadView(view: 'survey' | 'results'): Promise<void> {
    this.viewsLoading.add(view);
    const m = view === 'survey' ? await import('./survey-form.js') : await import('./results-view.js');
    // Each view's words arrive with its code: supporters never download the results' words, nor staff the form's.
    this.learn(m.viewWords, m.viewStyles);
    if ('SurveyForm' in m) this.views.survey ??= new m.SurveyForm(this);
    else this.views.results ??= new m.ResultsView(this);
    this.requestUpdate();
  }

  override render(): TemplateResult {
    const survey = this.record;
    const view = this.views[this.view];
    let body: unknown;
    if (!survey) {
      const status = this.renderStatus(this.surveys);
      body = status === nothing ? html`<p class="notice" data-tone="error" role="alert" part="status">${this.t('unknownSurvey', { id: this.survey })}</p>` : status;
    } else {
      body = view ? view.render(survey) : html`<p class="notice" role="status" part="status" aria-busy="true">${this.t('loading')}</p>`;
    }
    return html`<div part="base" class="base">
      ${survey ? this.renderHeader(survey) : nothing}
      ${body}
    </div>`;
  }

  private renderHeader(survey: Survey): TemplateResult {
    const title = translated(survey, 'title', this.locale);
    const intro = translated(survey, 'intro', this.locale);
    const introShown = intro.text && this.view === 'survey' && this.views.survey && !this.views.survey.done;
    return html`<div part="header" class="header">
      ${staticHtml`<${this.heading()} class="title" dir="auto" lang=${title.lang ?? nothing}>${title.text}</${this.heading()}>`}
      ${introShown ? html`<p dir="auto" lang=${intro.lang ?? nothing}>${intro.text}</p>` : nothing}
    </div>`;
  }
}
