/** What every <action-map> test does: mount it on the fixtures, read its rows, wait for the map to settle, set a filter. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../packages/action-map/src/action-map.ts';
import type { ActionMap } from '../../packages/action-map/src/action-map.component.ts';
import { $, text } from './dom.ts';

export const mapSource = new URL('../fixtures/map/', import.meta.url).href;
export const otherMapSource = new URL('../fixtures/map2/', import.meta.url).href;
export const mapWorker = '/node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs';

const ZONES = ['Europe/Paris', 'America/Toronto', 'Africa/Dakar'];
const pad = (n: number) => String(n).padStart(2, '0');
/** `n` actions at local wall-clock times (as a sheet holds them) over 30 days, in three zones. */
export const many = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `z${i}`,
    title: `Action ${i}`,
    start: `2031-03-${pad(1 + (i % 30))}T${pad(8 + (i % 12))}:${i % 2 ? '30' : '00'}`,
    timezone: ZONES[i % 3],
    priority: 1 + (i % 3),
    lat: 45 + (i % 100) / 100,
    lng: 4 + (i % 50) / 50,
  }));

/** Whether the map shows clusters of the actions (drawn, not only sent to the map). */
export const clustered = (el: ActionMap) => {
  const map = el.map;
  return Boolean(map?.getLayer('clusters') && map.queryRenderedFeatures({ layers: ['clusters'] }).length);
};

/** The titles in the list, as read: an urgent row's mark and its words are not part of its title. */
export const rows = (el: ActionMap) =>
  [...el.shadowRoot!.querySelectorAll('.row-title')].map((r) => (r.querySelector(':scope > [dir=auto]') ?? r).textContent!.replace('●', '').trim());

export async function mountMap(attrs: { src?: string; extra?: string; width?: number; lang?: string } = {}): Promise<ActionMap> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width:${attrs.width ?? 1000}px"></div>`);
  wrap.innerHTML = `<action-map lang="${attrs.lang ?? 'en'}" source="${attrs.src ?? mapSource}" worker-url="${mapWorker}" ${attrs.extra ?? ''}></action-map>`;
  const el = wrap.querySelector('action-map')!;
  await waitUntil(() => rows(el).length > 0 || text(el).includes('No action'), 'the list did not fill', { timeout: 8000 });
  // A long list's other rows follow its first ones (action-list.ts).
  await el.updateComplete;
  return el;
}

/** Resolves on the map's next `idle`, the map created and drawn. */
export async function mapIdle(el: ActionMap): Promise<void> {
  await waitUntil(() => el.map, 'the map was not created', { timeout: 15000 });
  await new Promise<void>((resolve) => {
    el.map!.once('idle', () => resolve());
    el.map!.triggerRepaint();
  });
}

export async function setFilter(el: ActionMap, name: string, value: string): Promise<void> {
  const control = $<HTMLSelectElement | HTMLInputElement>(el, `[name=${name}]`);
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}
