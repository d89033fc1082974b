/**
 * The hub's editor in the console: a chapter's name, slogan, description, website, email, links, leaders and
 * colours, saved with PATCH /chapters/{id}, and its logo, resized in the browser and uploaded at once. The preview
 * is the public hub itself with the colours and logo being tried (hub-preview.ts, as the playground shows it). A
 * colour that would make the band or the buttons vanish on a white page is said as the lead tries it, refused by
 * the server, and, were one stored anyway, darkened by the hub.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { contrast, FILL_CONTRAST, makeTheme, parseColour } from '@archipel/core';
import { defineHubPreview, logoPng } from './hub-preview.js';
import { ConsoleError, type ConsoleApi } from './console-api.js';
import type { ConsoleKey } from './strings/archipel-console.js';

/** What the editor needs of the console. */
export interface EditorHost extends ReactiveControllerHost {
  t(key: ConsoleKey, vars?: Record<string, unknown>): string;
  readonly locale: string;
}

interface Leader {
  name: string;
  role?: string;
  email?: string;
}
interface Link {
  label: string;
  url: string;
}
export interface EditableChapter {
  id: string;
  name: string;
  slogan?: string;
  description?: string;
  website?: string;
  email?: string;
  color?: string;
  accent?: string;
  logo?: string;
  links?: Link[];
  leaders?: Leader[];
}

/** Lines of "a | b | c" as records; empty parts are left out. */
const lines = <T>(text: string, keys: (keyof T)[]): T[] =>
  text
    .split('\n')
    .map((l) => l.split('|').map((p) => p.trim()))
    .filter((parts) => parts[0])
    .map((parts) => Object.fromEntries(keys.map((k, i) => [k, parts[i]]).filter(([, v]) => v)) as T);
const unlines = <T>(rows: T[] | undefined, keys: (keyof T)[]) => (rows ?? []).map((r) => keys.map((k) => r[k] ?? '').join(' | ').replace(/( \| )+$/, '')).join('\n');

const FIELDS = ['name', 'slogan', 'description', 'website', 'email', 'color', 'accent', 'links', 'leaders'] as const;
type Field = (typeof FIELDS)[number];
const LABEL: Record<Field, ConsoleKey> = {
  name: 'fieldName',
  slogan: 'fieldSlogan',
  description: 'fieldDescription',
  website: 'fieldWebsite',
  email: 'fieldEmail',
  color: 'fieldColor',
  accent: 'fieldAccent',
  links: 'fieldLinks',
  leaders: 'fieldLeaders',
};

export class HubEditor implements ReactiveController {
  chapter?: EditableChapter;
  /** The colours being tried, for the preview, before they are saved. */
  private trying: { color?: string; accent?: string } = {};
  private refusals: { field: string; message: string; problem?: string }[] = [];
  private saved = false;
  /** What became of the last logo chosen: sending, saved, or the words of a refusal. */
  private logoState?: { kind: 'sending' | 'saved' } | { kind: 'refused'; key: ConsoleKey };

