import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../packages/action-map/src/action-map.ts';
import type { ActionMap } from '../../packages/action-map/src/action-map.component.ts';
import type { LoadDetail } from '../../packages/core/src/events.ts';
import { $, $$, accessible, memory, warnings } from '../support/dom.ts';

const worker = '/node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs';
const calendars = `${location.origin}/__calendars`;
const ics = `${calendars}/alternatiba-lyon.ics`;
const mobilizon = `${calendars}/mobilizon/@alternatiba_lyon`;

const rows = (el: ActionMap) => $$(el, '.row-title').map((r) => r.textContent!.replace('●', '').trim());

/** The rows a person sees after typing `words` in the search box (the list only keeps the rows in view). */
async function search(el: ActionMap, words: string): Promise<string[]> {
  const q = $<HTMLInputElement>(el, '[name=q]');
  q.value = words;
  q.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  return rows(el);
}

async function mount(source: string): Promise<{ el: ActionMap; loaded: Promise<LoadDetail> }> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width:1000px"></div>`);
  const loaded = new Promise<LoadDetail>((resolve) =>
    wrap.addEventListener('archipel-load', (e) => {
      const { detail } = e as CustomEvent<LoadDetail>;
      if (detail.collection === 'actions' && !detail.fromCache) resolve(detail);
    }),
  );
  wrap.innerHTML = `<action-map lang="en" source="${source}" worker-url="${worker}"></action-map>`;
  return { el: wrap.querySelector('action-map')!, loaded };
}

describe('actions from the calendars campaigns already keep', function () {
  this.timeout(40000);
  let api: string;

  before(async () => {
    ({ url: api } = await executeServerCommand<{ url: string }, { action: string }>('reference-server', { action: 'start' }));
  });

  describe('a map merging a calendar, a Mobilizon group and the campaign’s server', () => {
    it('shows each action once, with every place it was published', async () => {
      const { el, loaded } = await mount(`${api} ${ics} ${mobilizon}`);
      await loaded;
      await waitUntil(async () => (await search(el, 'réparation')).includes('Atelier réparation de vélos'), 'the Mobilizon events did not arrive', { timeout: 10000 });
      expect((await search(el, 'Vélo-école')).filter((r) => r.startsWith('Vélo-école'))).to.have.length(5);
      await search(el, 'Marche des familles');
      // The campaign has another march of that name, in January too; the one of the 15th is listed once.
      const march = $$(el, '.row-button').filter((b) => b.textContent!.includes('Jan 15'));
      expect(march).to.have.length(1);

      march[0]!.click();
      await el.updateComplete;
      const origins = $$(el, '.card .origin');
      expect(origins.map((o) => o.textContent!.trim())).to.deep.equal(['From 127.0.0.1', 'From Alternatiba Lyon', 'From Alternatiba Lyon (Mobilizon)']);
      expect(origins[1]!.querySelector('a')!.href).to.equal(ics);
      expect(origins[2]!.querySelector('a')!.href).to.equal('https://mobilizon.fr/@alternatiba_lyon');
      // The server's copy came first: its link to sign up is the one offered.
      expect($<HTMLAnchorElement>(el, '.card a.rsvp').href).to.equal('https://vagueclimat.example.org/rsvp/act-0251');
      await accessible(el);
    });

    it('a calendar alone says where its actions were published', async () => {
      const { el, loaded } = await mount(ics);
      await loaded;
      await waitUntil(() => rows(el).length > 0);
      $$(el, '.row-button').find((b) => b.textContent!.includes('Réunion mensuelle'))!.click();
      await el.updateComplete;
      const origin = $(el, '.card .origin');
      expect(origin.textContent!.trim()).to.equal('From Alternatiba Lyon');
      expect(origin.querySelector('a')!.href).to.equal('https://alternatiba-lyon.example.org/reunion-mensuelle');
    });
  });

  describe('a server that synced a calendar listing one of its own actions', () => {
    it('shows that action once, saying where else it was published', async () => {
      const own = { id: 'own', title: 'Vélorution du mois', start: '2031-03-01T10:00', timezone: 'Europe/Paris', venue: 'Place Bellecour', lat: 45.7578, lng: 4.832 };
      const synced = { id: 'feed-x.ics-1', title: 'Vélorution du mois', start: '2031-03-01T10:00', timezone: 'Europe/Paris', address: 'Place Bellecour, 69002 Lyon', lat: 45.7579, lng: 4.8321, origins: [{ label: 'Alternatiba Lyon' }] };
      const wrap = await fixture<HTMLDivElement>(html`<div style="width:1000px"><action-map lang="en" .adapter=${memory({ actions: [own, synced], chapters: [] })} worker-url=${worker}></action-map></div>`);
      const el = wrap.querySelector('action-map')!;
      await waitUntil(() => rows(el).length > 0);
      expect(rows(el)).to.deep.equal(['Vélorution du mois']);
      $$(el, '.row-button')[0]!.click();
      await el.updateComplete;
      expect($$(el, '.card .origin').map((o) => o.textContent!.trim())).to.deep.equal(['From Alternatiba Lyon']);
    });
  });

  describe('a source that fails', () => {
    it('does not blank the others, and the webmaster is told once which one and what to do', async () => {
      let el!: ActionMap;
      let detail!: LoadDetail;
      const said = await warnings(async () => {
        const mounted = await mount(`${calendars}/down.ics ${mobilizon} ${calendars}/mobilizon/@nobody_here`);
        el = mounted.el;
        detail = await mounted.loaded;
        await waitUntil(() => rows(el).length > 0, 'the working source was not shown');
      });
      expect(rows(el)).to.deep.equal(['Marche des familles pour le climat', 'Atelier réparation de vélos', 'Formation à l’action non-violente'.replace('’', "'")]);
      expect(detail.failures?.map((f) => f.source)).to.deep.equal([`${calendars}/down.ics`, `${calendars}/mobilizon/@nobody_here`]);
      const aboutDown = said.filter((w) => w.includes('down.ics'));
      expect(aboutDown).to.have.length(1);
      expect(aboutDown[0]).to.match(/the others are shown without it.*source checker/);
      expect(said.some((w) => w.includes('Group not found'))).to.equal(true);
      await accessible(el);
    });
  });
});
