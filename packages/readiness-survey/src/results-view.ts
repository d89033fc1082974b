/**
 * The staff view of a survey: where the energy is (readiness by chapter and
 * region, ranked), every question as a chart with its data table, filters
 * by chapter, region and date, one cross-tab, live refresh and CSV export.
 *
 * Loaded only when `view="results"`, and Chart.js only from here (charts.ts).
 * Counting is core's (results.ts): the REST server runs it and answers
 * `/surveys/{id}/results`; for sources without server-side results (the Apps
 * Script, JSON files) the responses are read with the token and counted here
 * with the same code, so both agree. Staff reads skip the IndexedDB cache:
 * answers are personal data, and the device may be shared.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';
import { AdapterError, asAdapterError, formatDateTime, formatNumber, parseCollection, translated, type Shown, type StaffAccess, aggregate, crossTab, filterResponses, type QuestionResult, type ReadinessRow, type ResultFilters, type SurveyResults, type SurveyResponse, type Survey, mix, parseColour, textOn, toHex, type Rgb, StaffSignIn, responseReader, type ArchipelElement, type CollectionController, type DataHost, type Locale, type StaffKey } from '@archipel/core';
import type { SubmittedDetail } from './readiness-survey.component.js';
import type { Chart, ChartColours, ChartRow } from './charts.js';

import { resultsWords, type ResultsKey } from './strings/results.js';
export const viewWords = [resultsWords];
export { resultsStyles as viewStyles } from './results-view.styles.js';

type By = 'chapter' | 'region';
/**
 * Results as a source gives them. Public results from the reference server hide every group smaller than
 * `fewerThan` (5): such a count is `null`, and the view says "fewer than 5".
 */
export type Results = SurveyResults & { fewerThan?: number; crossTab?: { question: string; by: By; counts: Record<string, Record<string, number>> } };
/** A count as public results give it: `null` for a group too small to tell. */
type Count = number | null | undefined;

/** A count from results, kept `null` (too small to tell) rather than turned into 0. */
const known = (n: Count): number | null => (n === undefined ? 0 : n);

/** What the results view needs of its element. */
export interface ResultsViewHost extends DataHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly isConnected: boolean;
  readonly locale: Locale;
  /** The survey's id, and its record once read. */
  readonly survey: string;
  readonly record?: Survey;
  /** The view shown: the results are read only while it is "results". */
  readonly view: 'survey' | 'results';
  /** A staff token, typed at the sign-in or set by the page. */
  readonly token?: string;
  /** Refresh while shown: every 30 seconds, when the source says so, when a form on the page sends a response. */
  readonly live: boolean;
  /** The source's chapters: their names, and the region of a response that gives only its chapter. */
  readonly chapters: CollectionController<'chapters'>;
  /** The tag of a heading `depth` levels below the widget's first. */
  heading(depth?: number): StaticValue;
}