  constructor(private readonly host: EditorHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  async open(api: ConsoleApi, chapter: string): Promise<void> {
    this.chapter = await api.json<EditableChapter>(`/console/chapter?chapter=${encodeURIComponent(chapter)}`);
    this.trying = { color: this.chapter.color, accent: this.chapter.accent };
    this.refusals = [];
    this.saved = false;
    this.logoState = undefined;
    this.host.requestUpdate();
    await defineHubPreview();
  }

  /** A logo chosen: checked, made at most 512 px a side as a PNG here, then sent; the server checks and cleans it again. */
  private async pickLogo(api: ConsoleApi, input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    const refuse = (key: ConsoleKey) => {
      this.logoState = { kind: 'refused', key };
      this.host.requestUpdate();
    };
    if (!file.type.startsWith('image/')) return refuse('logoNotImage');
    if (file.size > 20 * 1024 * 1024) return refuse('logoTooBig');
    this.logoState = { kind: 'sending' };
    this.host.requestUpdate();
    let png: Blob;
    try {
      png = await logoPng(file);
    } catch {
      return refuse('logoUnreadable');
    }
    try {
      const { logo } = await api.logo(this.chapter!.id, png);
      this.chapter = { ...this.chapter!, logo };
      this.logoState = { kind: 'saved' };
      input.value = '';
      this.host.requestUpdate();
    } catch (e) {
      const problem = e instanceof ConsoleError ? e.errors[0]?.problem : undefined;
      refuse(problem === 'logo-size' ? 'logoTooBig' : problem === 'logo-unreadable' ? 'logoUnreadable' : problem === 'logo-type' ? 'logoNotImage' : 'logoFailed');
    }
  }

  private async save(api: ConsoleApi, form: HTMLFormElement): Promise<void> {
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const change: Record<string, unknown> = {};
    for (const f of FIELDS) change[f] = value(f);
    change.links = lines<Link>(value('links'), ['label', 'url']);
    change.leaders = lines<Leader>(value('leaders'), ['name', 'role', 'email']);
    this.saved = false;
    try {
      const res = await api.request(`/chapters/${encodeURIComponent(this.chapter!.id)}`, { method: 'PATCH', body: JSON.stringify(change) });
      this.chapter = (await res.json()) as EditableChapter;
      // Public lists may sit in this browser's HTTP cache for 30 s: the public hub opened next in it reads the edit.
      await fetch(`${api.base}/chapters`, { cache: 'reload' }).catch(() => undefined);
      this.refusals = [];
      this.saved = true;
    } catch (e) {
      this.refusals = e instanceof ConsoleError && e.errors.length ? e.errors : [{ field: '', message: (e as Error).message }];
    }
    this.host.requestUpdate();
  }

  private refusal(r: { field: string; problem?: string }): string {
    const field = r.field.split('.')[0] as Field;
    const reason = this.host.t(r.problem === 'contrast' ? 'tooLight' : r.problem === 'contrast-brand' ? 'tooClose' : 'fieldInvalid');
    return LABEL[field] ? this.host.t('fieldRefused', { field: this.host.t(LABEL[field]), reason }) : reason;
  }

  /** Whether the colour being tried would vanish into a white page as the header band and the buttons: said before saving, which the server would refuse. */
  private tooLight(): boolean {
    const tried = parseColour(this.trying.color ?? '');
    return Boolean(tried && contrast(tried, [255, 255, 255]) < FILL_CONTRAST && !this.refusals.some((r) => r.field === 'color'));
  }

  render(api: ConsoleApi): TemplateResult {
    const c = this.chapter;
    const t = (k: ConsoleKey) => this.host.t(k);
    if (!c) return html`<p part="status" role="status">${t('loadingData')}</p>`;
    const theme = makeTheme(this.trying.color ?? '#1a7f5a', this.trying.accent);
    const input = (name: Field, value = '', type = 'text') =>
      html`<label>${t(LABEL[name])}<input name=${name} type=${type} .value=${value} aria-invalid=${String(this.refusals.some((r) => r.field.startsWith(name)))} /></label>`;
    const colour = (name: 'color' | 'accent') =>
      html`<label
        >${t(LABEL[name])}<input
          name=${name}
          type="color"
          .value=${this.trying[name] ?? (name === 'color' ? theme.brand : theme.accent)}
          @input=${(e: Event) => {
            this.trying = { ...this.trying, [name]: (e.target as HTMLInputElement).value };
            this.host.requestUpdate();
          }}
      /></label>`;
    const submit = (e: SubmitEvent) => {
      e.preventDefault();
      void this.save(api, e.currentTarget as HTMLFormElement);
    };
    return html`<form class="editor" part="editor" @submit=${submit}>
        ${input('name', c.name)} ${input('slogan', c.slogan)}
        <label>${t('fieldDescription')}<textarea name="description" rows="4" .value=${c.description ?? ''}></textarea></label>
        ${input('website', c.website, 'url')} ${input('email', c.email, 'email')} ${colour('color')} ${colour('accent')}
        <label>${t('fieldLinks')}<textarea name="links" rows="3" aria-describedby="links-hint" .value=${unlines(c.links, ['label', 'url'])}></textarea></label>
        <p id="links-hint" class="hint">${t('linksHint')}</p>
        <label>${t('fieldLeaders')}<textarea name="leaders" rows="3" aria-describedby="leaders-hint" .value=${unlines(c.leaders, ['name', 'role', 'email'])}></textarea></label>
        <p id="leaders-hint" class="hint">${t('leadersHint')}</p>
        <button type="submit">${t('save')}</button>
      </form>
      <div class="editor" part="logo">
        <label>${t('fieldLogo')}<input name="logo-file" type="file" accept="image/*" aria-describedby="logo-hint" @change=${(e: Event) => void this.pickLogo(api, e.target as HTMLInputElement)} /></label>
        <p id="logo-hint" class="hint">${t('logoHint')}</p>
        ${this.logoState?.kind === 'refused'
          ? html`<p part="status" role="alert" data-field="logo">${t(this.logoState.key)}</p>`
          : html`<p part="status" role="status">${this.logoState ? t(this.logoState.kind === 'saved' ? 'logoSaved' : 'logoSending') : ''}</p>`}
      </div>
      ${this.tooLight() ? html`<p part="status" role="alert" data-field="color">${this.refusal({ field: 'color', problem: 'contrast' })}</p>` : nothing}
      ${this.refusals.length ? html`<ul part="status" role="alert">${this.refusals.map((r) => html`<li data-field=${r.field}>${this.refusal(r)}</li>`)}</ul>` : nothing}
      <p part="status" role="status">${this.saved ? t('saved') : ''}</p>
      <section part="preview" aria-label=${t('preview')}>
        <chapter-hub source=${api.base} chapter=${c.id} sections="about" lang=${this.host.locale} color=${this.trying.color ?? nothing} accent=${this.trying.accent ?? nothing} logo=${c.logo ?? nothing}></chapter-hub>
      </section>`;
  }
}
