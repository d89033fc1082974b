import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { icsToActions } from '../../packages/core/src/adapters/ical.ts';
import { mobilizonToAction } from '../../packages/core/src/adapters/mobilizon.ts';
import { mobilizeToActions } from '../../packages/core/src/adapters/mobilize.ts';
import { osdiToAction } from '../../packages/core/src/adapters/osdi.ts';
import { plainText, clip } from '../../packages/core/src/adapters/calendar-rows.ts';
import { adapterKind } from '../../packages/core/src/adapter.ts';
import { mergeSameActions } from '../../packages/core/src/same-action.ts';
import { actionReader, type Action } from '../../packages/core/src/schemas/actions.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/calendars/${name}`, import.meta.url), 'utf8');
const SOURCE = 'https://calendar.google.com/calendar/ical/alternatiba.lyon%40gmail.com/public/basic.ics';
/** The recordings are of December 2026: occurrences are listed from a month before "now" to a year after. */
const NOW = Date.UTC(2026, 11, 6);

function valid(rows: unknown[]): Action[] {
  return rows.map((row) => {
    const r = actionReader.read(row);
    assert.ok(r.success, `row refused: ${JSON.stringify(r.error?.issues)}`);
    return r.data;
  });
}

describe('which source is a calendar', () => {
  it('recognises iCalendar feeds and Mobilizon pages from their address', () => {
    assert.equal(adapterKind(SOURCE).kind, 'ical');
    assert.equal(adapterKind('webcal://framagenda.org/remote.php/dav/public-calendars/k3Yx/export.ics').kind, 'ical');
    assert.equal(adapterKind('https://mobilizon.fr/@alternatiba_lyon').kind, 'mobilizon');
    assert.equal(adapterKind('https://mobilizon.fr/@alternatiba_lyon@mobilizon.chapril.org').kind, 'mobilizon');
    assert.equal(adapterKind('https://mobilizon.fr/tag/climat').kind, 'mobilizon');
    assert.equal(adapterKind('https://api.mobilize.us/v1/organizations/1234/events').kind, 'mobilize');
    assert.equal(adapterKind('https://osdi.example.org/api/v2/events').kind, 'osdi');
    assert.equal(adapterKind('https://campaign.example.org/api').kind, 'rest');
    assert.equal(adapterKind('https://campaign.example.org/api/actions').kind, 'rest');
    assert.equal(adapterKind('https://campaign.example.org/data/').kind, 'json');
  });
});

