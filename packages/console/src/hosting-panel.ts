/**
 * The console's "Actions" tab, loaded the first time it is chosen: actions supporters proposed to host, waiting for
 * the chapter's lead or staff to put them on the map or refuse them (with the proposer's contact, to call them
 * first), then the chapter's actions with how many are coming, who (a table), a CSV of them, and the calendar feed
 * to subscribe to. Every read goes through the server, which holds a lead to their chapter.
 *
 * *Publish an action* opens the map's own form to host one (a nested `<action-map>`, as a chapter hub does, whose
 * writes carry the member's token): the server publishes a lead's or staff's action at once.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import { AdapterError, formatDateTime, type Adapter, type SubmitResult } from '@archipel/core';
import type { ConsoleApi, ConsoleError } from './console-api.js';
import type { ConsoleKey } from './strings/archipel-console.js';

/** What the panel sees of the console. */
export interface PanelHost {
  requestUpdate(): void;
  t(key: ConsoleKey, vars?: Record<string, unknown>): string;
  readonly locale: string;
  /** The console's source, which the nested map reads. */
  readonly dataAdapter?: Adapter;
  /** Runs a change, then says `notice` and reads everything again (the console's own). */
  act(work: () => Promise<unknown>, notice?: string): Promise<void>;
}

export interface ProposedAction {
  id: string;
  title: string;
  start: string;
  timezone: string;
  city?: string;
  venue?: string;
  virtual?: boolean;
  url?: string;
  capacity?: number;
  description?: string;
  proposer: { name: string; email?: string; phone?: string };
}

interface ListedAction {
  id: string;
  title: string;
  start: string;
  timezone: string;
  city?: string;
  going?: number;
  capacity?: number;
}

interface Coming {
  action: ListedAction;
  items: { id: string; name: string; email?: string; phone?: string; created: string }[];
}

interface Loader {
  load(tag: string): Promise<unknown>;
  tags(): string[];
}

/** `<action-map>`'s code: from the page's loader when there is one (the page's own maps' file), else imported. */
function defineMap(): Promise<unknown> {
  if (customElements.get('action-map')) return Promise.resolve();
  const loader = (globalThis as Record<symbol, unknown>)[Symbol.for('archipel.loader')] as Loader | undefined;
  return loader?.tags().includes('action-map') ? loader.load('action-map') : import('@archipel/action-map');
}

/**
 * The source as this member writes to it: the actions they propose go with their token (the server publishes a
 * lead's or staff's own at once); reads and every other write are the source's own. The token stays in memory: a
 * proposal left in the outbox by a reload goes again as anyone's, and waits for approval.
 */
function writerOf(base: Adapter, api: ConsoleApi): Adapter {
  return {
    source: base.source,
    kind: base.kind,
    writable: base.writable,
    filters: base.filters,
    list: (collection, query, access) => base.list(collection, query, access),
    formToken: base.formToken && (() => base.formToken!()),
    async submit(collection, record, meta) {
      if (collection !== 'proposals') return base.submit(collection, record, meta);
      try {
        return (await (await api.request('/actions/proposals', { method: 'POST', body: JSON.stringify({ ...record, _meta: meta }) })).json()) as SubmitResult;
      } catch (e) {
        // As the source's own adapter says it: out of reach is tried again, a refusal is kept and shown.
        const status = (e as ConsoleError).status;
        throw new AdapterError(!status || status === 408 || status === 429 || status >= 500 ? 'network' : status === 401 || status === 403 ? 'unauthorized' : 'rejected', (e as Error).message, status || undefined);
      }
    },
  };
}

type NestedMap = HTMLElement & { updateComplete: Promise<boolean>; openHostForm(): Promise<void> };

export class HostingPanel {
  proposals?: ProposedAction[];
  actions?: ListedAction[];
  coming?: Coming;
  /** The source as the member writes to it, once they chose to publish an action: the nested map is then shown. */
  private writer?: Adapter;
  private readonly map = createRef<NestedMap>();

  constructor(private readonly host: PanelHost) {}

  async load(api: ConsoleApi, chapter: string | undefined): Promise<void> {
    const q = chapter ? `?chapter=${encodeURIComponent(chapter)}` : '';
    const [proposals, actions] = await Promise.all([api.json<{ items: ProposedAction[] }>(`/console/proposals${q}`), api.json<{ items: ListedAction[] }>(`/actions${q}`)]);
    this.proposals = proposals.items;
    this.actions = actions.items.sort((a, b) => a.start.localeCompare(b.start));
    if (this.coming) this.coming = { action: this.actions.find((a) => a.id === this.coming!.action.id) ?? this.coming.action, items: (await api.json<Coming>(`/console/actions/${encodeURIComponent(this.coming.action.id)}/rsvps`)).items };
    this.host.requestUpdate();
  }

  private async showComing(api: ConsoleApi, action: ListedAction): Promise<void> {
    const { items } = await api.json<Coming>(`/console/actions/${encodeURIComponent(action.id)}/rsvps`);
    this.coming = { action, items };
    this.host.requestUpdate();
  }

