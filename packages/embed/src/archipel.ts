/**
 * archipel.js — the file a webmaster's script tag loads.
 *
 * It looks for Archipel's tags in the page, now and whenever the page changes
 * (single-page sites add content late), and imports only the code of the tags
 * it finds. A page without any Archipel tag downloads nothing more. Widgets
 * that render other widgets in their shadow root ask for them through
 * `archipel.load(tag)`, since the observer only sees the page's own DOM.
 */

import { FIRST_FILES, FIRST_READS, RESERVE, widgets } from './widgets.js';
import { kindOf } from './source-kind.js';

/** The types a page's code meets in events and properties, for `import type { … } from 'archipel'`. */
export type { Adapter, ErrorDetail, LoadDetail, Message, PostWrite, SelectDetail, Signup, SubmitDetail, SubmittedDetail, SurveyResponse } from '@archipel/core';

type Importer = () => Promise<unknown>;

const requested = new Map<string, Promise<unknown>>();
const preloaded = new Set<string>();

/**
 * Asks for module files (relative to `base`) before the module that imports them has arrived. The build
 * calls it beside every import on demand (rollup.config.js, preloadStaticImports). No crossorigin: a
 * modulepreload fetches as a module script does (CORS, same-origin credentials), and Chromium keeps the
 * module by its URL, so the import that follows reuses it, from this origin or a CDN's.
 */
