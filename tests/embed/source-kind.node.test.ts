/**
 * The loader's guess at a source's kind (packages/embed/src/source-kind.ts), held to core's kinds
 * (packages/core/src/adapters/kinds.ts): the loader asks early for the adapter's file and, from a REST API, for a
 * widget's first read, so a calendar or an event feed taken for a REST API was asked for `…/actions` on every page view.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { kindOf } from '../../packages/embed/src/source-kind.ts';
import { adapterKind } from '../../packages/core/src/adapter.ts';

const PAGE = 'https://campaign.example.org/agir/carte.html';
/** What the loader needs to tell apart; every other kind of core's is one it asks nothing early for. */
const EARLY = ['rest', 'json', 'sheets', 'apps-script'];

const SOURCES = [
  'https://campaign.example.org/api',
  'https://campaign.example.org/api/',
  '/api',
  'https://api.campaign.example.org/',
  'https://campaign.example.org/data/',
  'data/',
  'https://campaign.example.org/data/campaign.json',
  'https://docs.google.com/spreadsheets/d/1AbCdEf/edit#gid=0',
  'https://script.google.com/macros/s/AKfycbx/exec',
  'https://calendar.google.com/calendar/ical/abc%40group.calendar.google.com/public/basic.ics',
  'https://framagenda.org/remote.php/dav/public-calendars/k3Yx/export.ICS',
  'webcal://framagenda.org/remote.php/dav/public-calendars/k3Yx/export.ics',
  'data/calendars/alternatiba-lyon.ics',
  'https://mobilizon.fr/@alternatiba_lyon',
  'https://mobilizon.fr/@alternatiba_lyon/',
  'https://mobilizon.fr/@alternatiba_lyon@mobilizon.chapril.org',
  'https://mobilizon.fr/tag/climat',
  'https://api.mobilize.us/v1/organizations/1234/events',
  'https://osdi.example.org/api/v2/events',
  'https://actionnetwork.org/api/v2/events/',
];

describe('the loader’s guess at a source’s kind', () => {
  for (const source of SOURCES) {
    it(`is core's for ${source}`, () => {
      const core = adapterKind(new URL(source, PAGE).href).kind;
      assert.equal(kindOf(source, PAGE), EARLY.includes(core) ? core : 'feed');
    });
  }

  it('takes any address on Google’s two hosts for a sheet or an Apps Script, and begins no REST read from it', () => {
    // Not sources: core reads them as a JSON file or a REST API, and says what it found there.
    assert.equal(kindOf('https://docs.google.com/document/d/1AbCdEf/edit', PAGE), 'sheets');
    assert.equal(kindOf('https://script.google.com/macros/s/AKfycbx/dev', PAGE), 'apps-script');
  });

  it('begins no REST read from a calendar or an event feed', () => {
    const feeds = SOURCES.filter((s) => !EARLY.includes(adapterKind(new URL(s, PAGE).href).kind));
    assert.ok(feeds.length >= 10, 'the table holds the feeds');
    assert.deepEqual(feeds.filter((s) => kindOf(s, PAGE) === 'rest'), []);
  });
});
