/**
 * The console's "Actions" tab, loaded the first time it is chosen: actions supporters proposed to host, waiting for
 * the chapter's lead or staff to put them on the map or refuse them (with the proposer's contact, to call them
 * first), then the chapter's actions with how many are coming, who (a table), a CSV of them, and the calendar feed
 * to subscribe to. Every read goes through the server, which holds a lead to their chapter.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDateTime } from '@archipel/core';
import type { ConsoleApi } from './console-api.js';
import type { ConsoleKey } from './strings/archipel-console.js';

/** What the panel sees of the console. */
export interface PanelHost {
  requestUpdate(): void;
  t(key: ConsoleKey, vars?: Record<string, unknown>): string;
  readonly locale: string;
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

export class HostingPanel {
  proposals?: ProposedAction[];
  actions?: ListedAction[];
  coming?: Coming;

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

  private when(a: { start: string; timezone: string }): string {
    return formatDateTime(a.start, this.host.locale as never, a.timezone);
  }

  render(api: ConsoleApi, chapter: string | undefined): TemplateResult {
    const t = this.host.t.bind(this.host);
    const { proposals, actions } = this;
    if (!proposals || !actions) return html`<p part="status" role="status">${t('loadingData')}</p>`;
    const feed = `${api.base}${chapter ? `/chapters/${encodeURIComponent(chapter)}/actions.ics` : '/actions.ics'}`;
    return html`<h2>${t('proposed')}</h2>
      ${proposals.length
        ? html`<ul part="list" class="proposals">
            ${proposals.map(
              (p) => html`<li data-id=${p.id}>
                <p><strong dir="auto">${p.title}</strong> · ${this.when(p)} · <span dir="auto">${p.virtual ? (p.url ?? '') : [p.venue, p.city].filter(Boolean).join(', ')}</span>${p.capacity ? html` · ${p.capacity}` : nothing}</p>
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