export function preload(files: string[], base: string): void {
  for (const file of files) {
    const href = new URL(file, base).href;
    if (preloaded.has(href)) continue;
    preloaded.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
}

/**
 * Asks, with a widget's code, for what its first render waits for: its words in the language of the page where
 * it stands (the nearest `lang`, else the browser's), the adapter of its `source` (or its hub's), and the part it
 * loads on demand for that render, if any (the survey's form), with that part's words.
 */
function preloadFirstFiles(tag: string): void {
  // A widget in a hub's shadow root: the hub asks for its code, and its words come when it renders.
  const el = document.querySelector(tag);
  if (!el) return;
  const lang = (el.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en').toLowerCase();
  const langs = FIRST_FILES.langs.split(' ');
  const i = [lang, lang.split('-')[0], 'en'].map((l) => langs.indexOf(l!)).find((n) => n >= 0) ?? 0;
  const files: string[] = [];
  const part = FIRST_FILES.parts[tag];
  const [attribute, value] = part?.unless.split('=') ?? [];
  const withPart = part && !(attribute && el.getAttribute(attribute) === value);
  if (withPart) files.push(...part.files.split(' '));
  for (const words of [FIRST_FILES.words['*'], FIRST_FILES.words[tag], withPart ? part.words : undefined]) {
    for (const [name, hashes] of Object.entries(words ?? {})) files.push(`${name}-${hashes.split(' ')[i]}`);
  }
  const source = el.getAttribute('source') ?? el.closest('chapter-hub')?.getAttribute('source');
  for (const part of source?.trim().split(/\s+/) ?? []) {
    try {
      files.push(...(FIRST_FILES.adapters[kindOf(part, document.baseURI)]?.split(' ') ?? []));
    } catch {
      // Not a URL: the widget says so itself.
    }
  }
  preload(files.filter(Boolean).map((name) => `chunks/${name}.js`), import.meta.url);
  // The first date a page writes in a language costs a slow phone 130 to 200 ms (#19): the browser loads that
  // language's calendar and zone names, once per page. The action list's rows write dates: that is done while its
  // files are still on their way, when the page has nothing else to do (the wall's first card showed no change).
  if (tag === 'action-map') {
    (globalThis.requestIdleCallback ?? setTimeout)(() => {
      try {
        new Intl.DateTimeFormat(langs[i], { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZoneName: 'longGeneric' }).format(0);
      } catch {
        // A language this browser does not know: the widget writes its dates in English.
      }
    });
  }
}

/** The reads begun with a widget's code, by address (its query in order), until the widget's adapter takes them. */
const begun = new Map<string, Promise<Response>>();
const readKey = (url: string | URL) => {
  const u = new URL(url, document.baseURI);
  u.searchParams.sort();
  return u.href;
};

/**
 * Begins, with a widget's code, the reads its first render waits for (`archipel.firstReads` in its package.json: a
 * collection and the attributes that become its query, or `name=value` for a parameter its reads always carry), from
 * a REST `source` of its own, asked as the REST adapter asks: on a slow network the data then arrives with the code rather than a round trip and more after it. A read
 * nobody takes (a wrong guess) costs one request, never a wrong answer: the adapter asks again.
 */
function beginReads(tag: string): void {
  const plan = FIRST_READS[tag];
  if (!plan) return;
  for (const el of document.querySelectorAll(tag)) {
    if (plan.unless && el.hasAttribute(plan.unless)) continue;
    for (const part of el.getAttribute('source')?.trim().split(/\s+/) ?? []) {
      let base: URL;
      try {
        base = new URL(part, document.baseURI);
      } catch {
        continue;
      }
      if (kindOf(base.href, base.href) !== 'rest') continue;
      for (const [collection, attributes] of Object.entries(plan.reads)) {
        const url = new URL(`${base.href.replace(/\/+$/, '')}/${collection}`);
        for (const entry of attributes) {
          // `name=value`: a parameter the widget always sends (the map's first page of `limit=5000`).
          const [name, fixed] = entry.split('=');
          // A hashtag goes without its `#`, as the wall asks for it.
          const value = fixed ?? el.getAttribute(name!)?.trim().replace(name === 'hashtag' ? /^#/ : /^$/, '');
          if (value) url.searchParams.set(name!, value);
        }
        const key = readKey(url);
        if (begun.has(key)) continue;
        const read = fetch(url, { headers: { accept: 'application/json' }, cache: 'no-cache', credentials: 'omit', signal: AbortSignal.timeout(10_000) });
        read.catch(() => undefined);
        begun.set(key, read);
        // Not taken within a minute, it is not for any widget here: the next read asks the source anew.
        setTimeout(() => begun.get(key) === read && begun.delete(key), 60_000);
      }
    }
  }
}

/** The read begun for `url`, once: the REST adapter's first read of that address takes it rather than asking again. */
export function take(url: string): Promise<Response> | undefined {
  const key = readKey(url);
  const read = begun.get(key);
  begun.delete(key);
  return read;
}

/** Imports the code of an Archipel tag (once) and resolves when the tag is defined. */
export function load(tag: string): Promise<unknown> {
  const importer = widgets[tag];
  if (!importer) return Promise.resolve();
  let p = requested.get(tag);
  if (!p) {
    beginReads(tag);
    preloadFirstFiles(tag);
    p = importer().then(() => customElements.whenDefined(tag));
    p.catch((e: unknown) => console.error(`[archipel] could not load <${tag}>:`, e));
    requested.set(tag, p);
  }
  return p;
}

/** Teaches the loader a tag of another package; pages that already hold it get it at once. */
export function register(tag: string, importer: Importer): void {
  widgets[tag] = importer;
  if (started && document.querySelector(tag)) void load(tag);
}

let started = false;

function scan(root: ParentNode): void {
  for (const tag of Object.keys(widgets)) {
    if (!requested.has(tag) && root.querySelector(tag)) void load(tag);
  }
}

function start(): void {
  started = true;
  scan(document);
  new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) {
        if (!(node instanceof Element)) continue;
        const name = node.localName;
        if (name in widgets) void load(name);
        // A widget added with widgets inside it (a hub and its slotted wall): look inside too.
        if (node.firstElementChild) scan(node);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

/**
 * Each widget takes its room before its code has arrived and while its data loads (`loading`, which the base element
 * sets), so the page under it does not move when it renders (layout shift). `--archipel-reserve` sets another height.
 * Until then, what the page put inside the tag shows: a link, a form, for a browser without JavaScript too.
 */
function reserveRoom(): void {
  if (typeof document === 'undefined') return;
  const rules = Object.entries(RESERVE).map(([tag, height]) => `${tag}:not(:defined),${tag}[loading]{display:block;min-height:var(--archipel-reserve,${height})}`);
  if (!rules.length) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(rules.join(''));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
reserveRoom();

const api = { load, register, preload, take, tags: () => Object.keys(widgets) };
(globalThis as Record<symbol, unknown>)[Symbol.for('archipel.loader')] = api;

/**
 * `archipel.addWords(lang, catalogues)`, for a page with only the script tag: core's `addWords`, queued until a
 * widget has brought the core (packages/core/src/i18n.ts empties the queue and answers it from then on).
 */
const queuedWords = ((globalThis as Record<symbol, unknown>)[Symbol.for('archipel.words')] ??= []) as unknown[];

declare global {
  interface Window {
    /** What archipel.js gives a page. */
    archipel?: { addWords?(lang: string, catalogues: Record<string, Record<string, string | Record<string, string>>>): void };
  }
}

// Imported without a DOM (Node, for server rendering), the loader has nothing to watch.
if (typeof document !== 'undefined') {
  (window.archipel ??= {}).addWords = (lang, catalogues) => void queuedWords.push([lang, catalogues]);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
