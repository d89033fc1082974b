/**
 * Hosting and joining actions on the Apps Script backend (#22): a supporter's proposed action waits in the private
 * spreadsheet and is published when its chapter's lead approves it; a lead's own is published at once; RSVPs are
 * counted once per person and refused once the action is full. Nobody reading the public sheet or the web app sees
 * who proposed an action or who is coming.
 */
import { describe, it, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { campaign, consent, ids, meta, staffRead, type Campaign } from './campaign.ts';

let app: Campaign;
beforeEach(() => (app = campaign()));

type Answer = { ok: boolean; status?: number | string; error?: string; id?: string; going?: number; capacity?: number; problem?: string; errors?: { field: string }[]; action?: Record<string, unknown> };

const proposal = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: 'Vélorution du samedi',
  type: 'rally',
  start: '2026-12-19T14:00:00+01:00',
  end: '2026-12-19T16:00:00+01:00',
  timezone: 'Europe/Paris',
  city: 'Lyon',
  chapter: 'lyon',
  capacity: 2,
  proposer: { name: 'Sami Proposeur', email: 'sami.proposeur@example.org', phone: '06 01 02 03 04' },
  consent,
  created: '2026-12-01T10:00:00.000Z',
  ...extra,
});
const propose = (record: object, token?: string) => app.post({ collection: 'proposals', record, meta, ...(token ? { token } : {}) }) as Answer;
const rsvp = (id: string, action: string, extra: Record<string, unknown> = {}) =>
  app.post({ collection: 'rsvps', record: { id, action, name: 'Léa Venant', email: 'lea.venant@example.org', consent, created: '2026-12-02T10:00:00.000Z', ...extra }, meta }) as Answer;
const approve = (token: string | undefined, id: string) => app.post({ action: 'approve-action', ...(token ? { token } : {}), id }) as Answer;
const publicActions = () => app.get({ collection: 'actions' }).items as Record<string, unknown>[];
/** Everything a stranger can read: every tab of the public sheet and every public collection the web app serves. */
const strangerSees = () =>
  app.gas.book.allText() + JSON.stringify(['actions', 'chapters', 'posts', 'surveys'].map((collection) => app.get({ collection })));

describe('a supporter proposing an action', () => {
  it('waits, unseen, until the chapter’s lead approves it; then it is on the map', () => {
    const sent = propose(proposal('prop-velo-0001'));
    assert.deepEqual([sent.ok, sent.status], [true, 'pending'], sent.error);
    assert.ok(!ids(publicActions()).includes('prop-velo-0001'));
    assert.deepEqual(ids(staffRead(app, 'proposals', app.lyonLead).items as Record<string, unknown>[]), ['prop-velo-0001']);

    const approved = approve(app.lyonLead, 'prop-velo-0001');
    assert.equal(approved.ok, true, approved.error);
    const shown = publicActions().find((a) => a.id === 'prop-velo-0001')!;
    assert.deepEqual([shown.title, shown.city, shown.chapter, shown.timezone, shown.capacity], ['Vélorution du samedi', 'Lyon', 'lyon', 'Europe/Paris', 2]);
    assert.equal(Date.parse(String(shown.start)), Date.parse('2026-12-19T13:00:00Z'));
    // Into the columns the widgets read (the French "Titre" and "Ville"), not new ones.
    const header = app.gas.book.tab('actions').cells[0]!;
    assert.equal(header.filter((h) => h === 'title').length, 0);
    const log = app.private.tab('access_log').cells.at(-1)!;
    assert.deepEqual([log[1], log[3], log[4]], ['Amina (Lyon)', 'publish', 'actions']);
    // Approving twice puts it on the map once.
    approve(app.staff, 'prop-velo-0001');
    assert.equal(ids(publicActions()).filter((id) => id === 'prop-velo-0001').length, 1);
  });

  it('is published at once when a chapter’s lead sends their own', () => {
    const sent = propose(proposal('prop-lead-0001'), app.lyonLead);
    assert.deepEqual([sent.ok, sent.status], [true, 'approved'], sent.error);
    assert.ok(ids(publicActions()).includes('prop-lead-0001'));
  });

  it('is not published by another chapter’s lead, nor without a token', () => {
    const paris = propose(proposal('prop-paris-001', { chapter: 'paris', city: 'Paris' }), app.lyonLead);
    assert.equal(paris.status, 'pending');
    const refused = approve(app.lyonLead, 'prop-paris-001');
    assert.deepEqual([refused.ok, refused.status], [false, 403]);
    assert.deepEqual([approve(undefined, 'prop-paris-001').status], [401]);
    assert.ok(!ids(publicActions()).includes('prop-paris-001'));
    assert.equal(approve(app.staff, 'prop-paris-001').ok, true);
    assert.ok(ids(publicActions()).includes('prop-paris-001'));
  });

  it('is stored once when sent twice, and a different one under the same id is refused', () => {
    propose(proposal('prop-twice-001'));
    assert.equal(propose(proposal('prop-twice-001')).status, 'pending');
    assert.equal(app.private.tab('proposals').cells.length, 2);
    const other = propose(proposal('prop-twice-001', { title: 'Autre chose' }));
    assert.deepEqual([other.ok, other.status], [false, 409]);
  });

  it('refuses bad input field by field, in the server’s words, storing nothing', () => {
    const bad = propose(proposal('prop-bad-0001', { title: ' ', start: 'bientôt', timezone: 'Lune/Mer', city: undefined, capacity: 0, proposer: { name: 'Sami' }, consent: [] }));
    assert.deepEqual([bad.ok, bad.status], [false, 422]);
    assert.deepEqual(bad.errors!.map((e) => e.field).sort(), ['capacity', 'consent', 'place', 'proposer.email', 'start', 'timezone', 'title']);
    assert.match(bad.error!, /title: is missing/);
    assert.match(bad.error!, /start: "bientôt" is not a date \(write 2026-12-12 14:00\)/);
    assert.match(bad.error!, /proposer\.email: an email address or a phone number is needed/);
    assert.match(bad.error!, /place: give a place \(a town or a point on the map\), or say it is online with its link/);
    assert.match(propose(proposal('prop-bad-0002', { chapter: 'nowhere' })).error!, /^chapter: there is no chapter "nowhere"$/);
    assert.match(propose(proposal('prop-bad-0003', { end: '2026-12-19T12:00:00+01:00' })).error!, /^end: comes before start$/);
    assert.throws(() => app.private.tab('proposals'), /no tab named proposals/);
  });

  it('takes spam checks from strangers: a form filled in too fast stores nothing', () => {
    const fast = app.post({ collection: 'proposals', record: proposal('prop-fast-001'), meta: { hp: '', elapsed: 200 } }) as Answer;
    assert.deepEqual([fast.ok, fast.status], [false, 422]);
  });
});

