/**
 * Any town or postcode (#23): a rural supporter finds their place even where no action is yet, and is led to
 * host one and to the nearest chapter; an unknown place says so and leaves no stale results.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ActionMap } from '../../packages/action-map/src/action-map.component.ts';
import { MemoryAdapter } from '../../packages/core/src/adapters/memory.ts';
import { $, query, text } from '../support/dom.ts';
import { mapWorker, rows } from '../support/action-map.ts';

const actions = [
  { id: 'p1', title: 'Marche pour le climat', start: '2031-03-01T14:00', timezone: 'Europe/Paris', city: 'Lyon', postcode: '69002', lat: 45.7578, lng: 4.832 },
  { id: 'p2', title: 'Atelier banderoles', start: '2031-03-02T10:00', timezone: 'Europe/Paris', city: 'Villeurbanne', postcode: '69100', lat: 45.7719, lng: 4.8902 },
  { id: 'p3', title: 'Vélorution', start: '2031-03-03T15:00', timezone: 'Europe/Paris', city: 'Montpellier', postcode: '34000', lat: 43.6109, lng: 3.8772 },
];
const chapters = [
  { id: 'toulouse', name: 'Vague Climat Toulouse', city: 'Toulouse', lat: 43.6047, lng: 1.4442 },
  { id: 'lyon', name: 'Vague Climat Lyon', city: 'Lyon', lat: 45.7578, lng: 4.832 },
];

const gazetteerAsked = () => performance.getEntriesByType('resource').filter((e) => e.name.includes('/gazetteer/fr.json')).length;

async function mount(lang = 'en', syncUrl = false): Promise<ActionMap> {
  const adapter = new MemoryAdapter({ actions, chapters }, { source: `memory:places-${Math.random()}` });
  const wrap = await fixture<HTMLDivElement>(
    html`<div style="width:1000px"><action-map lang=${lang} .adapter=${adapter} worker-url=${mapWorker} host-url="https://campaign.example/host" chapter-url="/chapters/{id}" ?sync-url=${syncUrl}></action-map></div>`,
  );
  const el = wrap.querySelector('action-map')!;
  await waitUntil(() => rows(el).length > 0 || text(el).includes('No action'), 'no rows', { timeout: 8000 });
  return el;
}

async function search(el: ActionMap, place: string): Promise<void> {
  $<HTMLInputElement>(el, '[name=place]').value = place;
  $<HTMLFormElement>(el, 'form').requestSubmit();
}

describe('<action-map> finds any town or postcode (#23)', function () {
  this.timeout(30000);

  it('finds Agen, where no action is, and leads to hosting one and to Toulouse, about 93 km away', async () => {
    const el = await mount();
    expect(gazetteerAsked(), 'the place index loads only when someone searches').to.equal(0);
    await search(el, 'Agen');
    await waitUntil(() => text(el).includes('No action within 50 km of Agen yet.'), 'Agen was not found', { timeout: 10000 });
    expect(rows(el)).to.deep.equal([]);
    expect($<HTMLAnchorElement>(el, '.empty a[href="https://campaign.example/host"]').textContent).to.equal('Host one');
    // As the crow flies between GeoNames' positions of the two towns.
    expect($<HTMLAnchorElement>(el, '.empty a[href$="/chapters/toulouse"]').textContent).to.match(/^Nearest chapter: Vague Climat Toulouse \(9[34] km\)$/);
    expect(gazetteerAsked()).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('names a town in French without “de” before a vowel: “Agen : pas encore…”, not “de Agen”', async () => {
    const el = await mount('fr');
    await search(el, 'Agen');
    await waitUntil(() => text(el).includes('Agen : pas encore d’action à moins de 50 km.'), 'no sentence for Agen', { timeout: 10000 });
    expect(text(el)).not.to.contain('de Agen');
  });

  it('finds Mende by its postcode, 48000, and says distances as the page’s language writes them', async () => {
    const el = await mount('ar');
    await search(el, '48000');
    await waitUntil(() => query(el, '.empty a[href$="/chapters/lyon"]') || query(el, '.empty a[href$="/chapters/toulouse"]'), 'the postcode was not found', { timeout: 10000 });
    const nearest = $<HTMLAnchorElement>(el, '.empty a[href*="/chapters/"]').textContent!;
    expect(nearest).to.match(/كم/);
    expect(nearest).not.to.match(/\bkm\b/);
  });

  it('finds a town with no action among the places near one, sorted by distance', async () => {
    const el = await mount();
    await search(el, 'Sète');
    await waitUntil(() => query(el, '[name=radius]'), 'Sète was not found', { timeout: 10000 });
    await waitUntil(() => rows(el).length === 1);
    expect(rows(el)).to.deep.equal(['Vélorution']);
    expect(text(el)).to.match(/\d+ km away/);
  });

  it('says it does not know a place and clears the previous place’s results', async () => {
    const el = await mount();
    await search(el, '69100');
    await waitUntil(() => rows(el).length === 2, 'the first place did not filter');
    await search(el, 'Atlantis');
    await waitUntil(() => text(el).includes('We do not know “Atlantis”'), 'no sentence for an unknown place', { timeout: 10000 });
    expect(query(el, '[name=radius]'), 'the previous place still filters').to.equal(null);
    expect(rows(el)).to.have.length(3);
    expect(text(el)).not.to.contain('km away');
  });

  it('finds a town from a shared link even when no action is there', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#map-place=Mende`);
    try {
      const el = await mount('en', true);
      await waitUntil(() => text(el).includes('No action within 50 km of Mende yet.'), 'the linked town was not found', { timeout: 10000 });
    } finally {
      history.replaceState(null, '', `${location.pathname}${location.search}`);
    }
  });
});
