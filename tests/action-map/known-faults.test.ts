/**
 * The map's faults found by supporters (issue #23), each as the supporter met it.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { formatDateTime } from '../../packages/core/src/i18n.ts';
import { $, $$, text } from '../support/dom.ts';
import { mapIdle, mountMap, otherMapSource, rows, setFilter, mapSource } from '../support/action-map.ts';

const withHash = async (hash: string, run: () => Promise<void>) => {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  try {
    await run();
  } finally {
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  }
};

describe('<action-map> known faults (#23)', function () {
  this.timeout(40000);

  describe('a cluster over a chapter ring', () => {
    it('zooms into the cluster and leaves the chapter alone', async () => {
      const el = await mountMap({ extra: 'layers="actions chapters"' });
      await mapIdle(el);
      el.map!.jumpTo({ center: [4.85, 45.76], zoom: 5 });
      await mapIdle(el);
      const [cluster] = el.map!.queryRenderedFeatures({ layers: ['clusters'] });
      const point = el.map!.project((cluster!.geometry as GeoJSON.Point).coordinates as [number, number]);
      expect(el.map!.queryRenderedFeatures(point, { layers: ['chapter-pins'] }).map((f) => f.properties.id), 'a chapter ring is drawn under the cluster').to.deep.equal(['lyon']);
      const before = el.map!.getZoom();
      const rect = el.map!.getCanvas().getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(rect.left + point.x), Math.round(rect.top + point.y)] });
      await waitUntil(() => el.map!.getZoom() > before + 0.5 && !el.map!.isMoving(), 'the cluster did not expand', { timeout: 10000 });
      expect($<HTMLSelectElement>(el, '[name=chapter]').value, 'the chapter under the cluster was opened too').to.equal('');
      expect(rows(el)).to.have.length(6);
    });
  });

  describe('dates', () => {
    it('keeps the time zone whichever format was asked for first', () => {
      const at = '2031-02-03T13:00:00Z';
      formatDateTime(at, 'en', 'Europe/Lisbon', { weekday: undefined, timeZoneName: undefined });
      expect(formatDateTime(at, 'en', 'Europe/Lisbon')).to.match(/GMT|WET/);
    });

    it('keeps the zone on the card and every row when a shared link opens an action', async () => {
      await withHash('#map-sel=m5', async () => {
        const el = await mountMap({ extra: 'sync-url' });
        await waitUntil(() => el.shadowRoot!.querySelector('.card'), 'the linked action did not open');
        expect($(el, '.card .when').textContent).to.match(/2030.*11:00 AM.*Eastern Time/);
        const row = $$(el, '.row-button').find((b) => b.textContent!.includes('Rassemblement'))!;
        expect(row.textContent).to.contain('Eastern Time');
        const lyon = $$(el, '.row-button').find((b) => b.textContent!.includes('Atelier banderoles'))!;
        expect(lyon.textContent).to.contain('Central European Time');
      });
    });

    it('names zones as places, in the page’s language, never as offsets', async () => {
      const el = await mountMap();
      el.setAttribute('lang', 'fr');
      await waitUntil(() => text(el).includes('heure d’Europe centrale'), 'no zone named in French');
      expect(text(el)).not.to.match(/UTC[+−-]\d|GMT[+−-]\d|\bEST\b|\bCET\b/);
      expect(text(el)).to.contain('heure de l’Est');
    });

    it('clears the dates from the address when “between dates” gives way to “all”', async () => {
      await withHash('', async () => {
        const el = await mountMap({ extra: 'sync-url' });
        await setFilter(el, 'when', 'range');
        await setFilter(el, 'from', '2030-12-01');
        await setFilter(el, 'to', '2030-12-10');
        expect(location.hash).to.contain('map-from=2030-12-01').and.contain('map-to=2030-12-10');
        await setFilter(el, 'when', 'all');
        expect(location.hash).to.equal('#map-when=all');
        expect(rows(el)).to.have.length(7);
      });
    });
  });

  describe('near me', () => {
    const atLyon = async (run: () => Promise<void>) => {
      const geo = navigator.geolocation;
      const fake = { getCurrentPosition: (ok: PositionCallback) => ok({ coords: { latitude: 48.85, longitude: 2.35, accuracy: 50 } } as GeolocationPosition) };
      Object.defineProperty(navigator, 'geolocation', { value: fake, configurable: true });
      try {
        await run();
      } finally {
        Object.defineProperty(navigator, 'geolocation', { value: geo, configurable: true });
      }
    };
    const clickNearMe = (el: Element, words: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === words)!.click();

    it('says “of you”, not “of Near me”, in every language', async () => {
      await atLyon(async () => {
        const el = await mountMap();
        for (const [lang, nearMe, sentence] of [
          ['en', 'Near me', 'No action within 50 km of you yet.'],
          ['fr', 'Autour de moi', 'Pas encore d’action à moins de 50 km de vous.'],
        ] as const) {
          el.setAttribute('lang', lang);
          await waitUntil(() => text(el).includes(nearMe));
          clickNearMe(el, nearMe);
          await waitUntil(() => text(el).includes(sentence), `no “${sentence}”`);
          expect(text(el)).not.to.contain(`de ${nearMe}`).and.not.to.contain(`of ${nearMe}`);
        }
      });
    });

    it('writes “near me” into a shared link without the position, and the link’s reader is told', async () => {
      await withHash('', async () => {
        await atLyon(async () => {
          const el = await mountMap({ extra: 'sync-url' });
          clickNearMe(el, 'Near me');
          await waitUntil(() => location.hash.includes('map-near=me'));
          expect(location.hash).not.to.contain('48.85').and.not.to.contain('2.35');
          const link = location.hash;
          el.remove();
          history.replaceState(null, '', `${location.pathname}${location.search}${link}`);
          const opened = await mountMap({ extra: 'sync-url' });
          await waitUntil(() => text(opened).includes('a link never carries anyone’s position'), 'the link’s reader was not told');
          expect($(opened, '.place-message').textContent).to.contain('Choose “Near me” or type a place.');
        });
      });
    });
  });

  describe('the list and the card', () => {
    it('names each source readably, even when they share a host', async () => {
      const el = await mountMap({ src: `${mapSource} ${otherMapSource}` });
      await waitUntil(() => rows(el).includes('Vélorution'), 'the second source did not arrive', { timeout: 8000 });
      $$(el, '.row-button').find((b) => b.textContent!.includes('Vélorution'))!.click();
      await el.updateComplete;
      expect($(el, '.card .origin').textContent).to.equal(`From ${location.hostname} › map2`);
      $$(el, '.row-button').find((b) => b.textContent!.includes('Atelier banderoles'))!.click();
      await el.updateComplete;
      expect($(el, '.card .origin').textContent).to.equal(`From ${location.hostname} › map`);
    });

    it('says “urgent” to a screen reader where the eye sees a red dot', async () => {
      const el = await mountMap();
      const urgent = $$(el, '.row-button').find((b) => b.textContent!.includes('Marche pour le climat'))!;
      const mark = urgent.querySelector('.urgent')!;
      expect(mark.textContent).to.contain('●');
      const spoken = [...mark.querySelectorAll('*')].filter((n) => n.getAttribute('aria-hidden') !== 'true').map((n) => n.textContent).join('');
      expect(spoken).to.equal('Urgent:');
      await expect(el).to.be.accessible();
    });
  });
});