describe('saying you are coming', () => {
  beforeEach(() => {
    propose(proposal('prop-velo-0001'), app.lyonLead);
  });

  it('counts each person once, by id and by contact, and shows only the count', () => {
    assert.deepEqual([rsvp('rsvp-lea-0001', 'prop-velo-0001').going, rsvp('rsvp-lea-0001', 'prop-velo-0001').going], [1, 1]);
    // The same person from another phone: another id, the same email in other capitals.
    const again = rsvp('rsvp-lea-0002', 'prop-velo-0001', { email: ' Lea.Venant@Example.org ' });
    assert.deepEqual([again.ok, again.id, again.going], [true, 'rsvp-lea-0001', 1]);
    assert.equal(publicActions().find((a) => a.id === 'prop-velo-0001')!.going, 1);
    assert.equal(app.private.tab('rsvps').cells.length, 2);
  });

  it('refuses the next person once the places are taken, saying it is full', () => {
    rsvp('rsvp-one-0001', 'prop-velo-0001');
    assert.equal(rsvp('rsvp-two-0001', 'prop-velo-0001', { email: 'deux@example.org' }).going, 2);
    const full = rsvp('rsvp-three-001', 'prop-velo-0001', { email: 'trois@example.org' });
    assert.deepEqual([full.ok, full.status, full.problem], [false, 409, 'full']);
    assert.match(full.error!, /This action is full: its 2 places are taken\./);
    assert.equal(publicActions().find((a) => a.id === 'prop-velo-0001')!.going, 2);
    // Someone already counted still gets their receipt.
    assert.equal(rsvp('rsvp-one-0001', 'prop-velo-0001').ok, true);
  });

  it('refuses an unknown action and a missing contact', () => {
    assert.equal(rsvp('rsvp-none-001', 'no-such-action').status, 404);
    const noContact = rsvp('rsvp-anon-001', 'prop-velo-0001', { email: undefined });
    assert.match(noContact.error!, /^email: an email address or a phone number is needed$/);
  });

  it('lets the chapter’s lead read who is coming; a stranger reads no name nor contact', () => {
    rsvp('rsvp-lea-0001', 'prop-velo-0001', { phone: '07 99 88 77 66' });
    propose(proposal('prop-wait-0001'));
    const lead = staffRead(app, 'rsvps', app.lyonLead).items as Record<string, unknown>[];
    assert.deepEqual(lead.map((r) => r.email), ['lea.venant@example.org']);
    assert.ok(!('body_hash' in lead[0]!), 'no fingerprint in what a lead reads');
    const waiting = (staffRead(app, 'proposals', app.lyonLead).items as Record<string, unknown>[]).find((p) => p.id === 'prop-wait-0001')!;
    assert.deepEqual([waiting.status, waiting.proposer_email], ['pending', 'sami.proposeur@example.org']);
    assert.equal((app.get({ collection: 'rsvps' }) as Answer).status, 401);
    assert.equal((app.get({ collection: 'proposals' }) as Answer).status, 401);
    const seen = strangerSees();
    for (const secret of ['Léa Venant', 'lea.venant', '07 99 88 77 66', 'Sami Proposeur', 'sami.proposeur', '06 01 02 03 04', 'prop-wait-0001']) {
      assert.ok(!seen.includes(secret), `a stranger can read ${secret}`);
    }
    assert.ok(seen.includes('prop-velo-0001'));
  });
});