describe('an iCalendar feed', () => {
  const actions = valid(icsToActions(fixture('alternatiba-lyon.ics'), SOURCE, NOW));
  const titled = (title: string) => actions.filter((a) => a.title === title);

  it('reads each event in the zone its TZID names, with its GEO pin and its LOCATION', () => {
    const [march] = titled('Marche des familles pour le climat');
    assert.equal(march?.start, '2027-01-15T17:00:00.000Z');
    assert.equal(march?.end, '2027-01-15T20:30:00.000Z');
    assert.equal(march?.timezone, 'Europe/Paris');
    assert.deepEqual([march?.lat, march?.lng], [45.7713, 4.8438]);
    assert.equal(march?.address, 'Place des Terreaux, 69001 Lyon, France');
    // Summer time: 10:00 in Paris is 08:00 UTC.
    assert.equal(titled("Fête de l'environnement")[0]?.start, '2027-06-05T08:00:00.000Z');
    assert.equal(titled('Réunion mensuelle des bénévoles')[0]?.start, '2027-01-10T18:00:00.000Z');
  });

  it('lists each occurrence of a recurring event, without its excluded date, with a moved one where it moved', () => {
    const starts = titled('Vélo-école : permanence du samedi').map((a) => a.start);
    assert.deepEqual(starts, ['2027-01-09T09:00:00.000Z', '2027-01-16T09:00:00.000Z', '2027-01-30T09:00:00.000Z', '2027-02-06T13:00:00.000Z', '2027-02-13T09:00:00.000Z']);
    const moved = titled('Vélo-école : permanence du samedi')[3]!;
    assert.match(moved.address ?? '', /Parc de Gerland/);
    assert.equal(new Set(titled('Vélo-école : permanence du samedi').map((a) => a.id)).size, 5);
  });

  it('keeps all-day events on their day where the calendar is, and leaves cancelled ones out', () => {
    assert.equal(titled('Village des alternatives')[0]?.start, '2027-09-17T22:00:00.000Z');
    assert.equal(titled('Die-in devant la gare (annulé)').length, 0);
  });

  it('says where each action was published: the calendar’s name, and the event’s own page when it has one', () => {
    assert.deepEqual(titled('Marche des familles pour le climat')[0]?.origins, [{ label: 'Alternatiba Lyon', url: SOURCE }]);
    assert.deepEqual(titled('Réunion mensuelle des bénévoles')[0]?.origins, [{ label: 'Alternatiba Lyon', url: 'https://alternatiba-lyon.example.org/reunion-mensuelle' }]);
  });

  it('lists occurrences only from a month ago to a year ahead', () => {
    const later = valid(icsToActions(fixture('alternatiba-lyon.ics'), SOURCE, Date.UTC(2027, 1, 20)));
    assert.deepEqual(later.filter((a) => a.title.startsWith('Vélo-école')).map((a) => a.start.slice(0, 10)), ['2027-01-30', '2027-02-06', '2027-02-13']);
  });

  it('refuses what is not a calendar, saying what to use instead', () => {
    assert.throws(() => icsToActions('<html><body>Sign in</body></html>', SOURCE), /not an iCalendar file.*"iCal" or "ICS" export address/);
  });
});

describe('a Mobilizon group', () => {
  const answer = JSON.parse(fixture('mobilizon/group-alternatiba_lyon.json'));
  const group = answer.data.group;
  const actions = valid(group.organizedEvents.elements.map((e: never) => mobilizonToAction(e, group)));

  it('reads its events with their place (Mobilizon gives longitude first) and its time zone', () => {
    const march = actions[0]!;
    assert.equal(march.start, '2027-01-15T17:00:00.000Z');
    assert.deepEqual([march.lat, march.lng], [45.7713, 4.8438]);
    assert.equal(march.venue, 'Place des Terreaux');
    assert.equal(march.city, 'Lyon');
    assert.equal(march.timezone, 'Europe/Paris');
    assert.equal(march.country, undefined);
  });

  it('turns HTML descriptions into text and marks online events', () => {
    assert.equal(actions[1]!.description, 'On répare ensemble\u00a0: chambres à air, freins, dérailleurs. Outils fournis.');
    assert.equal(actions[2]!.description, "Deux heures pour comprendre les principes de l'action non-violente et s'y préparer.");
    assert.equal(actions[2]!.virtual, true);
  });

  it('names the group as where each was published', () => {
    assert.deepEqual(actions[0]!.origins, [{ label: 'Alternatiba Lyon (Mobilizon)', url: 'https://mobilizon.fr/@alternatiba_lyon' }]);
  });
});

describe('an organisation’s events on Mobilize', () => {
  const page = JSON.parse(fixture('mobilize/v1/organizations/1234/events.json'));
  const actions = valid(page.data.flatMap(mobilizeToActions));

  it('gives an action per time slot, at the instant Mobilize gives in seconds, in the event’s zone', () => {
    const training = actions.filter((a) => a.title === 'Climate canvass training');
    assert.deepEqual(training.map((a) => a.start), ['2027-02-06T15:00:00.000Z', '2027-02-13T15:00:00.000Z']);
    assert.equal(training[0]!.timezone, 'America/New_York');
    assert.equal(new Set(training.map((a) => a.id)).size, 2);
  });

  it('reads the place, the kind of event and the organisation, and marks virtual events', () => {
    const rally = actions.find((a) => a.title.startsWith('Rally'))!;
    assert.deepEqual([rally.venue, rally.address, rally.city, rally.postcode, rally.country, rally.lat, rally.lng], ['Philadelphia City Hall, north apron', '1400 John F Kennedy Blvd', 'Philadelphia', '19107', 'US', 39.9526, -75.1635]);
    assert.equal(rally.type, 'rally');
    assert.deepEqual(rally.origins, [{ label: 'Climate Action Philadelphia (Mobilize)', url: 'https://www.mobilize.us/climateactionphilly/' }]);
    const phoneBank = actions.find((a) => a.title.startsWith('Phone bank'))!;
    assert.equal(phoneBank.virtual, true);
    assert.equal(phoneBank.lat, undefined);
  });
});

