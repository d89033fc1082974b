import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ArchipelElement, emit, formatDateTime } from '@archipel/core';
import { consoleStyles } from './archipel-console.styles.js';
import type { HubEditor } from './hub-editor.js';
import type { HostingPanel } from './hosting-panel.js';
import { ConsoleApi, ConsoleError, storedToken, storeToken, type ChapterCounts, type ConsoleSignup, type Member, type QueuedPost, type ReadyPerson, type Recruiter } from './console-api.js';
import { consoleWords, type ConsoleKey } from './strings/archipel-console.js';

type Tab = 'people' | 'ready' | 'recruiters' | 'queue' | 'actions' | 'hub';

/**
 * The console of chapter leads and campaign staff, an element of its own rather than a view of `<chapter-hub>` so
 * that its code never loads on a public page: the loader fetches it only where the tag is. After signing in with
 * their access key (a staff token), a chapter's lead sees the people who signed up to their chapter (find them by
 * words, interest and dates; mark them contacted; download them; erase one on request), who is ready to host or
 * lead an action, who brought others in through their share link (to call them), the wall's posts waiting, the
 * actions supporters proposed to host and who is coming to each (`hosting-panel.ts`), and an editor of their hub
 * (`hub-editor.ts`); campaign staff see
 * every chapter with its counts, and edit any chapter's hub once they choose it.
 *
 * @summary The chapter leads' and campaign staff's console, after signing in with an access key.
 * @tag archipel-console
 *
 * @csspart base - The whole console.
 * @csspart sign-in - The access key form.
 * @csspart chapters - Staff's table of chapters and their counts.
 * @csspart tabs - The buttons that choose what is shown.
 * @csspart filters - The sign-ups' search and filters.
 * @csspart list - The table shown.
 * @csspart status - Loading, empty and error messages.
 * @csspart editor - The hub's editor form.
 * @csspart publish-action - The Actions tab's button that opens the map's form to publish an action at once.
 * @csspart preview - The preview of the hub's header band and join button in the colours being tried.
 *
 * @fires {CustomEvent<ErrorDetail>} archipel-error - A read or an action failed (the key was refused, the server could not be reached); detail `{error}`. The words on screen say it too.
 *
 * @cssprop --archipel-console-field-border - Fields' border (default: the global `--archipel-color-field-border`, `#6b7280`).
 * @cssprop --archipel-console-field-background - Fields' background (default: the global `--archipel-color-field`, white).
 */
export class ArchipelConsole extends ArchipelElement<ConsoleKey> {
  static override words = [consoleWords];
  static override styles = [...ArchipelElement.styles, consoleStyles];

  @state() private member?: Member;
  @state() private checking = false;
  @state() private refusal?: string;
  @state() private failure?: string;
  @state() private notice?: string;
  @state() private tab: Tab = 'people';
  /** For staff: the chapter chosen, '' for every chapter. */
  @state() private chapterChosen = '';
  @state() private counts: ChapterCounts[] = [];
  @state() private signups?: ConsoleSignup[];
  @state() private readyPeople?: ReadyPerson[];
  @state() private queue?: QueuedPost[];
  @state() private recruiters?: Recruiter[];
  @state() private filters = { q: '', interest: '', from: '', to: '' };
  /** Every interest seen in the sign-ups of the chapter shown, so that filtering by one keeps the others to choose. */
  private interestsSeen = new Set<string>();
  private api?: ConsoleApi;
  /** The hub's editor, loaded the first time its tab is chosen. */
  private editor?: HubEditor;
  /** Proposed actions and who is coming, loaded the first time their tab is chosen. */
  private hosting?: HostingPanel;

  /** The server's API address, from `source`: the console speaks to the Archipel server (a REST source) only. */
  private get base(): string | undefined {
    const source = this.source?.trim();
    if (!source || this.dataAdapter?.kind !== 'rest') return undefined;
    return new URL(source, document.baseURI).href.replace(/\/+$/, '');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const token = this.base && storedToken(this.base);
    if (token) void this.signIn(token);
  }

  private get chapter(): string | undefined {
    return this.member?.chapter ?? (this.chapterChosen || undefined);
  }

