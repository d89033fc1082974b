import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ICAL from 'ical.js';
import { startServer, importRecords, type RunningServer, type Storage } from '../../packages/server/src/index.ts';
import { addFeed, listFeeds, removeFeed, syncFeeds } from '../../packages/server/src/sync.ts';
import { icsToActions } from '../../packages/core/src/adapters/ical.ts';
import { startCalendarServer } from '../support/calendar-fixtures.mjs';
import { freshDatabase, testDatabase, testStorage } from './support.ts';

type Calendars = Awaited<ReturnType<typeof startCalendarServer>>;

const run = promisify(execFile);
/** The command as a campaign types it (from the sources, through tsx). */
const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'packages/server/src/cli.ts', ...args], { encoding: 'utf8' });

const snapshot = (store: Storage) => store.query("SELECT id, data, updated FROM items WHERE collection = 'actions' ORDER BY id");

describe(`archipel-server sync (${testDatabase()})`, () => {
  let calendars: Calendars;
  let store: Storage;
  let ics: string;
  let mobilizon: string;

  before(async () => {
    calendars = await startCalendarServer();
    ics = `${calendars.url}/alternatiba-lyon.ics`;
    mobilizon = `${calendars.url}/mobilizon/@alternatiba_lyon`;
    store = await testStorage();
    await importRecords(store, {
      chapters: [{ id: 'lyon', name: 'Vague Climat Lyon', leaders: [{ name: 'Léa M.', email: 'lea.private@example.org' }] }],
      actions: [
        { id: 'a1', title: 'Marche', start: '2026-12-12T14:00', timezone: 'Europe/Paris', chapter: 'lyon' },
        // The campaign's own copy of a march Alternatiba Lyon's calendar lists too.
        { id: 'a2', title: 'Marche des familles pour le climat', start: '2027-01-15T18:00', timezone: 'Europe/Paris', chapter: 'lyon', lat: 45.7713, lng: 4.8438 },
      ],
    });
    await addFeed(store, ics, { chapter: 'lyon' });
    await addFeed(store, mobilizon, { label: 'Alternatiba Lyon sur Mobilizon' });
  });
  after(async () => {
    await calendars.close();
    await store.close();
  });

  it('stores a recorded feed’s actions with the feed they came from', async () => {
    const [fromIcs, fromMobilizon] = await syncFeeds(store);
    assert.equal(fromIcs!.error, undefined);
    assert.ok(fromIcs!.added >= 8, `added ${fromIcs!.added}`);
    assert.equal(fromMobilizon!.added, 3);
    const stored = (await store.list('actions', { limit: 100 })).map((r) => JSON.parse(r.data));
    const march = stored.find((a) => a.title === 'Marche des familles pour le climat' && a.origins);
    assert.equal(march.chapter, 'lyon', 'the feed’s chapter');
    // The feed's address may be a secret one: it is not published, the calendar's name is.
    assert.deepEqual(march.origins, [{ label: 'Alternatiba Lyon' }]);
    const meeting = stored.find((a) => a.title === 'Réunion mensuelle des bénévoles');
    assert.deepEqual(meeting.origins, [{ label: 'Alternatiba Lyon', url: 'https://alternatiba-lyon.example.org/reunion-mensuelle' }]);
    assert.equal(march.start, '2027-01-15T17:00:00.000Z');
    const workshop = stored.find((a) => a.title === 'Atelier réparation de vélos');
    assert.deepEqual(workshop.origins, [{ label: 'Alternatiba Lyon sur Mobilizon', url: 'https://mobilizon.fr/@alternatiba_lyon' }]);
    const recorded = await store.query<{ feed: string; n: number | string }>('SELECT feed, COUNT(*) AS n FROM synced_actions GROUP BY feed ORDER BY feed');
    assert.deepEqual(recorded.map((r) => ({ ...r, n: Number(r.n) })), [
      { feed: ics, n: fromIcs!.added },
      { feed: mobilizon, n: 3 },
    ]);
    assert.ok(stored.some((a) => a.id === 'a1'), 'the campaign’s own actions stay');
  });

  it('changes nothing when run again', async () => {
    const before = await snapshot(store);
    const reports = await syncFeeds(store);
    assert.deepEqual(
      reports.map((r) => [r.added, r.changed, r.removed]),
      [
        [0, 0, 0],
        [0, 0, 0],
      ],
    );
    assert.deepEqual(await snapshot(store), before);
  });

  it('removes an event deleted from its calendar, and only that one', async () => {
    const text = readFileSync(new URL('../fixtures/calendars/alternatiba-lyon.ics', import.meta.url), 'utf8');
    const withoutFete = text.replace(/BEGIN:VEVENT\r\n(?:(?!END:VEVENT)[\s\S])*?SUMMARY:Fête de l'environnement[\s\S]*?END:VEVENT\r\n/, '');
    assert.notEqual(withoutFete, text);
    calendars.replace.set('alternatiba-lyon.ics', withoutFete);
    try {
      const [fromIcs] = await syncFeeds(store);
      assert.deepEqual([fromIcs!.added, fromIcs!.changed, fromIcs!.removed], [0, 0, 1]);
      assert.equal((await store.list('actions', { limit: 100 })).filter((r) => JSON.parse(r.data).title === "Fête de l'environnement").length, 0);
    } finally {
      calendars.replace.clear();
    }
    const [again] = await syncFeeds(store);
    assert.equal(again!.added, 1);
  });

  it('keeps what a feed gave last time when it cannot be read, and says so', async () => {
    const before = await snapshot(store);
    calendars.down = true;
    try {
      const reports = await syncFeeds(store);
      assert.ok(reports.every((r) => r.error?.includes('503')));
    } finally {
      calendars.down = false;
    }
    assert.deepEqual(await snapshot(store), before);
    assert.match((await listFeeds(store))[0]!.error ?? '', /503/);
    await syncFeeds(store);
    assert.equal((await listFeeds(store))[0]!.error, null);
  });

  it('refuses an address that is not one, when it is added', async () => {
    await assert.rejects(addFeed(store, 'not a url'), /is not a URL/);
  });

  describe('giving the actions back', () => {
    let server: RunningServer;
    before(async () => (server = await startServer({ db: store, port: 0, logLevel: 'warn' })));
    after(() => server.close());

    it('serves a chapter’s actions as an iCalendar feed that calendars (and Archipel) read back', async () => {
      for (const path of ['/api/actions.ics?chapter=lyon', '/api/chapters/lyon/actions.ics']) {
        const res = await fetch(`${server.url}${path}`);
        assert.equal(res.status, 200, path);
        assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
        const text = await res.text();
        assert.ok(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75), 'lines are folded at 75 octets');
        const calendar = new ICAL.Component(ICAL.parse(text) as never);
        assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), 'Vague Climat Lyon');
        const read = icsToActions(text, `${server.url}${path}`) as { title: string; start: string; lat?: number }[];
        const lyon = (await store.list('actions', { chapter: 'lyon', limit: 100 })).map((r) => JSON.parse(r.data));
        // The march the campaign and the calendar both list is given back once.
        assert.equal(read.length, lyon.length - 1);
        assert.equal(read.filter((a) => a.title === 'Marche des familles pour le climat').length, 1);
        const march = read.find((a) => a.title === 'Marche des familles pour le climat')!;
        assert.equal(march.start, '2027-01-15T17:00:00.000Z');
        assert.equal(march.lat, 45.7713);
      }
      const all = await (await fetch(`${server.url}/api/actions.ics`)).text();
      assert.match(all, /SUMMARY:Atelier réparation de vélos/);
      assert.equal((await fetch(`${server.url}/api/chapters/nowhere/actions.ics`)).status, 404);
    });

    it('serves the documented JSON export that GoGoCarto and Transiscope maps import, cacheable', async () => {
      const res = await fetch(`${server.url}/api/export/actions.json`);
      assert.equal(res.status, 200);
      const body = (await res.json()) as { licence: string; ontology: string; data: Record<string, unknown>[] };
      assert.equal(body.ontology, 'gogofull');
      // The march that the campaign, the calendar and the Mobilizon group all list, once.
      assert.equal(body.data.length, (await store.count('actions')) - 2);
      const march = body.data.find((e) => e.name === 'Marche des familles pour le climat')!;
      assert.equal(march.id, 'a2', 'the campaign’s own copy first');
      assert.deepEqual(march.geo, { latitude: 45.7713, longitude: 4.8438 });
      assert.equal(march.sourceKey, 'Alternatiba Lyon');
      assert.equal(march.startDate, '2027-01-15T17:00:00.000Z');
      const again = await fetch(`${server.url}/api/export/actions.json`, { headers: { 'if-none-match': res.headers.get('etag')! } });
      assert.equal(again.status, 304);
    });

    it('gives a stranger no personal data, nor the feeds’ own addresses, in any form', async () => {
      for (const path of ['/api/actions', '/api/actions.ics', '/api/export/actions.json', '/api/export/actions.json?chapter=lyon']) {
        const text = await (await fetch(`${server.url}${path}`)).text();
        assert.ok(!text.includes('lea.private@example.org'), path);
        assert.ok(!text.includes(calendars.url), `${path} shows a feed's address`);
      }
    });
  });

  it('forgets a feed with the actions it brought, and public reads stop showing them', async () => {
    const server = await startServer({ db: store, port: 0, logLevel: 'warn' });
    try {
      const shown = async () => ((await (await fetch(`${server.url}/api/actions?limit=500`)).json()) as { items: { title: string }[] }).items.filter((a) => a.title === 'Atelier réparation de vélos').length;
      assert.equal(await shown(), 1);
      const count = await store.count('actions');
      assert.equal(await removeFeed(store, mobilizon), true);
      assert.equal(await store.count('actions'), count - 3);
      assert.equal(await shown(), 0, 'the answer prepared before the feed went is not served again');
    } finally {
      await server.close();
    }
    assert.deepEqual(
      (await listFeeds(store)).map((f) => f.url),
      [ics],
    );
  });
});

