/** Shared by the <chapter-hub> tests: sources, waiting for a rendered hub, colours as a person sees them. */
import { waitUntil } from '@open-wc/testing';
import { contrast, parseColour, type Rgb } from '../../packages/core/src/theme.ts';
import type { ChapterHub } from '../../packages/chapter-hub/src/chapter-hub.ts';
import { query } from '../support/dom.ts';

/** The demo campaign's JSON files (40 chapters, 360 actions), read-only. */
export const DEMO = new URL('../../demo/data/', import.meta.url).href;

export const root = (el: Element) => el.shadowRoot!;

/** Waits until the hub shows its chapter's name (or the directory its list). */
export async function shown(hub: ChapterHub): Promise<void> {
  await waitUntil(() => (hub.chapter ? query(hub, '#name') : query(hub, '.entries li')), `<chapter-hub chapter="${hub.chapter}"> did not render`, { timeout: 8000 });
  await hub.updateComplete;
}

/** "rgb(12, 34, 56)" → [12, 34, 56]. */
export function rgb(css: string): Rgb {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  if (!m) throw new Error(`not an rgb colour: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export const hex = (css: string) => `#${rgb(css).map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/** The contrast between an element's text colour and a background, as rendered. */
export function textContrast(el: Element, background: string): number {
  return contrast(rgb(getComputedStyle(el).color), parseColour(background) ?? rgb(background));
}
