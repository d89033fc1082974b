import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { ActionMap } from '../../packages/action-map/src/action-map.component.ts';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import type { LoadDetail } from '../../packages/core/src/events.ts';
import type { Collection } from '../../packages/core/src/schema-types.ts';
import { $, $$, query, text } from '../support/dom.ts';
import { mapIdle, mapSource, mapWorker, mountMap, otherMapSource, rows, setFilter } from '../support/action-map.ts';

const source = mapSource;
const other = otherMapSource;
const worker = mapWorker;
const mount = mountMap;

describe('<action-map>', function () {
  this.timeout(40000);

  describe('the list', () => {
    it('lists upcoming actions by date, skipping and counting malformed rows', async () => {
      const loaded = new Promise<CustomEvent<LoadDetail>>((r) => document.addEventListener('archipel-load', (e) => (e as CustomEvent<LoadDetail>).detail.collection === 'actions' && r(e as CustomEvent<LoadDetail>), { once: false }));
      const el = await mount();
      const { detail } = await loaded;
      expect(detail.skipped.map((s) => s.row)).to.deep.equal([8, 9]);
      expect(rows(el)).to.deep.equal(['Atelier banderoles', '<img src=x onerror=alert(1)>', 'Nettoyage de plage', 'Marche pour le climat', 'Rassemblement', 'Phonebank: call your MP']);
      await waitUntil(() => $(el, '.count').textContent!.includes('6 actions'));
      await expect(el).to.be.accessible();
    });

    it('shows a title full of markup as text, never as an element', async () => {
      const el = await mount();
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(rows(el)).to.include('<img src=x onerror=alert(1)>');
    });

    it('keeps only the rows in view in the DOM, even for thousands of actions', async () => {
      const many = Array.from({ length: 5000 }, (_, i) => ({ id: `n${i}`, title: `Action ${i}`, start: `2031-01-01T${String(8 + (i % 10)).padStart(2, '0')}:00`, timezone: 'UTC', lat: 45 + (i % 100) / 100, lng: 4 + (i % 50) / 50 }));
      const adapter = new MemoryAdapter({ actions: many, chapters: [] }, { source: `memory:many-${Math.random()}` });
      const wrap = await fixture<HTMLDivElement>(html`<div style="width:1000px"><action-map lang="en" .adapter=${adapter} worker-url=${worker}></action-map></div>`);
      const el = wrap.querySelector('action-map')!;
      await waitUntil(() => rows(el).length > 0, 'no rows', { timeout: 8000 });
      expect($$(el, 'li.row').length).to.be.below(30);
      expect($(el, 'li.row').getAttribute('aria-setsize')).to.equal('5000');
      const scroller = $(el, '.list-scroll');
      scroller.scrollTop = 88 * 2500;
      scroller.dispatchEvent(new Event('scroll'));
      await waitUntil(() => $$(el, 'li.row').some((li) => li.getAttribute('aria-posinset') === '2501'), 'scrolled rows did not render');
      expect($$(el, 'li.row').length).to.be.below(30);
    });
  });

  describe('its reads', () => {
    it('asks for its chapters once its actions are in, and keeps them when its actions are read again', async () => {
      const asked: Collection[] = [];
      const held = new Map<Collection, () => void>();
      /** The first answer of each collection waits until the test lets it go. */
      class Held extends MemoryAdapter {
        override async list(collection: Collection) {
          asked.push(collection);
          if (asked.filter((c) => c === collection).length === 1) await new Promise<void>((go) => held.set(collection, go));
          return super.list(collection);
        }
      }
      const adapter = new Held(
        { actions: [{ id: 'a1', title: 'Marche pour le climat', start: '2031-03-01T14:00', timezone: 'Europe/Paris', city: 'Lyon', chapter: 'lyon' }], chapters: [{ id: 'lyon', name: 'Vague Climat Lyon' }] },
        { source: `memory:chapters-after-${Math.random()}` },
      );
      const wrap = await fixture<HTMLDivElement>(html`<div style="width:1000px"><action-map lang="en" .adapter=${adapter} worker-url=${worker}></action-map></div>`);
      const el = wrap.querySelector('action-map')!;
      await waitUntil(() => held.has('actions'), 'the actions were not asked for');
      await new Promise((r) => setTimeout(r, 100));
      expect(asked, 'only the actions while they are on their way').to.deep.equal(['actions']);
      held.get('actions')!();
      await waitUntil(() => rows(el).length === 1 && held.has('chapters'), 'the chapters were not asked for once the actions were in');
      expect($(el, '.row-button').textContent).not.to.include('Vague Climat Lyon');
      await expect(el).to.be.accessible();
      held.get('chapters')!();
      await waitUntil(() => $(el, '.row-button').textContent!.includes('Vague Climat Lyon'), 'the row did not name its chapter');
      // Another chapter's actions: read again, while the chapters stay as they were read.
      el.setAttribute('chapter', 'lyon');
      await waitUntil(() => asked.length === 3, 'the actions were not read again');
      await new Promise((r) => setTimeout(r, 200));
      await el.updateComplete;
      expect(asked).to.deep.equal(['actions', 'chapters', 'actions']);
      expect($(el, '.row-button').textContent).to.include('Vague Climat Lyon');
    });
  });

  describe('filters', () => {
    it('filters by type, format, priority, chapter, free text and date, and says how many', async () => {
      const el = await mount();
      await setFilter(el, 'type', 'rally');
      expect(rows(el)).to.deep.equal(['<img src=x onerror=alert(1)>', 'Rassemblement']);
      await setFilter(el, 'type', '');
      await setFilter(el, 'format', 'online');
      expect(rows(el)).to.deep.equal(['Phonebank: call your MP']);
      await setFilter(el, 'format', 'in-person');
      await setFilter(el, 'priority', '1');
      expect(rows(el)).to.deep.equal(['Marche pour le climat']);
      await setFilter(el, 'priority', '');
      await setFilter(el, 'chapter', 'montreal');
      expect(rows(el)).to.deep.equal(['Rassemblement']);
      await setFilter(el, 'chapter', '');
      const q = $<HTMLInputElement>(el, '[name=q]');
      q.value = 'villeurbanne';
      q.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(rows(el)).to.deep.equal(['Atelier banderoles']);
      q.value = '';
      q.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await setFilter(el, 'format', '');
      await setFilter(el, 'when', 'all');
      expect(rows(el)).to.include('Réunion passée');
      await waitUntil(() => $(el, '.count').textContent!.includes('7 actions'));
      await expect(el).to.be.accessible();
    });

    it('offers the day of action, matched in each action’s own time zone', async () => {
      const el = await mount({ extra: 'day-of-action="2030-12-12"' });
      await setFilter(el, 'when', 'day');
      expect(rows(el)).to.deep.equal(['Nettoyage de plage', 'Marche pour le climat', 'Rassemblement']);
    });

    it('finds a postcode or a city from the data itself, sorts by distance and keeps a radius', async () => {
      const el = await mount();
      const place = $<HTMLInputElement>(el, '[name=place]');
      place.value = '69100';
      $<HTMLFormElement>(el, 'form').requestSubmit();
      // The place index is read on the first search: on a loaded machine that takes more than a second.
      await waitUntil(() => query(el, '[name=radius]'), 'no radius after a search for a known postcode', { timeout: 5000 });
      expect(rows(el)).to.deep.equal(['Atelier banderoles', '<img src=x onerror=alert(1)>', 'Marche pour le climat']);
      expect(text(el)).to.contain('km away');
      await waitUntil(() => $(el, '.count').textContent!.includes('3 actions within 50 km'));
      place.value = 'Atlantis';
      $<HTMLFormElement>(el, 'form').requestSubmit();
      await waitUntil(() => text(el).includes('We do not know “Atlantis”'));
    });

    it('says when nothing is nearby, and offers to host one and the nearest chapter', async () => {
      // The chapters are read once the actions are in (#19): a place is found among them once they are.
      const chaptersRead = new Promise((r) => document.addEventListener('archipel-load', (e) => (e as CustomEvent<LoadDetail>).detail.collection === 'chapters' && r(e)));
      const el = await mount({ extra: 'host-url="https://campaign.example/host" chapter-url="/chapters/{id}"' });
      await chaptersRead;
      const place = $<HTMLInputElement>(el, '[name=place]');
      place.value = '13001';
      $<HTMLFormElement>(el, 'form').requestSubmit();
      await waitUntil(() => text(el).includes('No action within 50 km of 13001 yet.'));
      expect($<HTMLAnchorElement>(el, '.empty a[href="https://campaign.example/host"]').textContent).to.equal('Host one');
      const chapter = $<HTMLAnchorElement>(el, '.empty a[href$="/chapters/marseille"]');
      expect(chapter.textContent).to.match(/Nearest chapter: Vague Climat Marseille \(0 km\)/);
      await expect(el).to.be.accessible();
    });

    it('asks for the position only after “Near me” is clicked', async () => {
      const asked: number[] = [];
      const geo = navigator.geolocation;
      const fake = {
        getCurrentPosition: (ok: PositionCallback) => {
          asked.push(Date.now());
          ok({ coords: { latitude: 45.5, longitude: -73.57, accuracy: 50 } } as GeolocationPosition);
        },
      };
      Object.defineProperty(navigator, 'geolocation', { value: fake, configurable: true });
      try {
        const el = await mount();
        expect(asked).to.have.length(0);
        [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Near me')!.click();
        await waitUntil(() => rows(el)[0] === 'Rassemblement');
        expect(asked).to.have.length(1);
      } finally {
        Object.defineProperty(navigator, 'geolocation', { value: geo, configurable: true });
      }
    });

    it('says in the page’s language why the position is unknown, not in the browser’s words', async () => {
      const geo = navigator.geolocation;
      const denied = { code: 1, message: 'User denied Geolocation', PERMISSION_DENIED: 1 } as GeolocationPositionError;
      Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition: (_: PositionCallback, no: PositionErrorCallback) => no(denied) }, configurable: true });
      try {
        const el = await mount();
        el.setAttribute('lang', 'fr');
        await el.updateComplete;
        [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Autour de moi')!.click();
        await waitUntil(() => el.shadowRoot!.textContent!.includes('Votre position n’a pas pu être trouvée (l’autorisation n’a pas été donnée).'), 'no French reason');
        expect(el.shadowRoot!.textContent).not.to.contain('User denied');
      } finally {
        Object.defineProperty(navigator, 'geolocation', { value: geo, configurable: true });
      }
    });

    it('filters around a place given in a shared link, once the data has arrived', async () => {
      history.replaceState(null, '', `${location.pathname}${location.search}#map-place=69100`);
      try {
        const el = await mount({ extra: 'sync-url' });
        await waitUntil(() => rows(el).length === 3, 'the linked place did not filter the list');
        expect(rows(el)[0]).to.equal('Atelier banderoles');
        expect(text(el)).not.to.contain('We do not know');
      } finally {
        history.replaceState(null, '', `${location.pathname}${location.search}`);
      }
    });

    it('keeps filters and the selection in the URL hash with sync-url', async () => {
      history.replaceState(null, '', `${location.pathname}${location.search}#other=1&map-type=rally`);
      try {
        const el = await mount({ extra: 'sync-url' });
        await waitUntil(() => rows(el).length === 2);
        await setFilter(el, 'format', 'in-person');
        expect(location.hash).to.contain('other=1').and.contain('map-type=rally').and.contain('map-format=in-person');
        $(el, '.row-button').click();
        await el.updateComplete;
        expect(location.hash).to.match(/map-sel=m3/);
      } finally {
        history.replaceState(null, '', `${location.pathname}${location.search}`);
      }
    });
  });

  describe('the card', () => {
    it('opens from the list with the time in the action’s zone, named, the visitor’s time, and a safe RSVP', async () => {
      const el = await mount();
      const selected = oneEvent(el, 'archipel-select');
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('.row-button')].find((b) => b.textContent!.includes('Rassemblement'))!.click();
      const { detail } = await selected;
      expect(detail.action.id).to.equal('m5');
      await el.updateComplete;
      const card = $(el, '.card');
      expect(card.querySelector('h3')!.textContent).to.equal('Rassemblement');
      expect(card.querySelector('.when')!.textContent).to.match(/11:00 AM.*Eastern Time/);
      const visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (visitorZone !== 'America/Toronto') expect(card.querySelector('.local')!.textContent).to.match(/^Your time:/);
      expect(card.querySelector<HTMLAnchorElement>('a.rsvp')!.href).to.equal('https://vagueclimat.example.org/rsvp/m5');
      expect(el.shadowRoot!.activeElement?.id).to.equal('card-title');
      await expect(el).to.be.accessible();
    });

    it('never turns a javascript: RSVP into a link', async () => {
      const el = await mount();
      $$(el, '.row-button').find((b) => b.textContent!.includes('onerror'))!.click();
      await el.updateComplete;
      expect($(el, '.card').querySelector('a')).to.equal(null);
    });

    it('merges several sources, drops duplicates and says where each action comes from', async () => {
      const el = await mount({ src: `${source} ${other}` });
      await waitUntil(() => rows(el).includes('Vélorution'));
      expect(rows(el).filter((r) => r === 'Marche pour le climat')).to.have.length(1);
      $$(el, '.row-button').find((b) => b.textContent!.includes('Vélorution'))!.click();
      await el.updateComplete;
      expect($(el, '.card .origin').textContent).to.equal(`From ${new URL(other).hostname} › map2`);
    });

    it('shows only its chapter’s actions when given a chapter', async () => {
      const el = await mount({ extra: 'chapter="montreal"' });
      await waitUntil(() => rows(el).length === 2);
      expect(rows(el)).to.deep.equal(['Rassemblement', 'Phonebank: call your MP']);
      expect(el.shadowRoot!.querySelector('[name=chapter]')).to.equal(null);
    });
  });

  describe('content in the visitor’s language', () => {
    const translatedActions = [
      { id: 't1', title: 'Marche pour le climat', description: 'Départ place Bellecour.', start: '2031-03-01T14:00', timezone: 'Europe/Paris', city: 'Lyon', lang: 'fr', url: 'https://vagueclimat.example.org/rsvp/t1', translations: { es: { title: 'Marcha por el clima' }, en: { title: 'Climate march' } } },
      { id: 't2', title: 'Atelier banderoles', start: '2031-03-02T10:00', timezone: 'Europe/Paris', city: 'Lyon', lang: 'fr' },
    ];
    const mountIn = async (lang: string) => {
      const adapter = new MemoryAdapter({ actions: translatedActions, chapters: [] }, { source: `memory:translated-${Math.random()}` });
      const wrap = await fixture<HTMLDivElement>(html`<div style="width:1000px"><action-map lang=${lang} .adapter=${adapter} worker-url=${worker}></action-map></div>`);
      const el = wrap.querySelector('action-map')!;
      await waitUntil(() => rows(el).length === 2, 'no rows', { timeout: 8000 });
      return el;
    };

    it('shows a Spanish visitor the Spanish title, and an untranslated action in French, marked as French', async () => {
      const el = await mountIn('es');
      expect(rows(el)).to.deep.equal(['Marcha por el clima', 'Atelier banderoles']);
      const [spanish, french] = $$(el, '.row-title > [dir=auto]');
      expect(spanish!.hasAttribute('lang')).to.equal(false);
      expect(french!.getAttribute('lang')).to.equal('fr');
      expect(french!.getAttribute('dir')).to.equal('auto');
      await expect(el).to.be.accessible();
    });

    it('opens the card in Spanish, its untranslated description in French, marked', async () => {
      const el = await mountIn('es');
      $(el, '.row-button').click();
      await el.updateComplete;
      const card = $(el, '.card');
      expect(card.querySelector('h3')!.textContent).to.equal('Marcha por el clima');
      expect(card.querySelector('h3')!.hasAttribute('lang')).to.equal(false);
      expect(card.querySelector('.description')!.textContent).to.equal('Départ place Bellecour.');
      expect(card.querySelector('.description')!.getAttribute('lang')).to.equal('fr');
      expect(card.querySelector('a.rsvp')!.textContent).to.contain('Marcha por el clima');
      await expect(el).to.be.accessible();
    });

    it('follows the widget’s language when it changes, and finds an action by its title in any language', async () => {
      const el = await mountIn('en');
      expect(rows(el)).to.deep.equal(['Climate march', 'Atelier banderoles']);
      el.setAttribute('lang', 'fr');
      await el.updateComplete;
      expect(rows(el)).to.deep.equal(['Marche pour le climat', 'Atelier banderoles']);
      expect($$(el, '.row-title > [dir=auto]').some((r) => r.hasAttribute('lang'))).to.equal(false);
      await setFilter(el, 'q', 'marcha');
      expect(rows(el)).to.deep.equal(['Marche pour le climat']);
    });
  });

  describe('the map', () => {
    it('draws clusters with counts and pins, with no request to any other host', async () => {
      const el = await mount();
      await mapIdle(el);
      const clusters = el.map!.queryRenderedFeatures({ layers: ['clusters'] });
      const counts = el.map!.queryRenderedFeatures({ layers: ['cluster-count'] });
      const pins = el.map!.queryRenderedFeatures({ layers: ['pins'] });
      const shown = clusters.reduce((n, c) => n + (c.properties.point_count as number), 0) + pins.length;
      expect(shown).to.equal(5, 'every located upcoming action is on the map, in a cluster or as a pin');
      expect(counts.length).to.equal(clusters.length);
      const hosts = new Set(performance.getEntriesByType('resource').map((e) => new URL(e.name).host));
      expect([...hosts]).to.deep.equal([location.host]);
      expect($(el, '.attribution').textContent).to.equal('Map: Natural Earth');
      await expect(el).to.be.accessible();
    });

    it('flies to an action chosen in the list and marks its pin', async () => {
      const el = await mount();
      await mapIdle(el);
      $$(el, '.row-button').find((b) => b.textContent!.includes('Nettoyage'))!.click();
      await waitUntil(() => el.map!.getZoom() >= 10 && !el.map!.isMoving(), 'the map did not fly', { timeout: 10000 });
      const centre = el.map!.getCenter();
      expect(centre.lat).to.be.closeTo(14.7167, 0.05);
      expect(centre.lng).to.be.closeTo(-17.4677, 0.05);
      expect(el.map!.getFeatureState({ source: 'actions', id: 'm6' })).to.deep.equal({ selected: true });
    });

    it('opens the card and highlights the row when a pin is clicked', async () => {
      const el = await mount();
      await mapIdle(el);
      el.map!.jumpTo({ center: [-17.4677, 14.7167], zoom: 12 });
      await mapIdle(el);
      const point = el.map!.project([-17.4677, 14.7167]);
      const rect = el.map!.getCanvas().getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(rect.left + point.x), Math.round(rect.top + point.y)] });
      await waitUntil(() => el.shadowRoot!.querySelector('.card'), 'clicking the pin did not open its card');
      expect($(el, '.card h3').textContent).to.equal('Nettoyage de plage');
      expect($(el, '.row-button.selected').textContent).to.contain('Nettoyage de plage');
    });

    it('zooms into a cluster when it is clicked', async () => {
      const el = await mount();
      await mapIdle(el);
      el.map!.jumpTo({ center: [4.85, 45.76], zoom: 5 });
      await mapIdle(el);
      const [cluster] = el.map!.queryRenderedFeatures({ layers: ['clusters'] });
      expect(cluster!.properties.point_count).to.equal(3);
      const before = el.map!.getZoom();
      const point = el.map!.project((cluster!.geometry as GeoJSON.Point).coordinates as [number, number]);
      const rect = el.map!.getCanvas().getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(rect.left + point.x), Math.round(rect.top + point.y)] });
      await waitUntil(() => el.map!.getZoom() > before + 0.5 && !el.map!.isMoving(), 'the cluster did not expand', { timeout: 10000 });
    });

    it('can be used from the keyboard: list rows, card, Escape back, then the map', async () => {
      const el = await mount();
      await mapIdle(el);
      $<HTMLInputElement>(el, '[name=q]').focus();
      const focused = () => el.shadowRoot!.activeElement as HTMLElement | null;
      for (let i = 0; i < 12 && !focused()?.classList.contains('row-button'); i++) await sendKeys({ press: 'Tab' });
      expect(focused()!.textContent).to.contain('Atelier banderoles');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      expect(focused()!.textContent).to.contain('Nettoyage de plage');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused()?.id === 'card-title');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => focused()?.textContent?.includes('Nettoyage de plage'));
      expect(el.shadowRoot!.querySelector('.card')).to.equal(null);
      el.map!.getCanvas().focus();
      const zoom = el.map!.getZoom();
      await sendKeys({ press: '=' });
      await waitUntil(() => el.map!.getZoom() > zoom + 0.5, 'the + key did not zoom the map', { timeout: 5000 });
    });

    it('draws its map again when it is taken out of the page and put back', async () => {
      const el = await mount();
      await mapIdle(el);
      const parent = el.parentElement!;
      el.remove();
      expect(el.map).to.equal(undefined);
      parent.append(el);
      await mapIdle(el);
      const clusters = el.map!.queryRenderedFeatures({ layers: ['clusters', 'pins'] });
      expect(clusters.length).to.be.above(0);
    });

    it('says why the map could not be drawn, with an archipel-error, and the list still works', async () => {
      const failed = new Promise<CustomEvent<{ collection?: string; error: unknown }>>((resolve) => document.addEventListener('archipel-error', (e) => resolve(e as CustomEvent<{ collection?: string; error: unknown }>), { once: true }));
      const el = await mount({ extra: 'basemap-url="/tests/fixtures/map/no-such-basemap.json"' });
      await waitUntil(() => text(el).includes('The map could not be drawn'), 'no sentence about the map', { timeout: 15000 });
      const { detail } = await failed;
      expect(detail.collection).to.equal(undefined);
      expect(detail.error).to.be.instanceOf(Error);
      expect(el.map).to.equal(undefined);
      expect(rows(el)).to.have.length(6);
      expect(el.shadowRoot!.querySelector('.zoom')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says why there is no map when the browser has no WebGL, and the list still works', async () => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        return /webgl/.test(type) ? null : (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
      try {
        const el = await mount();
        await waitUntil(() => text(el).includes('This browser cannot draw the map'), 'no sentence about WebGL', { timeout: 8000 });
        expect(rows(el)).to.have.length(6);
        await expect(el).to.be.accessible();
      } finally {
        HTMLCanvasElement.prototype.getContext = original;
      }
    });
  });

  describe('on a narrow screen', () => {
    it('shows the list first, with a map/list toggle, and loads MapLibre only when the map is shown', async () => {
      await setViewport({ width: 390, height: 800 });
      try {
        const el = await mount({ width: 380 });
        expect($(el, '.toggle').getBoundingClientRect().height).to.be.above(0);
        expect(getComputedStyle($(el, '.map-pane')).display).to.equal('none');
        await new Promise((r) => setTimeout(r, 300));
        expect(el.map).to.equal(undefined);
        await expect(el).to.be.accessible();
        [...el.shadowRoot!.querySelectorAll('.toggle button')].find((b) => b.textContent === 'Map')!.dispatchEvent(new MouseEvent('click'));
        await mapIdle(el);
        expect(getComputedStyle($(el, '.list-pane')).display).to.equal('none');
      } finally {
        await setViewport({ width: 1280, height: 800 });
      }
    });

    it('keeps the toggle’s words whole under a long count, and the distance first in each row', async () => {
      await setViewport({ width: 360, height: 800 });
      try {
        const el = await mount({ width: 330 });
        const place = $<HTMLInputElement>(el, '[name=place]');
        place.value = '69100';
        $<HTMLFormElement>(el, 'form').requestSubmit();
        await waitUntil(() => $(el, '.count').textContent!.includes('3 actions within 50 km'));
        for (const b of el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.toggle button')) {
          expect(b.scrollWidth, `“${b.textContent}” is squeezed`).to.be.at.most(b.clientWidth);
          const range = document.createRange();
          range.selectNodeContents(b);
          expect(new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size, `“${b.textContent}” wraps`).to.equal(1);
        }
        expect(el.shadowRoot!.querySelectorAll('.row-meta')[1]!.textContent).to.match(/^\d+ km away/);
      } finally {
        await setViewport({ width: 1280, height: 800 });
      }
    });
  });
});