describe('an OSDI events feed', () => {
  const feed = JSON.parse(fixture('osdi/api/v2/events.json'));
  const actions = valid(feed._embedded['osdi:events'].map((e: never) => osdiToAction(e, 'osdi.example.org')));

  it('reads each event’s time, place and page, its HTML description as text', () => {
    const townHall = actions[0]!;
    assert.equal(townHall.title, 'Town hall: a Green New Deal for Oakland');
    assert.equal(townHall.start, '2027-02-18T02:00:00.000Z');
    assert.equal(townHall.description, 'Meet the candidates and ask your questions.');
    assert.deepEqual([townHall.city, townHall.lat, townHall.lng], ['Oakland', 37.8014, -122.2652]);
    assert.deepEqual(townHall.origins, [{ label: 'Action Network', url: 'https://actionnetwork.org/events/town-hall-a-green-new-deal-for-oakland' }]);
  });
});

describe('the same action from several calendars', () => {
  const ics = valid(icsToActions(fixture('alternatiba-lyon.ics'), SOURCE, NOW));
  const answer = JSON.parse(fixture('mobilizon/group-alternatiba_lyon.json'));
  const mobilizon = valid(answer.data.group.organizedEvents.elements.map((e: never) => mobilizonToAction(e, answer.data.group)));
  const server = valid([{ id: 'act-0251', title: 'Marche des familles pour le climat !', start: '2027-01-15T18:00', timezone: 'Europe/Paris', lat: 45.7712, lng: 4.8437, url: 'https://vagueclimat.example.org/rsvp/act-0251', origins: [{ label: 'campaign.example.org' }] }]);

  it('is shown once, listing every place it was published, its first source’s fields first', () => {
    const merged = mergeSameActions([...server, ...ics, ...mobilizon]);
    const marches = merged.filter((a) => a.title.startsWith('Marche des familles'));
    assert.equal(marches.length, 1);
    assert.equal(marches[0]!.id, 'act-0251');
    assert.equal(marches[0]!.description?.startsWith('Venez nombreux·ses'), true, 'a field the first lacks comes from another');
    assert.deepEqual(
      marches[0]!.origins?.map((o) => o.label),
      ['campaign.example.org', 'Alternatiba Lyon', 'Alternatiba Lyon (Mobilizon)'],
    );
    assert.equal(merged.length, server.length + ics.length + mobilizon.length - 2);
  });

  it('stays two actions when the places are far apart or the times differ', () => {
    const far = { ...server[0]!, lat: 48.85, lng: 2.35 };
    const later = { ...server[0]!, start: '2027-01-15T18:00:00.000Z' };
    assert.equal(mergeSameActions([far, ...ics]).filter((a) => a.title.startsWith('Marche')).length, 2);
    assert.equal(mergeSameActions([later, ...ics]).filter((a) => a.title.startsWith('Marche')).length, 2);
  });
});

describe('text from other formats', () => {
  it('cuts long text at a word and decodes HTML', () => {
    assert.equal(clip('un deux trois quatre', 12), 'un deux…');
    assert.equal(plainText('<p>a &amp; b</p><p>c<br>d</p><script>alert(1)</script>'), 'a & b\nc\nd');
  });
});