describe('the sync command', () => {
  it('reads the feeds it was given, and a second run says it changed nothing', async () => {
    const calendars = await startCalendarServer();
    const fresh = testDatabase() === 'sqlite' ? { db: join(mkdtempSync(join(tmpdir(), 'archipel-sync-')), 'campaign.db'), drop: async () => {} } : freshDatabase();
    const db = fresh.db;
    try {
      const feed = `${calendars.url}/alternatiba-lyon.ics`;
      await cli('feeds', 'add', feed, '--chapter', 'lyon', '--db', db);
      const first = await cli('sync', '--db', db);
      assert.match(first.stdout, new RegExp(`^${feed.replace(/[.]/g, '\\.')}: (\\d+) added, 0 changed, 0 removed, 0 unchanged$`, 'm'));
      const second = await cli('sync', '--db', db);
      assert.match(second.stdout, /: 0 added, 0 changed, 0 removed, \d+ unchanged$/m);
      const listed = await cli('feeds', 'list', '--db', db);
      assert.match(listed.stdout, /chapter lyon\tsynced \d{4}-/);
      calendars.down = true;
      await assert.rejects(cli('sync', '--db', db), (e: { code: number; stdout: string }) => e.code === 1 && /could not be read .*503.*last sync are kept/.test(e.stdout));
    } finally {
      await calendars.close();
      await fresh.drop();
    }
  });
});