  private async signIn(token: string): Promise<void> {
    const base = this.base;
    if (!base) return;
    this.checking = true;
    this.refusal = undefined;
    const api = new ConsoleApi(base, token);
    try {
      this.member = await api.me();
      this.api = api;
      storeToken(base, token);
      await this.reload();
    } catch (e) {
      emit(this, 'archipel-error', { error: e });
      storeToken(base, undefined);
      this.refusal = e instanceof ConsoleError && (e.status === 401 || e.status === 403) ? this.t('refused') : this.t('failed', { reason: (e as Error).message });
    } finally {
      this.checking = false;
    }
  }

  private signOut(): void {
    if (this.base) storeToken(this.base, undefined);
    this.api = this.member = this.signups = this.readyPeople = this.queue = this.recruiters = undefined;
    this.counts = [];
    this.interestsSeen.clear();
  }

  private query(): URLSearchParams {
    const q = new URLSearchParams();
    if (this.chapter) q.set('chapter', this.chapter);
    for (const [k, v] of Object.entries(this.filters)) if (v) q.set(k, v);
    return q;
  }

  /** Reads what the tab shows (and staff's counts), saying on screen what went wrong. */
  private async reload(): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.failure = undefined;
    try {
      if (!this.member?.chapter) this.counts = await api.chapters();
      if (this.tab === 'people') {
        this.signups = await api.signups(this.query());
        for (const s of this.signups) for (const i of s.interests ?? []) this.interestsSeen.add(i);
      }
      else if (this.tab === 'hub') {
        this.editor ??= new (await import('./hub-editor.js')).HubEditor(this);
        if (this.chapter) await this.editor.open(api, this.chapter);
      } else if (this.tab === 'actions') {
        const locale = () => this.locale;
        const adapter = () => this.dataAdapter;
        this.hosting ??= new (await import('./hosting-panel.js')).HostingPanel({
          requestUpdate: () => this.requestUpdate(),
          t: (key, vars) => this.t(key, vars),
          get locale() {
            return locale();
          },
          get dataAdapter() {
            return adapter();
          },
          act: (work, notice) => this.act(work, notice),
        });
        await this.hosting.load(api, this.chapter);
      } else if (this.tab === 'ready') this.readyPeople = await api.ready(this.chapter);
      else if (this.tab === 'recruiters') this.recruiters = await api.recruiters(this.chapter);
      else this.queue = await api.queue(this.chapter);
    } catch (e) {
      this.fail(e);
    }
  }

  /** Says a failure on screen and to the page. */
  private fail(error: unknown): void {
    emit(this, 'archipel-error', { error });
    this.failure = this.t('failed', { reason: (error as Error).message });
  }

  private async act(work: () => Promise<unknown>, notice?: string): Promise<void> {
    this.notice = undefined;
    try {
      await work();
      this.notice = notice;
      await this.reload();
    } catch (e) {
      this.fail(e);
    }
  }

  private async download(): Promise<void> {
    const api = this.api;
    if (!api) return;
    await this.act(async () => {
      const blob = await api.csv(this.query());
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `signups${this.chapter ? `-${this.chapter}` : ''}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    });
  }

  private choose(tab: Tab): void {
    this.tab = tab;
    void this.reload();
  }

  override render(): TemplateResult {
    return html`<section part="base">${this.member ? this.renderConsole(this.member) : this.renderSignIn()}</section>`;
  }

  private renderSignIn(): TemplateResult {
    if (!this.base) return html`<p part="status" role="alert">${this.t('needsServer')}</p>`;
    const submit = (e: SubmitEvent) => {
      e.preventDefault();
      const input = (e.currentTarget as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
      const token = input.value.trim();
      input.value = '';
      if (token) void this.signIn(token);
      else input.focus();
    };
    return html`<form part="sign-in" class="who" @submit=${submit}>
        <label>${this.t('tokenLabel')}<input name="token" type="password" autocomplete="current-password" aria-describedby="token-hint" /></label>
        <button type="submit" ?disabled=${this.checking}>${this.t('signIn')}</button>
      </form>
      <p id="token-hint">${this.t('tokenHint')}</p>
      ${this.checking ? html`<p part="status" role="status">${this.t('checking')}</p>` : nothing}
      ${this.refusal ? html`<p part="status" role="alert">${this.refusal}</p>` : nothing}`;
  }

  private renderConsole(member: Member): TemplateResult {
    const tabs: [Tab, ConsoleKey][] = [
      ['people', 'people'],
      ['ready', 'ready'],
      ['queue', 'queue'],
      ['recruiters', 'recruiters'],
      ['actions', 'actions'],
      ...(this.chapter ? ([['hub', 'hub']] as [Tab, ConsoleKey][]) : []),
    ];
    return html`<div class="who">
        <p>${this.t('signedIn', { name: member.name })} · ${member.chapter ? this.t('leadOf', { chapter: member.chapter }) : this.t('allChaptersStaff')}</p>
        <button type="button" class="secondary" @click=${() => this.signOut()}>${this.t('signOut')}</button>
      </div>
      ${member.chapter ? nothing : this.renderCounts()}
      <div class="tabs" part="tabs" role="group">
        ${tabs.map(([tab, key]) => html`<button type="button" aria-pressed=${String(this.tab === tab)} @click=${() => this.choose(tab)}>${this.t(key)}</button>`)}
      </div>
      ${this.failure ? html`<p part="status" role="alert">${this.failure}</p>` : nothing}
      <p part="status" role="status">${this.notice ?? ''}</p>
      ${this.tab === 'people' ? this.renderPeople() : this.tab === 'ready' ? this.renderReady() : this.tab === 'recruiters' ? this.renderRecruiters() : this.tab === 'actions' ? (this.hosting?.render(this.api!, this.chapter) ?? html`<p part="status" role="status">${this.t('loadingData')}</p>`) : this.tab === 'hub' && this.chapter ? (this.editor?.render(this.api!) ?? html`<p part="status" role="status">${this.t('loadingData')}</p>`) : this.renderQueue()}`;
  }

  /** A scrollable table of `part` with its caption, its column headers and its rows. */
  private table(part: string, caption: string, headers: readonly unknown[], rows: readonly TemplateResult[]): TemplateResult {
    return html`<div class="table">
      <table part=${part}>
        <caption>
          ${caption}
        </caption>
        <thead>
          <tr>
            ${headers.map((h) => html`<th scope="col">${h}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>`;
  }

  private renderCounts(): TemplateResult {
    const change = (e: Event) => {
      this.chapterChosen = (e.target as HTMLSelectElement).value;
      if (this.tab === 'hub' && !this.chapterChosen) this.tab = 'people';
      this.interestsSeen.clear();
      this.filters = { ...this.filters, interest: '' };
      void this.reload();
    };
    return html`${this.table(
      'chapters',
      this.t('chapters'),
      [this.t('chapter'), this.t('signups'), this.t('responses'), this.t('waiting')],
      this.counts.map((c) => html`<tr data-chapter=${c.id}><th scope="row">${c.name}</th><td>${c.signups}</td><td>${c.responses}</td><td>${c.pending}</td></tr>`),
    )}
      <label
        >${this.t('chapter')}
        <select name="chapter" @change=${change}>
          <option value="">${this.t('everyChapter')}</option>
          ${this.counts.map((c) => html`<option value=${c.id} ?selected=${c.id === this.chapterChosen}>${c.name}</option>`)}
        </select></label
      >`;
  }

  private renderPeople(): TemplateResult {
    const signups = this.signups;
    const interests = [...this.interestsSeen].sort();
    const filter = (e: Event) => {
      e.preventDefault();
      const form = (e.currentTarget as HTMLElement).closest('form')!;
      const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
      this.filters = { q: value('q'), interest: value('interest'), from: value('from'), to: value('to') };
      void this.reload();
    };
    return html`<form class="filters" part="filters" role="search" @submit=${filter} @change=${filter}>
        <label>${this.t('search')}<input name="q" type="search" .value=${this.filters.q} /></label>
        <label
          >${this.t('interest')}
          <select name="interest">
            <option value="">${this.t('anyInterest')}</option>
            ${interests.map((i) => html`<option ?selected=${i === this.filters.interest}>${i}</option>`)}
          </select></label
        >
        <label>${this.t('from')}<input name="from" type="date" .value=${this.filters.from} /></label>
        <label>${this.t('to')}<input name="to" type="date" .value=${this.filters.to} /></label>
        <button type="button" class="secondary" @click=${() => void this.download()}>${this.t('download')}</button>
      </form>
      ${!signups
        ? html`<p part="status" role="status">${this.t('loadingData')}</p>`
        : !signups.length
          ? html`<p part="status" data-empty>${this.t('noneFound')}</p>`
          : this.table(
              'list',
              this.t('found', { count: signups.length }),
              [this.t('name'), this.t('contact'), this.t('postcode'), this.t('interests'), this.t('date'), this.t('contacted'), html`<span class="visually-hidden">${this.t('erase')}</span>`],
              signups.map((s) => this.renderSignup(s)),
            )}`;
  }

  private renderSignup(s: ConsoleSignup): TemplateResult {
    const api = this.api!;
    const who = s.name ?? s.email ?? s.phone ?? s.id;
    const erase = () => {
      if (confirm(this.t('eraseConfirm', { name: who }))) void this.act(() => api.erase(s.id), this.t('erased', { name: who }));
    };
    return html`<tr data-id=${s.id}>
      <th scope="row">${s.name ?? ''}</th>
      <td>${[s.email, s.phone].filter(Boolean).join(' · ')}</td>
      <td>${s.postcode ?? ''}</td>
      <td>${(s.interests ?? []).join(', ')}</td>
      <td>${formatDateTime(s.created, this.locale)}</td>
      <td><input type="checkbox" aria-label=${`${this.t('contacted')}: ${who}`} .checked=${Boolean(s.contacted)} title=${s.contacted ? this.t('by', { name: s.contacted.by }) : ''} @change=${(e: Event) => void this.act(() => api.contacted(s.id, (e.target as HTMLInputElement).checked))} /></td>
      <td><button type="button" class="secondary" data-erase aria-label=${`${this.t('erase')}: ${who}`} @click=${erase}>${this.t('erase')}</button></td>
    </tr>`;
  }

  private renderReady(): TemplateResult {
    const people = this.readyPeople;
    if (!people) return html`<p part="status" role="status">${this.t('loadingData')}</p>`;
    if (!people.length) return html`<p part="status">${this.t('noReady')}</p>`;
    const readiness = (r: string) => (r === 'host' || r === 'lead' ? this.t(r) : r);
    return this.table(
      'list',
      this.t('ready'),
      [this.t('name'), this.t('contact'), this.t('postcode'), this.t('readyFor'), this.t('date')],
      people.map(
        (p) => html`<tr data-id=${p.response}>
          <th scope="row">${p.contact?.name ?? '—'}</th>
          <td>${[p.contact?.email, p.contact?.phone].filter(Boolean).join(' · ') || '—'}</td>
          <td>${p.postcode ?? ''}</td>
          <td>${p.ready.map(readiness).join(', ')}</td>
          <td>${formatDateTime(p.created, this.locale)}</td>
        </tr>`,
      ),
    );
  }

  /** Top recruiters: whom to call to thank, most first. */
  private renderRecruiters(): TemplateResult {
    const recruiters = this.recruiters;
    if (!recruiters) return html`<p part="status" role="status">${this.t('loadingData')}</p>`;
    if (!recruiters.length) return html`<p part="status" data-empty>${this.t('noRecruiters')}</p>`;
    return html`<p>${this.t('recruitersHint')}</p>
      ${this.table(
        'list',
        this.t('recruiters'),
        [this.t('name'), this.t('contact'), ...(this.member?.chapter ? [] : [this.t('chapter')]), this.t('recruitsCol')],
        recruiters.map(
          (r) => html`<tr data-id=${r.id}>
            <th scope="row">${r.name ?? '—'}</th>
            <td>${[r.email, r.phone].filter(Boolean).join(' · ') || '—'}</td>
            ${this.member?.chapter ? nothing : html`<td>${r.chapter ?? ''}</td>`}
            <td>${r.recruits}</td>
          </tr>`,
        ),
      )}`;
  }

  private renderQueue(): TemplateResult {
    const queue = this.queue;
    const api = this.api!;
    if (!queue) return html`<p part="status" role="status">${this.t('loadingData')}</p>`;
    if (!queue.length) return html`<p part="status">${this.t('noQueue')}</p>`;
    return html`<ul part="list">
      ${queue.map(
        (p) => html`<li data-id=${p.id}>
          <p>${p.text ?? ''} <em>${this.t('by', { name: p.author })}</em></p>
          <button type="button" @click=${() => void this.act(() => api.moderate(p.id, 'approve'))}>${this.t('approve')}</button>
          <button type="button" class="secondary" @click=${() => void this.act(() => api.moderate(p.id, 'hide'))}>${this.t('hide')}</button>
        </li>`,
      )}
    </ul>`;
  }
}
