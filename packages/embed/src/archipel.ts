/**
 * archipel.js — the file a webmaster's script tag loads.
 *
 * It looks for Archipel's tags in the page, now and whenever the page changes
 * (single-page sites add content late), and imports only the code of the tags
 * it finds. A page without any Archipel tag downloads nothing more. Widgets
 * that render other widgets in their shadow root ask for them through
 * `archipel.load(tag)`, since the observer only sees the page's own DOM.
 */

import { widgets } from './widgets.js';

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

/** Imports the code of an Archipel tag (once) and resolves when the tag is defined. */
export function load(tag: string): Promise<unknown> {
  const importer = widgets[tag];
  if (!importer) return Promise.resolve();
  let p = requested.get(tag);
  if (!p) {
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

const api = { load, register, preload, tags: () => Object.keys(widgets) };
(globalThis as Record<symbol, unknown>)[Symbol.for('archipel.loader')] = api;

// Imported without a DOM (Node, for server rendering), the loader has nothing to watch.
if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