  private async download(api: ConsoleApi, action: ListedAction): Promise<void> {
    const blob = await (await api.request(`/console/actions/${encodeURIComponent(action.id)}/rsvps?format=csv`)).blob();
    const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: `rsvps-${action.id}.csv` });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }

  /** Opens the map's form to host an action, sending as this member. */
  private async publishOne(api: ConsoleApi): Promise<void> {
    await defineMap();
    if (!this.host.dataAdapter) return;
    this.writer ??= writerOf(this.host.dataAdapter, api);
    this.host.requestUpdate();
    await new Promise((r) => setTimeout(r));
    const map = this.map.value;
    if (!map) return;
    await map.updateComplete;
    await map.openHostForm();
  }

  private when(a: { start: string; timezone: string }): string {
    return formatDateTime(a.start, this.host.locale as never, a.timezone);
  }

  render(api: ConsoleApi, chapter: string | undefined): TemplateResult {
    const t = this.host.t.bind(this.host);
    const { proposals, actions } = this;
    if (!proposals || !actions) return html`<p part="status" role="status">${t('loadingData')}</p>`;
    const feed = `${api.base}${chapter ? `/chapters/${encodeURIComponent(chapter)}/actions.ics` : '/actions.ics'}`;
    return html`<p><button type="button" class="publish-action" part="publish-action" @click=${() => void this.host.act(() => this.publishOne(api))}>${t('publishAction')}</button></p>
      ${this.writer
        ? html`<action-map ${ref(this.map)} view="list" lang=${this.host.locale} chapter=${chapter ?? ''} .adapter=${this.writer} @archipel-submitted=${() => void this.host.act(() => Promise.resolve())}></action-map>`
        : nothing}
      <h2>${t('proposed')}</h2>
      ${proposals.length
        ? html`<ul part="list" class="proposals">
            ${proposals.map(
              (p) => html`<li data-id=${p.id}>
                <p><strong dir="auto">${p.title}</strong> · ${this.when(p)} · <span dir="auto">${p.virtual ? (p.url ?? '') : [p.venue, p.city].filter(Boolean).join(', ')}</span>${p.capacity ? html`&nbsp;· ${p.capacity}` : nothing}</p>
                ${p.description ? html`<p dir="auto">${p.description}</p>` : nothing}
                <p>${t('proposedBy', { name: p.proposer.name })} · ${[p.proposer.email, p.proposer.phone].filter(Boolean).join(' · ')}</p>
                <button type="button" data-approve @click=${() => void this.host.act(() => api.request(`/console/proposals/${encodeURIComponent(p.id)}/approve`, { method: 'POST' }), t('publishedNotice', { title: p.title }))}>${t('publish')}</button>
                <button type="button" class="secondary" data-refuse @click=${() => void this.host.act(() => api.request(`/console/proposals/${encodeURIComponent(p.id)}/refuse`, { method: 'POST' }), t('refusedNotice', { title: p.title }))}>${t('refuse')}</button>
              </li>`,
            )}
          </ul>`
        : html`<p part="status" data-empty>${t('noProposals')}</p>`}
      <h2>${t('ourActions')}</h2>
      <p><a href=${feed}>${t('calendarFeed')}</a></p>
      ${actions.length
        ? html`<div class="table">
            <table part="actions">
              <caption>${t('ourActions')}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('action')}</th>
                  <th scope="col">${t('when')}</th>
                  <th scope="col">${t('coming')}</th>
                  <th scope="col"><span class="visually-hidden">${t('whoComes')}</span></th>
                </tr>
              </thead>
              <tbody>
                ${actions.map(
                  (a) => html`<tr data-action=${a.id}>
                    <th scope="row" dir="auto">${a.title}</th>
                    <td>${this.when(a)}</td>
                    <td>${a.going ?? 0}${a.capacity ? ` / ${a.capacity}` : ''}</td>
                    <td><button type="button" class="secondary" aria-label=${`${t('whoComes')}: ${a.title}`} @click=${() => void this.host.act(() => this.showComing(api, a))}>${t('whoComes')}</button></td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p part="status">${t('noActions')}</p>`}
      ${this.renderComing(api)}`;
  }

  private renderComing(api: ConsoleApi): TemplateResult | typeof nothing {
    const c = this.coming;
    if (!c) return nothing;
    const t = this.host.t.bind(this.host);
    return html`<h3>${t('comingTo', { title: c.action.title })}</h3>
      ${c.items.length
        ? html`<div class="table">
              <table part="coming">
                <caption>${t('comingTo', { title: c.action.title })}</caption>
                <thead>
                  <tr>
                    <th scope="col">${t('name')}</th>
                    <th scope="col">${t('contact')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${c.items.map((r) => html`<tr><th scope="row" dir="auto">${r.name}</th><td>${[r.email, r.phone].filter(Boolean).join(' · ')}</td></tr>`)}
                </tbody>
              </table>
            </div>
            <button type="button" class="secondary" @click=${() => void this.host.act(() => this.download(api, c.action))}>${t('downloadComing')}</button>`
        : html`<p part="status">${t('nobodyYet')}</p>`}`;
  }
}