/** "rgb(1, 2, 3)" → [1, 2, 3]; undefined for a colour one cannot see through (alpha 0) or cannot read. */
function rgbOf(css: string): Rgb | undefined {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(css);
  if (!m || m[4] === '0') return undefined;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Rows of a ranked table shown before "Show all". */
const FIRST = 10;
const LIVE_EVERY = 30_000;

export class ResultsView implements ReactiveController {
  private filters: ResultFilters = {};
  /** The date filter's days, as the staff member typed them. */
  private daysTyped: { from?: string; to?: string } = {};
  private crossTabAsked: { question?: string; by: By } = { by: 'region' };
  private results?: Results;
  /** The survey's responses, when this source gives no server-side results. */
  private responses?: SurveyResponse[];
  /** The nearest chapter to a postcode, once the place index has loaded (placePostcodes). */
  private chapterByPostcode?: (postcode: string) => string | undefined;
  /** The source cannot count: the responses are counted here. */
  private countedHere = false;
  private error?: AdapterError;
  private loading = false;
  private updatedAt?: number;
  /** Numbers the reads, so that only the latest one lands. */
  private readRun = 0;
  private loadedFor?: string;
  private liveTimer?: ReturnType<typeof setInterval>;
  private unsubscribe?: () => void;
  private readonly charts = new Map<string, Chart<'bar'>>();
  private chartsModule?: Promise<typeof import('./charts.js')>;
  private drawnFor?: Results;
  /** The language the charts were drawn in: their labels are the survey's words. */
  private drawnIn?: string;
  /** Tables and lists opened with "Show all". */
  private readonly expanded = new Set<string>();
  private chaptersCounted?: unknown[];
  /** Chapters and regions seen in any answer, so a filter never hides its own choices. */
  private readonly seen = { chapter: new Set<string>(), region: new Set<string>() };
  private readonly signIn: StaffSignIn;
  private readonly host: ResultsViewHost;

  /** Core's staff sign-in takes the element itself; the view reads only what `ResultsViewHost` names. */
  constructor(host: ResultsViewHost & ArchipelElement<StaffKey>) {
    this.host = host;
    host.addController(this);
    this.signIn = new StaffSignIn(host, () => void this.load(true), '[part=results] .summary');
  }

  private t(key: ResultsKey | 'loading' | 'retry' | 'error', vars?: Record<string, unknown>): string {
    return this.host.t(key, vars);
  }

  /** Whether this person may see the results: a token, or results the survey made public. */
  private allowed(survey: Survey): boolean {
    return Boolean(this.host.token) || Boolean(survey.public_results);
  }

  private access(): StaffAccess | undefined {
    return this.host.token ? { token: this.host.token } : undefined;
  }

  hostUpdate(): void {
    const survey = this.host.record;
    const adapter = this.host.dataAdapter;
    // Responses without a region take their chapter's: count again once the chapters arrive.
    const chapters = this.host.chapters.items;
    if (chapters !== this.chaptersCounted) {
      this.chaptersCounted = chapters;
      if (this.countedHere && this.responses && survey) {
        this.results = this.compute(survey);
        void this.placeLate(survey, this.responses);
      }
    }
    const where = survey && adapter && this.host.view === 'results' && this.allowed(survey) ? `${adapter.source}\n${survey.id}\n` : undefined;
    const key = where && where + (this.host.token ?? '');
    // `live` may have changed: the refresh follows it.
    if (key === this.loadedFor) return this.followLive();
    // Public counts stay on screen while a token typed at the staff door is checked.
    if (!(survey?.public_results && where && this.loadedFor?.startsWith(where))) this.results = undefined;
    this.loadedFor = key;
    this.responses = this.error = undefined;
    this.countedHere = false;
    this.followLive();
    if (key) void this.load();
  }

  hostConnected(): void {
    this.followLive();
  }

  hostDisconnected(): void {
    clearInterval(this.liveTimer);
    this.liveTimer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.charts.forEach((c) => c.destroy());
    this.charts.clear();
    this.drawnFor = undefined;
  }

  /**
   * Live refresh: every 30 seconds, whenever the source says responses changed, and at once when a form on
   * this page has sent a response to this survey through the same source (a poll with its results below it:
   * the person sees their vote counted, even from a source that cannot say so, like the REST API).
   */
  private followLive(): void {
    const on = this.host.live && Boolean(this.loadedFor) && this.host.isConnected;
    if (on && !this.liveTimer) {
      this.liveTimer = setInterval(() => void this.load(true), LIVE_EVERY);
      const off = this.host.dataAdapter?.subscribe?.('responses', () => void this.load(true));
      const sent = (e: Event) => {
        const { status, record } = (e as CustomEvent<Partial<SubmittedDetail>>).detail ?? {};
        const from = (e.target as { dataAdapter?: { source: string } }).dataAdapter?.source;
        if (status === 'sent' && record?.survey === this.host.survey && from === this.host.dataAdapter?.source) void this.load(true);
      };
      document.addEventListener('archipel-submitted', sent);
      this.unsubscribe = () => {
        off?.();
        document.removeEventListener('archipel-submitted', sent);
      };
    } else if (!on && this.liveTimer) {
      this.hostDisconnected();
    }
  }

  private regionOf(): (r: SurveyResponse) => string | undefined {
    const regions = new Map(this.host.chapters.items.map((c) => [c.id, c.region]));
    const place = this.chapterByPostcode;
    return (r) => r.region ?? regions.get(r.chapter ?? (r.postcode && place ? place(r.postcode) : undefined) ?? '');
  }

  /**
   * The chapter nearest each postcode-only answer, for "where is the energy", as the reference server counts it:
   * through the action map's place index (French postcodes), loaded only when some answer gives a postcode but no
   * chapter and the chapters have positions. Without it, such answers count for no chapter.
   */
  private async placePostcodes(responses: readonly SurveyResponse[]): Promise<void> {
    if (this.chapterByPostcode || !responses.some((r) => !r.chapter && r.postcode)) return;
    const placed = this.host.chapters.items.filter((c) => c.lat !== undefined && c.lng !== undefined);
    if (!placed.length) return;
    // The place code (core's geo.ts) comes with the index, so the results view does not carry it.
    const found = await import('@archipel/action-map/gazetteer').then(async (m) => ({ gazetteer: await m.loadGazetteer(), nearestChapter: m.nearestChapter })).catch(() => undefined);
    if (!found) return;
    const { gazetteer, nearestChapter } = found;
    const kept = new Map<string, string | undefined>();
    this.chapterByPostcode = (postcode) => {
      const code = postcode.replace(/\s/g, '');
      if (!/^\d{5}$/.test(code)) return undefined;
      if (!kept.has(code)) {
        const at = gazetteer.find(code);
        kept.set(code, at && nearestChapter(placed, at)?.chapter.id);
      }
      return kept.get(code);
    };
  }

  /** The chapters arrived after the responses: place the postcode-only answers now, then count again. */
  private async placeLate(survey: Survey, responses: readonly SurveyResponse[]): Promise<void> {
    if (this.chapterByPostcode) return;
    await this.placePostcodes(responses);
    if (!this.chapterByPostcode || this.responses !== responses || this.host.record !== survey) return;
    this.results = this.compute(survey);
    this.host.requestUpdate();
  }

  private crossQuestion(survey: Survey): string {
    const q = survey.questions.find((x) => x.id === this.crossTabAsked.question && x.type !== 'text') ?? survey.questions.find((x) => x.type !== 'text');
    return q?.id ?? '';
  }

  /** Counts the responses read from the source, with core's aggregate() and crossTab(). */
  private compute(survey: Survey): Results {
    const regionOf = this.regionOf();
    const all = this.responses ?? [];
    const place = this.chapterByPostcode;
    const chapterOf = (r: SurveyResponse) => r.chapter ?? (r.postcode && place ? place(r.postcode) : undefined);
    const results: Results = aggregate(survey, all, this.filters, regionOf, chapterOf);
    // As the server does: free-text answers are personal, public results give counts only.
    if (!this.host.token) for (const q of results.questions) delete q.texts;
    const question = this.crossQuestion(survey);
    const by = this.crossTabAsked.by;
    results.crossTab = { question, by, counts: crossTab(survey, filterResponses(all, this.filters, regionOf), question, by === 'chapter' ? (r) => r.chapter : regionOf) };
    return results;
  }

  /** Reads (or, for local counting, re-reads when `force`) and counts. */
  async load(force = false): Promise<void> {
    const survey = this.host.record;
    const adapter = this.host.dataAdapter;
    if (!survey || !adapter || !this.allowed(survey)) return;
    const run = ++this.readRun;
    this.loading = true;
    this.host.requestUpdate();
    try {
      let data: Results | undefined;
      if (!this.countedHere && adapter.results) {
        try {
          const question = this.crossQuestion(survey);
          data = (await adapter.results(survey.id, { ...this.filters, question, by: this.crossTabAsked.by }, this.access())) as Results;
          if (!Array.isArray(data?.questions)) throw new AdapterError('config', `${adapter.source} answered results this widget cannot read.`);
        } catch (e) {
          // The source cannot compute results (Apps Script, JSON files): count here.
          if (!(e instanceof AdapterError && e.kind === 'unsupported')) throw e;
          this.countedHere = true;
        }
      } else {
        this.countedHere = true;
      }
      if (this.countedHere) {
        if (!this.responses || force) this.responses = await this.readResponses(survey);
        await this.placePostcodes(this.responses);
        data = this.compute(survey);
      }
      if (run !== this.readRun || !data) return;
      this.results = data;
      this.error = undefined;
      this.updatedAt = Date.now();
      for (const r of data.byChapter) this.seen.chapter.add(r.key);
      for (const r of data.byRegion) this.seen.region.add(r.key);
    } catch (e) {
      if (run === this.readRun) this.error = asAdapterError(e);
    } finally {
      if (run === this.readRun) {
        this.loading = false;
        this.host.requestUpdate();
        await this.signIn.settled(this.error?.kind === 'unauthorized');
      }
    }
  }

  /** The survey's responses, read with the token and checked; the schema loads only for this (REST results need none). */
  private async readResponses(survey: Survey): Promise<SurveyResponse[]> {
    const res = await this.host.dataAdapter!.list('responses', {}, this.access());
    return parseCollection('responses', responseReader, res.rows).items.filter((r) => r.survey === survey.id);
  }

  /** Filters and the cross-tab changed: count again here, or ask the server. */
  private refilter(): void {
    const survey = this.host.record;
    if (this.countedHere && this.responses && survey) {
      this.results = this.compute(survey);
      this.host.requestUpdate();
    } else {
      void this.load();
    }
  }

  private onFilter(e: Event): void {
    const form = e.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value || undefined;
    const day = (d: string | undefined, plus = 0) => {
      if (!d) return undefined;
      const at = new Date(`${d}T00:00`);
      at.setDate(at.getDate() + plus);
      return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
    };
    this.daysTyped = { from: value('from'), to: value('to') };
    // Dates are the staff member's days, in their time zone; `to` includes its whole day.
    this.filters = { chapter: value('chapter'), region: value('region'), from: day(this.daysTyped.from), to: day(this.daysTyped.to, 1) };
    this.refilter();
  }

  private onCross(e: Event): void {
    const form = e.currentTarget as HTMLFormElement;
    this.crossTabAsked = {
      question: (form.elements.namedItem('cross-question') as HTMLSelectElement).value,
      by: (form.elements.namedItem('cross-by') as HTMLSelectElement).value as By,
    };
    this.refilter();
  }

  private async exportCsv(survey: Survey): Promise<void> {
    const adapter = this.host.dataAdapter;
    const access = this.access();
    if (!adapter || !access) return;
    try {
      // The export's code (and its formula guard) loads when someone asks for a file.
      const [responses, { download, responsesCsv }] = await Promise.all([this.responses ?? this.readResponses(survey), import('./csv.js')]);
      const regionOf = this.regionOf();
      const csv = responsesCsv(survey, filterResponses(responses, this.filters, regionOf), regionOf);
      download(this.host.renderRoot, `${survey.id}-${new Date().toISOString().slice(0, 10)}.csv`, csv);
    } catch (e) {
      this.error = asAdapterError(e);
      this.host.requestUpdate();
    }
  }

  private chapterName(id: string): string {
    return this.host.chapters.items.find((c) => c.id === id)?.name ?? id;
  }

  private placeName(by: By, key: string): string {
    if (by === 'region') return key;
    const c = this.host.chapters.items.find((x) => x.id === key);
    return c?.city ?? c?.name ?? key;
  }

  private readinessWord(kind: string): string {
    const word = this.host.t(`ready_${kind}` as ResultsKey);
    return word === `ready_${kind}` ? kind : word;
  }

  private pct(n: Count, of: Count): string {
    if (n === null || of === null) return '';
    return formatNumber(of ? (n ?? 0) / of : 0, this.host.locale, { style: 'percent', maximumFractionDigits: 1 });
  }

  /** A count as a person reads it: the number, or "fewer than 5" for a group public results keep to themselves. */
  private figure(n: Count): string | number {
    return n === null ? this.t('fewerThan', { n: this.results?.fewerThan ?? 5 }) : (n ?? 0);
  }

  /** A question's label in the staff member's language when the survey has it, else as the results name it. */
  private label(survey: Survey, r: QuestionResult): Shown {
    const q = survey.questions.find((x) => x.id === r.id);
    return q ? translated(survey, q, this.host.locale) : { text: r.label };
  }

  /**
   * The bars of a question, in the survey's order: options, yes/no, or every value of a scale. Each is keyed by
   * the value answers hold (an original option), and labelled in the staff member's language when the survey has it.
   */
  private chartRows(survey: Survey, r: QuestionResult): ChartRow[] {
    const q = survey.questions.find((x) => x.id === r.id);
    if (r.type === 'scale') {
      const out: ChartRow[] = [];
      for (let n = q?.min ?? 1; n <= (q?.max ?? 5); n++) out.push({ key: String(n), label: String(n), count: known(r.counts[String(n)]) });
      return out;
    }
    if (r.type === 'yesno') return [{ key: 'yes', label: this.t('yes'), count: known(r.counts.yes) }, { key: 'no', label: this.t('no'), count: known(r.counts.no) }];
    const shown = q && translated(survey, q, this.host.locale).options;
    return Object.entries(r.counts).map(([key, count]) => {
      const option = shown?.[q!.options?.indexOf(key) ?? -1];
      return { key, label: option?.text ?? key, lang: option?.lang, count: known(count) };
    });
  }

  /**
   * A chart's colours, as the browser resolved them: the bars take the chart box's `color` (the survey's accent,
   * or the brand colour readable on this surface: a hub's, light or dark), the text and surface the widget's.
   */
  private chartColours(canvas: HTMLCanvasElement, n: number): ChartColours {
    const base = getComputedStyle(canvas.closest('[part~="base"]') ?? canvas);
    const bar = toHex(rgbOf(getComputedStyle(canvas.parentElement ?? canvas).color) ?? [20, 100, 72]);
    const text = rgbOf(base.color) ?? [28, 32, 36];
    const surface = rgbOf(base.backgroundColor) ?? [255, 255, 255];
    const rgb = parseColour(bar)!;
    const shades = Array.from({ length: n }, (_, i) => toHex(mix(rgb, surface, n > 1 ? 0.8 * (1 - i / (n - 1)) : 0)));
    const onShades = shades.map((s) => toHex(textOn(parseColour(s)!)));
    return { bar, shades, onShades, text: toHex(text), grid: toHex(mix(text, surface, 0.85)), font: base.fontFamily || 'system-ui, sans-serif' };
  }

  hostUpdated(): void {
    const survey = this.host.record;
    const data = this.results;
    if (!survey || !data || this.host.view !== 'results') return;
    const canvases = [...this.host.renderRoot.querySelectorAll<HTMLCanvasElement>('canvas[data-q]')];
    const locale = this.host.locale;
    if (!canvases.length || (this.drawnFor === data && this.drawnIn === locale && canvases.every((c) => this.charts.get(c.dataset.q!)?.canvas === c))) return;
    this.drawnFor = data;
    this.drawnIn = locale;
    this.chartsModule ??= import('./charts.js');
    void this.chartsModule.then((m) => {
      for (const canvas of canvases) {
        const r = data.questions.find((q) => q.id === canvas.dataset.q);
        if (!r || !canvas.isConnected) continue;
        // Set through the CSSOM, which a site's strict CSP allows (a style attribute it may not).
        canvas.parentElement!.style.height = `${canvas.parentElement!.dataset.height}px`;
        const rows = this.chartRows(survey, r);
        const shown = { ...r, label: this.label(survey, r).text };
        this.charts.set(r.id, m.drawChart(canvas, shown, rows, this.chartColours(canvas, rows.length), this.charts.get(r.id)));
        canvas.dataset.drawn = String(Number(canvas.dataset.drawn ?? 0) + 1);
      }
    });
  }

  private renderShowAll(id: string, total: number): TemplateResult | typeof nothing {
    if (total <= FIRST) return nothing;
    const open = this.expanded.has(id);
    return html`<button type="button" class="secondary" part="button" aria-expanded=${open ? 'true' : 'false'}
      @click=${() => {
        if (open) this.expanded.delete(id);
        else this.expanded.add(id);
        this.host.requestUpdate();
      }}>${open ? this.t('showLess') : this.t('showAll', { count: total })}</button>`;
  }

  render(survey: Survey): TemplateResult {
    const h = this.host;
    const err = this.error;
    const refused = err?.kind === 'unauthorized' && !this.signIn.checking;
    const badToken = html`<p class="notice" data-tone="error" role="alert" part="status">${this.t('badToken')}</p>`;
    // With public counts at hand, staff sign in at a door below them, and the counts stay while a token is checked or refused.
    const door = Boolean(survey.public_results && this.results);
    if (!door && (!this.allowed(survey) || this.signIn.checking || refused)) {
      return html`${refused
          ? badToken
          : html`<p class="notice" role="alert" part="status" data-staff-only>${this.t('staffOnly')}</p>`}
        ${this.signIn.render()}`;
    }
    const errorNotice = err && !(door && refused)
      ? html`<div class="notice" data-tone="error" role="alert" part="status">
          ${this.t('error', { reason: err.message })}
          <button type="button" part="button" @click=${() => void this.load(true)}>${this.t('retry')}</button>
        </div>`
      : nothing;
    const data = this.results;
    if (!data) return html`<section part="results" class="results">${errorNotice || html`<p class="notice" role="status" part="status" aria-busy="true">${this.t('loading')}</p>`}</section>`;
    const time = this.updatedAt ? formatDateTime(new Date(this.updatedAt).toISOString(), h.locale, undefined, { weekday: undefined, day: undefined, month: undefined, year: undefined, second: '2-digit' }) : '';
    return html`<section part="results" class="results" aria-busy=${this.loading ? 'true' : 'false'}>
      ${this.renderFilters()}
      ${errorNotice}
      <p class="summary" role="status">
        <strong>${(data.total as Count) === null ? this.t('fewerResponses', { n: data.fewerThan ?? 5 }) : this.t('responses', { count: data.total })}</strong> · ${this.t('updated', { time })}
        <button type="button" class="secondary" part="button" @click=${() => void this.load(true)}>${this.t('refresh')}</button>
        ${h.token && !refused ? html`<button type="button" class="secondary" part="button" data-csv @click=${() => void this.exportCsv(survey)}>${this.t('download')}</button>` : nothing}
      </p>
      ${data.fewerThan ? html`<p class="hint">${this.t('smallGroups', { n: data.fewerThan })}</p>` : nothing}
      ${this.renderEnergy(survey, data)}
      ${data.questions.map((r) => this.renderQuestion(survey, r))}
      ${this.renderCross(survey, data)}
      ${h.token && !this.signIn.checking && !refused
        ? nothing
        : html`<details class="staff-door" part="staff" ?open=${this.signIn.checking || refused}>
            <summary>${this.t('staffDoor')}</summary>
            ${refused ? badToken : nothing}
            ${this.signIn.render()}
          </details>`}
    </section>`;
  }

  private renderFilters(): TemplateResult {
    const h = this.host;
    const chapters = new Map(h.chapters.items.map((c) => [c.id, c.name]));
    for (const id of this.seen.chapter) if (!chapters.has(id)) chapters.set(id, id);
    const regions = new Set([...h.chapters.items.map((c) => c.region).filter((r): r is string => Boolean(r)), ...this.seen.region]);
    const sorted = (xs: Iterable<string>) => [...xs].sort((a, b) => a.localeCompare(b, h.locale));
    const f = this.filters;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return html`<form class="filters" part="filters" @change=${(e: Event) => this.onFilter(e)} @submit=${(e: Event) => e.preventDefault()}>
      <fieldset>
        <legend>${this.t('filters')}</legend>
        <div class="pair">
          <div><label for="f-chapter">${this.t('chapterFilter')}</label>
            <select id="f-chapter" name="chapter">
              <option value="">${this.t('allChapters')}</option>
              ${[...chapters].sort((a, b) => a[1].localeCompare(b[1], h.locale)).map(([id, name]) => html`<option value=${id} ?selected=${f.chapter === id}>${name}</option>`)}
            </select></div>
          <div><label for="f-region">${this.t('regionFilter')}</label>
            <select id="f-region" name="region">
              <option value="">${this.t('allRegions')}</option>
              ${sorted(regions).map((r) => html`<option value=${r} ?selected=${f.region === r}>${r}</option>`)}
            </select></div>
          <div><label for="f-from">${this.t('from')}</label><input id="f-from" name="from" type="date" .value=${this.daysTyped.from ?? ''} aria-describedby="f-zone" /></div>
          <div><label for="f-to">${this.t('to')}</label><input id="f-to" name="to" type="date" .value=${this.daysTyped.to ?? ''} aria-describedby="f-zone" /></div>
        </div>
        <p class="hint" id="f-zone">${this.t('zone', { zone })}</p>
        ${f.chapter || f.region || f.from || f.to
          ? html`<button type="reset" class="secondary" part="button" @click=${(e: Event) => {
              e.preventDefault();
              this.filters = {};
              this.daysTyped = {};
              this.refilter();
            }}>${this.t('clear')}</button>`
          : nothing}
      </fieldset>
    </form>`;
  }

  private renderEnergy(survey: Survey, data: Results): TemplateResult {
    const kinds = [...new Set(survey.questions.filter((q) => q.type === 'yesno' && q.readiness).map((q) => q.readiness!))];
    if (!kinds.length) return html``;
    const sentence = (by: By, r: ReadinessRow) => {
      const parts = kinds.map((k) => [k, r.ready[k] ?? 0] as const).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
      const [first, ...rest] = parts;
      if (!first) return '';
      const place = this.placeName(by, r.key);
      return [this.t(by === 'chapter' ? 'readyNear' : 'readyIn', { count: first[1], place, what: this.readinessWord(first[0]) }), ...rest.map(([k, n]) => this.t('alsoTo', { count: n, what: this.readinessWord(k) }))].join(', ');
    };
    const top = (by: By, rows: ReadinessRow[]) => rows.filter((r) => r.readyAny > 0).slice(0, 5).map((r) => html`<li>${sentence(by, r)}</li>`);
    const table = (by: By, rows: ReadinessRow[]) => {
      const id = `energy-${by}`;
      const shown = this.expanded.has(id) ? rows : rows.slice(0, FIRST);
      // Focusable, so that a keyboard can scroll it sideways on a narrow screen.
      return html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby=${`${id}-caption`}>
        <table part="table">
          <caption id=${`${id}-caption`}>${this.t(by === 'chapter' ? 'byChapter' : 'byRegion')}</caption>
          <thead><tr><th scope="col">${this.t('place')}</th><th scope="col">${this.t('respondents')}</th>${kinds.map((k) => html`<th scope="col">${this.readinessWord(k)}</th>`)}<th scope="col">${this.t('readyAny')}</th></tr></thead>
          <tbody>${shown.map((r) => html`<tr><th scope="row">${by === 'chapter' ? this.chapterName(r.key) : r.key}</th><td>${this.figure(r.respondents)}</td>${kinds.map((k) => html`<td>${this.figure(r.ready[k])}</td>`)}<td>${this.figure(r.readyAny)}</td></tr>`)}</tbody>
        </table>
        ${this.renderShowAll(id, rows.length)}
      </div>`;
    };
    const ranked = [...top('chapter', data.byChapter), ...top('region', data.byRegion)];
    return html`<section class="energy" part="energy">
      ${staticHtml`<${this.host.heading(1)}>${this.t('energy')}</${this.host.heading(1)}>`}
      <p class="hint">${this.t('energyHint')}</p>
      ${ranked.length ? html`<ol class="ranked">${top('chapter', data.byChapter)}</ol><ol class="ranked">${top('region', data.byRegion)}</ol>` : html`<p>${this.t('nobodyReady')}</p>`}
      <div class="tables">${table('chapter', data.byChapter)}${table('region', data.byRegion)}</div>
    </section>`;
  }

  private renderQuestion(survey: Survey, r: QuestionResult): TemplateResult {
    const label = this.label(survey, r);
    const answered = (r.answered as Count) === null ? this.t('fewerAnswers', { n: this.results?.fewerThan ?? 5 }) : this.t('answered', { count: r.answered });
    const heading = html`${staticHtml`<${this.host.heading(1)} id=${`r-${r.id}`} dir="auto" lang=${label.lang ?? nothing}>${label.text}</${this.host.heading(1)}>`}<p class="hint">${answered}</p>`;
    if (r.type === 'text') {
      if (!r.texts) return html``;
      const id = `texts-${r.id}`;
      const texts = this.expanded.has(id) ? r.texts : r.texts.slice(0, FIRST);
      return html`<section class="question-result" part="chart" aria-labelledby=${`r-${r.id}`}>
        ${heading}
        ${r.texts.length ? html`<ul class="texts">${texts.map((x) => html`<li>${x}</li>`)}</ul>${this.renderShowAll(id, r.texts.length)}` : html`<p>${this.t('noTexts')}</p>`}
      </section>`;
    }
    const rows = this.chartRows(survey, r);
    const q = survey.questions.find((x) => x.id === r.id);
    const height = r.type === 'scale' ? 120 : Math.max(90, rows.length * 34 + 40);
    return html`<section class="question-result" part="chart" aria-labelledby=${`r-${r.id}`}>
      ${heading}
      ${r.mean !== undefined && r.mean !== null ? html`<p class="hint">${this.t('mean', { mean: formatNumber(r.mean, this.host.locale, { maximumFractionDigits: 2 }), max: q?.max ?? 5 })}</p>` : nothing}
      <div class="chart-and-table">
        <div class="chart-box" data-height=${height}>
          <canvas data-q=${r.id} role="img" aria-label=${this.t('chartOf', { label: label.text })}></canvas>
        </div>
        <!-- Whole words in cells: with large text on a phone the table scrolls in its own box, not the page. -->
        <div class="table-wrap">
          <table part="table">
            <caption class="visually-hidden" dir="auto" lang=${label.lang ?? nothing}>${label.text}</caption>
            <thead><tr><th scope="col">${this.t('option')}</th><th scope="col">${this.t('count')}</th><th scope="col">${this.t('percent')}</th></tr></thead>
            <tbody>${rows.map((row) => html`<tr><th scope="row" dir="auto" lang=${row.lang ?? nothing}>${row.label}</th><td>${this.figure(row.count)}</td><td>${this.pct(row.count, r.answered)}</td></tr>`)}</tbody>
          </table>
        </div>
      </div>
    </section>`;
  }

  private renderCross(survey: Survey, data: Results): TemplateResult {
    const cross = data.crossTab;
    const choices = survey.questions.filter((q) => q.type !== 'text');
    if (!cross || !choices.length) return html``;
    const q = survey.questions.find((x) => x.id === cross.question);
    const r = data.questions.find((x) => x.id === cross.question);
    // Counted by the values answers hold, shown in the staff member's language.
    const columns = q && r ? this.chartRows(survey, r) : [];
    const title = q && translated(survey, q, this.host.locale);
    const groups = Object.entries(cross.counts as Record<string, Record<string, Count>>)
      .map(([g, cells]) => {
        const values = Object.values(cells);
        const total = values.reduce<number>((a, b) => a + (b ?? 0), 0);
        // Some cells hidden (fewer than 5 each): the row's total is only known to be at least the rest.
        const shown = values.includes(null) ? (total ? this.t('atLeast', { n: total }) : this.figure(null)) : total;
        return { g, cells, total, shown };
      })
      .sort((a, b) => b.total - a.total || a.g.localeCompare(b.g));
    return html`<section class="cross" part="chart">
      ${staticHtml`<${this.host.heading(1)} id="cross-title">${this.t('cross')}</${this.host.heading(1)}>`}
      <form class="pair" @change=${(e: Event) => this.onCross(e)} @submit=${(e: Event) => e.preventDefault()}>
        <div><label for="cross-question">${this.t('crossQuestion')}</label>
          <select id="cross-question" name="cross-question">${choices.map((c) => {
            const label = translated(survey, c, this.host.locale);
            return html`<option value=${c.id} ?selected=${c.id === cross.question} dir="auto" lang=${label.lang ?? nothing}>${label.text}</option>`;
          })}</select></div>
        <div><label for="cross-by">${this.t('crossBy')}</label>
          <select id="cross-by" name="cross-by">
            <option value="region" ?selected=${cross.by === 'region'}>${this.t('regionFilter')}</option>
            <option value="chapter" ?selected=${cross.by === 'chapter'}>${this.t('chapterFilter')}</option>
          </select></div>
      </form>
      ${groups.length
        ? html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="cross-title">
            <table part="table" data-cross>
              <caption class="visually-hidden" dir="auto" lang=${title?.lang ?? nothing}>${title?.text}</caption>
              <thead><tr><th scope="col">${this.t(cross.by === 'chapter' ? 'chapterFilter' : 'regionFilter')}</th>${columns.map((c) => html`<th scope="col" dir="auto" lang=${c.lang ?? nothing}>${c.label}</th>`)}<th scope="col">${this.t('total')}</th></tr></thead>
              <tbody>${groups.map(({ g, cells, shown }) => html`<tr><th scope="row">${cross.by === 'chapter' ? this.chapterName(g) : g}</th>${columns.map((c) => html`<td>${this.figure(cells[c.key])}</td>`)}<td>${shown}</td></tr>`)}</tbody>
            </table>
          </div>`
        : html`<p>${this.t('noAnswer')}</p>`}
    </section>`;
  }
}
