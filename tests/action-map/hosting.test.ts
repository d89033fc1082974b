/**
 * Hosting and joining actions in Chromium against the real reference server (the demo campaign): a supporter
 * proposes an action from the map's "Host one", is told in their language what to fix, sends it; it waits, the
 * chapter's lead approves it in the console, and it appears on the map. On its card, a supporter says they come
 * (counted once, then "Full" at capacity), and "Add to my calendar" gives a file that ical.js opens in the
 * action's own zone.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import '../../packages/console/src/archipel-console.ts';
import '../../packages/chapter-hub/src/chapter-hub.ts';
import type { ArchipelConsole } from '../../packages/console/src/archipel-console.component.ts';
import type { ActionMap } from '../../packages/action-map/src/action-map.component.ts';
import { mapWorker, mountMap, rows } from '../support/action-map.ts';
import { AppsScriptAdapter } from '../../packages/core/src/adapters/apps-script.ts';
import { $, $$, accessible, query, text } from '../support/dom.ts';

interface Ref {
  url: string;
  token: string;
  leadToken: string;
}
const reference = (chapter: string) => executeServerCommand<Ref, { action: string; chapter: string }>('reference-server', { action: 'lead-token', chapter });

const run = Date.now().toString(36);
const dialog = (el: ActionMap) => query<HTMLDialogElement>(el, 'dialog.host');
const field = (el: ActionMap, id: string) => $<HTMLInputElement>(el, `#host-${id}`);
function fill(el: ActionMap, id: string, value: string) {
  const input = field(el, id);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
async function submit(el: ActionMap, selector: string) {
  $<HTMLFormElement>(el, selector).requestSubmit();
  await new Promise((r) => setTimeout(r, 50));
  await el.updateComplete;
}

afterEach(() => sessionStorage.clear());

describe('a supporter hosting an action', () => {
  it('is told in French what to fix, sends it, and it appears on the map once the lead approves it in the console', async function () {
    this.timeout(60_000);
    const { url, leadToken } = await reference('lyon');
    const title = `Pique-nique climat ${run}`;
    // A type nobody uses: nothing matches, and the empty list offers to host one.
    const el = await mountMap({ src: url, extra: 'type="picnic" lang="fr"' });
    el.lang = 'fr';
    await el.updateComplete;
    await waitUntil(() => query(el, '.host-one'), 'no "host one" button when nothing matches', { timeout: 5000 });
    $<HTMLButtonElement>(el, '.host-one').click();
    await waitUntil(() => dialog(el)?.open && query(el, '#host-title'), 'the form did not open', { timeout: 8000 });
    expect(text(dialog(el)!)).to.contain('Organiser une action');
    await accessible(el);

    fill(el, 'place', 'Nulle-part-sur-terre');
    await submit(el, '.host-form');
    const errors = () => $$(el, '.host-form .error').map((e) => e.textContent!.trim());
    await waitUntil(() => errors().length >= 4, `too few problems: ${errors().join(' | ')}`, { timeout: 5000 });
    expect($(el, '#e-title').textContent).to.contain('Veuillez remplir ce champ');
    expect($(el, '#e-place').textContent).to.contain('Nous ne connaissons pas ce lieu');
    expect($(el, '#e-proposerName').textContent).to.contain('Veuillez remplir');
    expect(field(el, 'title').getAttribute('aria-invalid')).to.equal('true');
    expect(text(dialog(el)!)).to.match(/champs sont à corriger/);

    fill(el, 'title', title);
    fill(el, 'day', '2027-04-03');
    fill(el, 'start', '12:30');
    fill(el, 'end', '15:00');
    expect(field(el, 'timezone').value).to.equal('Europe/Paris');
    fill(el, 'place', 'Lyon');
    fill(el, 'capacity', '1');
    $<HTMLSelectElement>(el, '#host-chapter').value = 'lyon';
    fill(el, 'proposerName', 'Samia Hôte');
    fill(el, 'proposerEmail', `samia.${run}@example.org`);
    field(el, 'consent').checked = true;
    // A person takes a moment to fill a form: the server refuses one sent faster than 1.5 s after it was shown.
    await new Promise((r) => setTimeout(r, 1600));
    await submit(el, '.host-form');
    await waitUntil(() => text(dialog(el)!).includes('Merci'), `not sent: ${text(dialog(el)!)}`, { timeout: 8000 });
    await accessible(el);

    // It waits: not in the public list, but in the lead's queue with the proposer's contact.
    const publicList = async () => ((await (await fetch(`${url}/actions?chapter=lyon`, { cache: 'no-store' })).json()) as { items: { id: string; title: string; start: string }[] }).items;
    expect((await publicList()).some((a) => a.title === title)).to.equal(false);

    const lead = await fixture<ArchipelConsole>(html`<archipel-console source=${url} lang="fr"></archipel-console>`);
    $<HTMLInputElement>(lead, '[part=sign-in] input').value = leadToken;
    $<HTMLFormElement>(lead, '[part=sign-in]').requestSubmit();
    await waitUntil(() => query(lead, '[part=tabs]'), 'the console did not open', { timeout: 8000 });
    $$<HTMLButtonElement>(lead, '[part=tabs] button').find((b) => b.textContent!.trim() === 'Actions')!.click();
    await waitUntil(() => $$(lead, '.proposals li').some((li) => text(li).includes(title)), 'the proposal is not in the lead’s queue', { timeout: 8000 });
    const item = $$(lead, '.proposals li').find((li) => text(li).includes(title))!;
    expect(text(item)).to.contain(`samia.${run}@example.org`).and.contain('Proposée par Samia Hôte');
    await accessible(lead);
    item.querySelector<HTMLButtonElement>('[data-approve]')!.click();
    await waitUntil(() => text(lead).includes('est maintenant sur la carte'), 'no word that it is published', { timeout: 8000 });

    const published = (await publicList()).find((a) => a.title === title)!;
    expect(published.start).to.equal('2027-04-03T10:30:00.000Z', '12:30 in Lyon, summer time');
    const map = await mountMap({ src: url, extra: 'chapter="lyon"' });
    expect(rows(map)).to.include(title);
  });
});

describe('a chapter lead in the console', () => {
  it('publishes an action with the map’s own form, and the public map shows it without approval', async function () {
    this.timeout(60_000);
    const { url, leadToken } = await reference('lyon');
    const title = `Vélorution ${run}`;
    const lead = await fixture<ArchipelConsole>(html`<archipel-console source=${url} lang="en"></archipel-console>`);
    $<HTMLInputElement>(lead, '[part=sign-in] input').value = leadToken;
    $<HTMLFormElement>(lead, '[part=sign-in]').requestSubmit();
    await waitUntil(() => query(lead, '[part=tabs]'), 'the console did not open', { timeout: 8000 });
    $$<HTMLButtonElement>(lead, '[part=tabs] button').find((b) => b.textContent!.trim() === 'Actions')!.click();
    await waitUntil(() => query(lead, '[part=publish-action]'), 'no "publish an action" in the Actions tab', { timeout: 8000 });
    $<HTMLButtonElement>(lead, '[part=publish-action]').click();
    const map = () => query<ActionMap>(lead, 'action-map');
    await waitUntil(() => map()?.shadowRoot?.querySelector<HTMLDialogElement>('dialog.host')?.open && query(map()!, '#host-title'), 'the map’s form did not open', { timeout: 10000 });
    const el = map()!;
    expect(query(el, '#host-chapter')).to.equal(null, 'a lead publishes in their own chapter: nothing to choose');
    fill(el, 'title', title);
    fill(el, 'day', '2027-05-08');
    fill(el, 'start', '10:00');
    fill(el, 'place', 'Lyon');
    fill(el, 'proposerName', 'Léa Responsable');
    fill(el, 'proposerEmail', `lea.${run}@example.org`);
    field(el, 'consent').checked = true;
    // As long as a person takes at least: the server's time trap (1.5 s) holds for everyone's forms.
    await new Promise((r) => setTimeout(r, 1600));
    await submit(el, '.host-form');
    await waitUntil(() => text(dialog(el)!).includes('on the map now'), `not published: ${text(dialog(el)!)}`, { timeout: 8000 });

    const items = ((await (await fetch(`${url}/actions?chapter=lyon`, { cache: 'no-store' })).json()) as { items: { title: string; start: string; proposer?: unknown }[] }).items;
    const published = items.find((a) => a.title === title);
    expect(published, 'not in the public list').to.exist;
    expect(published!.start).to.equal('2027-05-08T08:00:00.000Z', '10:00 in Lyon, summer time');
    expect(published).not.to.have.property('proposer');
    const waiting = (await (await fetch(`${url}/console/proposals?chapter=lyon`, { headers: { authorization: `Bearer ${leadToken}` } })).json()) as { items: { title: string }[] };
    expect(waiting.items.some((p) => p.title === title)).to.equal(false, 'a lead’s own action does not wait for approval');
    await waitUntil(() => $$(lead, '[part=actions] th[scope=row]').some((th) => th.textContent!.includes(title)), 'the console’s list of actions did not take it in', { timeout: 8000 });
    const publicMap = await mountMap({ src: url, extra: 'chapter="lyon"' });
    // A map on this source earlier in the run left its rows on the device: they show first, then the fresh read.
    await waitUntil(() => rows(publicMap).includes(title), `the public map does not show it: ${rows(publicMap).join(' | ')}`, { timeout: 8000 });
  });
});

describe('a chapter hub', () => {
  it('links to its calendar feed and opens the map’s form to host an action in this chapter', async function () {
    this.timeout(30_000);
    const { url } = await reference('lyon');
    const hub = await fixture<HTMLElement>(html`<chapter-hub source=${url} chapter="lyon" lang="en"></chapter-hub>`);
    await waitUntil(() => query(hub, '[part~=host]'), 'no "host an action" in the hub', { timeout: 8000 });
    const feed = $<HTMLAnchorElement>(hub, '[part~=calendar-feed]');
    expect(feed.href).to.equal(`${url}/chapters/lyon/actions.ics`);
    const calendar = await fetch(feed.href);
    expect(calendar.headers.get('content-type')).to.match(/^text\/calendar/);
    $<HTMLButtonElement>(hub, '[part~=host]').click();
    const map = () => query<ActionMap>(hub, 'action-map');
    await waitUntil(() => map()?.shadowRoot?.querySelector<HTMLDialogElement>('dialog.host')?.open, 'the form did not open', { timeout: 10000 });
    expect(map()!.shadowRoot!.querySelector<HTMLInputElement>('input[name=chapter]')!.value).to.equal('lyon');
    expect(map()!.shadowRoot!.querySelector('#host-chapter')).to.equal(null, 'no chapter to choose inside a chapter’s hub');
  });
});

describe('joining an action from its card', () => {
  let url: string;
  let id: string;
  before(async function () {
    this.timeout(20_000);
    const ref = await reference('lyon');
    url = ref.url;
    id = `join-${run}`;
    const res = await fetch(`${url}/actions/proposals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ref.leadToken}` },
      body: JSON.stringify({ id, title: `Atelier vélo ${run}`, start: '2027-01-16T10:00', end: '2027-01-16T12:00', timezone: 'Europe/Paris', city: 'Lyon', lat: 45.76, lng: 4.83, chapter: 'lyon', capacity: 1, proposer: { name: 'Amina', email: 'amina@example.org' }, consent: [{ purpose: 'host', version: '1', at: new Date().toISOString() }], created: new Date().toISOString() }),
    });
    expect(res.status).to.equal(201);
  });

  async function openCard(): Promise<ActionMap> {
    const el = await mountMap({ src: url, extra: 'chapter="lyon"' });
    await el.select(id);
    await waitUntil(() => query(el, '.card'), 'the card did not open');
    return el;
  }

  it('counts the person in, then shows the action full to the next one', async function () {
    this.timeout(30_000);
    const el = await openCard();
    expect(text($(el, '.card'))).to.contain('1 place left');
    $<HTMLButtonElement>(el, '.card .join').click();
    await waitUntil(() => query(el, '#join-name'), 'the form did not open', { timeout: 8000 });
    await submit(el, '.join-form');
    await waitUntil(() => query(el, '#e-name'), 'no problem shown for an empty form');
    expect($(el, '#e-name').textContent).to.contain('Please fill in this field');
    // A person takes a moment to fill a form: the server refuses one sent faster than 1.5 s after it was shown.
    await new Promise((r) => setTimeout(r, 1600));
    $<HTMLInputElement>(el, '#join-name').value = 'Inès';
    $<HTMLInputElement>(el, '#join-email').value = `ines.${run}@example.org`;
    $<HTMLInputElement>(el, '#join-consent').checked = true;
    await submit(el, '.join-form');
    await waitUntil(() => text($(el, '.card')).includes('You are on the list'), `not sent: ${text($(el, '.card'))}`, { timeout: 8000 });
    await waitUntil(() => text($(el, '.card')).includes('Full'), 'the count did not change', { timeout: 8000 });
    await accessible(el);

    const next = await openCard();
    expect(text($(next, '.card'))).to.contain('Full: no place left.');
    expect(query(next, '.card .join')).to.equal(null);
  });

  it('gives a calendar file that ical.js opens at the action’s time in Paris', async function () {
    this.timeout(20_000);
    const el = await openCard();
    const files: Blob[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => (files.push(blob as Blob), create.call(URL, blob));
    try {
      $<HTMLButtonElement>(el, '.card .calendar').click();
      await waitUntil(() => files.length, 'no file was made', { timeout: 5000 });
    } finally {
      URL.createObjectURL = create;
    }
    expect((files[0] as File).name).to.match(/\.ics$/);
    const calendar = new ICAL.Component(ICAL.parse(await files[0]!.text()) as never);
    const zone = calendar.getFirstSubcomponent('vtimezone')!;
    ICAL.TimezoneService.register(zone);
    try {
      const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
      expect(event.summary).to.equal(`Atelier vélo ${run}`);
      expect(event.startDate.zone.tzid).to.equal('Europe/Paris');
      expect(event.startDate.toString()).to.equal('2027-01-16T10:00:00');
      expect(event.startDate.toJSDate().toISOString()).to.equal('2027-01-16T09:00:00.000Z');
      expect(event.endDate.toJSDate().toISOString()).to.equal('2027-01-16T11:00:00.000Z');
    } finally {
      ICAL.TimezoneService.remove('Europe/Paris');
    }
  });
});

describe('on an Apps Script source', () => {
  /** The map on the recorded Apps Script web app (tests/fixtures/google/apps-script, behind the 302 hop). */
  async function mountOnAppsScript(extra: { type?: string } = {}): Promise<ActionMap> {
    const adapter = new AppsScriptAdapter(`${location.origin}/__google/macros/s/AKfyHosting/exec`);
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:1000px"><action-map lang="en" .adapter=${adapter} type=${extra.type ?? ''} worker-url=${mapWorker}></action-map></div>`);
    const el = wrap.querySelector('action-map')!;
    await waitUntil(() => rows(el).length > 0 || text(el).includes('No action'), 'the list did not fill', { timeout: 8000 });
    return el;
  }

  it('offers to host one when nothing matches, and "I’m coming" on an action’s card', async function () {
    this.timeout(30_000);
    const empty = await mountOnAppsScript({ type: 'picnic' });
    await waitUntil(() => query(empty, '.host-one'), 'no "host one" button on an Apps Script source', { timeout: 5000 });
    $<HTMLButtonElement>(empty, '.host-one').click();
    await waitUntil(() => dialog(empty)?.open && query(empty, '#host-title'), 'the form did not open', { timeout: 8000 });
    await accessible(empty);

    const el = await mountOnAppsScript();
    await el.select('as-1');
    await waitUntil(() => query(el, '.card .join'), 'no "I’m coming" on the card of an Apps Script source', { timeout: 5000 });
    $<HTMLButtonElement>(el, '.card .join').click();
    await waitUntil(() => query(el, '#join-name'), 'the form did not open', { timeout: 8000 });
    await accessible(el);
  });
});
