/**
 * Who may see what, with Code.gs on its fake services: the public sheet holds
 * nothing personal, a read serves only public fields, staff tokens are
 * personal, hashed, scoped and logged, and never travel in an address.
 */
import { describe, it, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { FakeUi, loadCodeGs } from './fake-gas.ts';
import { campaign, publicSheet, signup, post, response, consent, ids, staffRead, type Campaign } from './campaign.ts';
import { headerMap } from '../../packages/core/src/headers.ts';
import { readers } from '../../packages/core/src/collections.ts';
import { provenance } from '../../packages/core/src/schemas/fields.ts';
import { ActionSchema } from '../../packages/core/src/schemas/actions.ts';
import { PublicChapterSchema, PublicLeaderSchema } from '../../packages/core/src/schemas/chapters.ts';
import { PostSchema } from '../../packages/core/src/schemas/posts.ts';
import { SurveySchema, QuestionSchema } from '../../packages/core/src/schemas/surveys.ts';
import { named } from '../../packages/core/src/contract.ts';

let app: Campaign;
beforeEach(() => {
  app = campaign();
});

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const fieldsOf = (schema: unknown) => Object.keys((schema as { _zod: { def: { shape: object } } })._zod.def.shape).filter((f) => !(f in provenance));
const log = () => app.private.tab('access_log').records();

/** What a person signed up with, and the many places it could leak to. */
const PERSONAL = ['lea@example.org', 'Léa Martin', '0612345678', 'avec ma voisine', 'sam@example.org', 'Sam Dubois', '"purpose":"updates"', 'fr-FR'];

describe('the private spreadsheet', () => {
  it('is created once by setUp(), shared with nobody, remembered in the script properties, with its tabs', () => {
    const gas = publicSheet();
    const fresh = loadCodeGs(gas);
    const first = fresh.call<{ created: boolean; url: string; tabs: string[] }>('setUp');
    assert.equal(first.created, true);
    const [book] = gas.created();
    assert.equal(gas.created().length, 1);
    assert.equal(book!.getName(), 'Vague Climat — private (Archipel)');
    assert.equal(book!.sharedWithAnyone, false);
    assert.equal(gas.properties.PRIVATE_SPREADSHEET_ID, book!.getId());
    assert.match(gas.properties.SECRET_KEY!, /^[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(book!.sheets.map((s) => s.getName()), ['signups', 'responses', 'post_consents', 'blocked', 'tokens', 'access_log', 'erasures', 'photos']);
    assert.deepEqual(book!.tab('tokens').cells, [['name', 'chapter', 'hash', 'created', 'expires', 'revoked']]);
    assert.ok(gas.consoleLines.some((l) => l.includes(book!.getUrl()) && /created/.test(l)), 'the log says what it did');

    const key = gas.properties.SECRET_KEY;
    book!.deleteSheet(book!.tab('erasures'));
    const again = fresh.call<{ created: boolean; tabs: string[] }>('setUp');
    assert.equal(again.created, false);
    assert.deepEqual(again.tabs, ['erasures']);
    assert.equal(gas.created().length, 1);
    assert.equal(gas.properties.SECRET_KEY, key);
  });

  it('receives every sign-up, survey answer and consent, so the published sheet holds no personal data', () => {
    const contact = { name: 'Sam Dubois', email: 'sam@example.org', consent: consent[0] };
    assert.equal(app.post(signup('signup-0001', { phone: '0612345678', locale: 'fr-FR' })).ok, true);
    assert.equal(app.post(response('response-0001', { contact, answers: { commentaire: 'Je viens avec ma voisine' } })).ok, true);
    assert.equal(app.post(post('post-0100', { locale: 'fr-FR' })).ok, true);

    const published = app.gas.book.allText();
    assert.ok(app.gas.book.sharedWithAnyone);
    for (const text of PERSONAL) assert.ok(!published.includes(text), `the public sheet holds ${text}`);
    assert.deepEqual(app.gas.book.sheets.map((s) => s.getName()), ['actions', 'chapters', 'posts', 'surveys']);
    const held = app.private.allText();
    for (const text of PERSONAL) assert.ok(held.includes(text), `the private spreadsheet lacks ${text}`);
  });

  it('must exist before anything personal is stored: until setUp(), writes wait with a message naming it', () => {
    const gas = publicSheet();
    const fresh = loadCodeGs(gas);
    for (const body of [signup('signup-0001'), response('response-0001'), post('post-0100')]) {
      const answer = fresh.post(body);
      assert.equal(answer.ok, false);
      assert.equal(answer.status, 503, 'the widgets keep the record and send it again');
      assert.match(answer.error!, /setUp/);
    }
    assert.equal(gas.book.tab('posts').records().length, 7);
    assert.deepEqual(gas.book.sheets.map((s) => s.getName()), ['actions', 'chapters', 'posts', 'surveys']);
    assert.equal(fresh.get({ collection: 'actions' }).ok, true, 'public reads need no set-up');
    fresh.call('setUp');
    assert.equal(fresh.post(signup('signup-0001')).status, 'stored');
  });
});

describe('a campaign set up the old way', () => {
  /** Sign-ups, answers, consents and blocked authors in tabs of the shared sheet, and the shared STAFF_TOKEN. */
  function oldCampaign() {
    const gas = publicSheet();
    gas.properties.STAFF_TOKEN = 'old-shared-staff-token-0123456789';
    gas.book.addSheet('signups', [
      ['id', 'created', 'Nom', 'Courriel', 'phone', 'postcode', 'chapter', 'consent'],
      ['signup-old-1', '2026-09-01T10:00:00.000Z', 'Léa Martin', 'lea@example.org', '0612345678', '01000', 'lyon', JSON.stringify(consent)],
      ['signup-old-2', new Date('2026-09-02T10:00:00Z'), 'Sam Dubois', 'sam@example.org', '', '75020', 'paris', JSON.stringify(consent)],
    ]);
    gas.book.addSheet('responses', [['id', 'created', 'survey', 'answers', 'contact'], ['response-old-1', '2026-09-03T10:00:00Z', 'pret-a-agir', '{"commentaire":"Je viens avec ma voisine"}', '']]);
    gas.book.addSheet('blocked', [['author', 'blocked'], ['troll t.', '2026-09-30T00:00:00Z']]);
    const posts = gas.book.tab('posts');
    posts.cells[0]!.push('consent', 'locale');
    for (const row of posts.cells.slice(1)) row.push(JSON.stringify({ purpose: 'wall', version: '2026-09', at: '2026-10-01T10:00:00Z' }), 'fr-FR');
    // The formats Code.gs gave these cells when it wrote them.
    for (const r of [2, 3]) for (const c of [1, 5, 6]) gas.book.tab('signups').formats.set(`${r},${c}`, '@');
    return loadCodeGs(gas);
  }

  it('stores and serves nothing personal until movePersonalData() runs, and says to run it', () => {
    const old = oldCampaign();
    for (const body of [signup('signup-0001'), response('response-0001'), post('post-0100')]) {
      const answer = old.post(body);
      assert.equal(answer.status, 503);
      assert.match(answer.error!, /movePersonalData/);
      assert.match(answer.error!, /signups, responses, blocked, posts \(consent, locale\)/);
    }
    assert.equal(old.gas.book.tab('signups').records().length, 2, 'nothing was added to the public tab');
    const read = staffRead(old, 'signups', 'old-shared-staff-token-0123456789');
    assert.equal(read.status, 503);
    assert.match(read.error!, /movePersonalData/);
  });

  it('moves every row into the private spreadsheet, as written, and deletes the public tabs and columns', () => {
    const old = oldCampaign();
    old.gas.ui = new FakeUi();
    const result = old.call<{ moved: Record<string, number>; deleted: string[] }>('movePersonalData');
    assert.deepEqual(result, { moved: { signups: 2, responses: 1, blocked: 1, posts: 7 }, deleted: ['signups', 'responses', 'blocked'] });
    assert.match(old.gas.ui.shown.at(-1)!.text, /Moved into the private spreadsheet: 2 sign-ups, 1 survey answers, 7 post consents, 1 blocked authors/);

    assert.deepEqual(old.gas.book.sheets.map((s) => s.getName()), ['actions', 'chapters', 'posts', 'surveys']);
    assert.ok(!old.gas.book.tab('posts').cells[0]!.includes('consent'));
    for (const text of PERSONAL.slice(0, 7)) assert.ok(!old.gas.book.allText().includes(text), text);

    const book = old.gas.created()[0]!;
    const signups = book.tab('signups').records();
    assert.deepEqual(signups.map((s) => [s.id, s.email, s.name, s.phone, s.postcode]), [
      ['signup-old-1', 'lea@example.org', 'Léa Martin', '0612345678', '01000'],
      ['signup-old-2', 'sam@example.org', 'Sam Dubois', '', '75020'],
    ]);
    assert.equal(signups[1]!.created, '2026-09-02T12:00:00+02:00', 'a date cell becomes text in the spreadsheet’s zone');
    assert.equal(book.tab('post_consents').records().length, 7);
    assert.equal(book.tab('post_consents').records()[0]!.locale, 'fr-FR');
    assert.deepEqual(book.tab('blocked').records().map((r) => r.author), ['troll t.']);
    assert.equal(book.tab('signups').formulas.size, 0);

    assert.equal(old.post(signup('signup-0001')).status, 'stored');
    const read = staffRead(old, 'signups', 'old-shared-staff-token-0123456789');
    assert.deepEqual(ids(read.items), ['signup-old-1', 'signup-old-2', 'signup-0001']);
    assert.deepEqual(ids(old.get({ collection: 'posts' }).items), ['post-0001', 'post-0002', 'post-0006'], 'a blocked author stays blocked');

    const again = old.call<{ moved: Record<string, number> }>('movePersonalData');
    assert.deepEqual(again.moved, { signups: 0, responses: 0, blocked: 0, posts: 0 });
    assert.equal(book.tab('signups').records().length, 3);
  });
});

describe('public fields', () => {
  it('are, for each collection, the fields of core’s public schemas', () => {
    const fields = app.value<Record<string, string[]>>('PUBLIC_FIELDS');
    assert.deepEqual(fields, {
      actions: fieldsOf(ActionSchema),
      chapters: fieldsOf(PublicChapterSchema),
      posts: fieldsOf(PostSchema),
      surveys: fieldsOf(SurveySchema),
    });
    assert.deepEqual(app.value('PUBLIC_LEADER_FIELDS'), fieldsOf(PublicLeaderSchema));
    assert.deepEqual(app.value('PUBLIC_QUESTION_FIELDS'), fieldsOf(QuestionSchema));
    // The schemas compared are the ones the contract publishes.
    const contract = new Map(named.map(([schema, name]) => [name, schema]));
    assert.equal(contract.get('Chapter'), PublicChapterSchema);
    assert.equal(contract.get('Leader'), PublicLeaderSchema);
    assert.deepEqual([contract.get('Action'), contract.get('Post'), contract.get('Survey'), contract.get('Question')], [ActionSchema, PostSchema, SurveySchema, QuestionSchema]);
  });

  it('are recognised under every header the widgets read them under, and under no other', () => {
    for (const collection of ['actions', 'chapters', 'posts'] as const) {
      const publicFields = new Set(app.value<Record<string, string[]>>('PUBLIC_FIELDS')[collection]);
      const widgets = [...headerMap(readers[collection].fields)].filter(([, field]) => publicFields.has(field));
      const script = Object.entries(app.call<Record<string, string>>('publicLookup_', collection));
      assert.deepEqual(new Map(script), new Map(widgets), collection);
    }
  });

  it('are all a read serves: leaders’ emails, phones, notes and unknown columns never leave', () => {
    const chapters = app.get({ collection: 'chapters' }).items!;
    assert.deepEqual(chapters, [
      { id: 'lyon', name: 'Vague Climat Lyon', city: 'Lyon', color: '#c2185b', email: 'lyon@vagueclimat.example.org', leaders: [{ name: 'Amina K.', role: 'coordinatrice' }, { name: 'Jo', pronouns: 'iel' }] },
      { id: 'paris', name: 'Vague Climat Paris', city: 'Paris', color: '#0b6e99' },
    ]);
    const everything = JSON.stringify(['actions', 'chapters', 'posts', 'surveys'].map((collection) => app.get({ collection })));
    for (const secret of ['amina.k@example.org', 'jordi@example.org', '06 11 22 33 44', '07 55 44 33 22', '06 98 76 54 32', 'Amina part en mai', 'Préfecture', 'Notes internes', 'Téléphone']) {
      assert.ok(!everything.includes(secret), secret);
    }
  });
});

describe('staff tokens', () => {
  it('never travel in an address: a GET carrying one is refused, whatever it asks for', () => {
    for (const collection of ['actions', 'signups', 'responses', 'moderation']) {
      const answer = app.get({ collection, token: app.staff });
      assert.equal(answer.ok, false);
      assert.equal(answer.status, 400);
      assert.equal(answer.items, undefined);
      assert.match(answer.error!, /never travels in a web address/);
      assert.match(answer.error!, /Update the Archipel widgets/);
    }
    const get = app.get({ collection: 'signups' });
    assert.equal(get.status, 401);
    assert.match(get.error!, /POST/);
  });

  it('are made one per person, shown once, and kept only as a SHA-256 fingerprint', () => {
    app.gas.ui = new FakeUi();
    app.gas.ui.answers.push('Nadia', 'Lyon', '45');
    const token = app.call<string>('createToken');
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(app.gas.ui.shown.map((d) => d.kind), ['prompt', 'prompt', 'prompt', 'alert']);
    assert.ok(app.gas.ui.shown[3]!.text.includes(token), 'the token is shown');
    assert.match(app.gas.ui.shown[3]!.text, /Nadia \(lead of the chapter lyon\)/);
    assert.ok(!app.gas.consoleLines.some((l) => l.includes(token)), 'and never logged');
    assert.ok(!app.private.allText().includes(token) && !app.gas.book.allText().includes(token), 'nor stored');
    const row = app.private.tab('tokens').records().find((r) => r.name === 'Nadia')!;
    assert.equal(row.hash, sha256(token));
    assert.equal(row.chapter, 'lyon');
    assert.equal(row.revoked, '');
    assert.equal(Math.round((Date.parse(String(row.expires)) - Date.parse(String(row.created))) / 86400000), 45);
    assert.equal(staffRead(app, 'signups', token).ok, true);
  });

  it('are refused, saying why in plain words, once expired or revoked', () => {
    assert.equal(staffRead(app, 'signups', app.staff).ok, true);
    const tokens = app.private.tab('tokens');
    const staffRow = tokens.cells.findIndex((r) => r[0] === 'Camille (staff)');
    tokens.cells[staffRow]![4] = '2026-01-01T00:00:00.000Z';
    const expired = staffRead(app, 'signups', app.staff);
    assert.equal(expired.status, 401);
    assert.equal(expired.error, 'The token of Camille (staff) expired on 2026-01-01. Ask campaign staff for a new one.');
    assert.equal(expired.items, undefined);

    assert.equal(app.call('revokeToken', 'amina (LYON)'), 1);
    const revoked = staffRead(app, 'signups', app.lyonLead);
    assert.equal(revoked.status, 401);
    assert.match(revoked.error!, /^The token of Amina \(Lyon\) was revoked on \d{4}-\d{2}-\d{2}, so it no longer works\. Ask campaign staff for a new one\.$/);
    assert.equal(app.post({ action: 'moderate', id: 'post-0003', moderation: 'approve', token: app.lyonLead }).status, 401);
    assert.equal(app.call('revokeToken', 'Amina (Lyon)'), 0, 'nothing left to revoke');

    for (const wrong of ['', 'x', app.staff.slice(0, -1) + (app.staff.endsWith('A') ? 'B' : 'A')]) {
      const answer = staffRead(app, 'signups', wrong);
      assert.equal(answer.status, 401);
      assert.equal(answer.items, undefined);
    }
  });

  it('give a chapter lead their chapter’s sign-ups and responses, and nobody else’s', () => {
    app.post(signup('signup-lyon-1'));
    app.post(signup('signup-paris-1', { chapter: 'paris', email: 'p@example.org' }));
    app.post(signup('signup-none-1', { chapter: undefined, email: 'n@example.org' }));
    app.post(response('response-lyon-1'));
    app.post(response('response-paris-1', { chapter: 'paris' }));

    assert.deepEqual(ids(staffRead(app, 'signups', app.lyonLead).items), ['signup-lyon-1']);
    assert.deepEqual(ids(staffRead(app, 'signups', app.lyonLead, { chapter: 'LYON' }).items), ['signup-lyon-1']);
    assert.deepEqual(ids(staffRead(app, 'responses', app.lyonLead).items), ['response-lyon-1']);
    for (const collection of ['signups', 'responses', 'moderation']) {
      const other = staffRead(app, collection, app.lyonLead, { chapter: 'paris' });
      assert.equal(other.status, 403, collection);
      assert.equal(other.items, undefined);
      assert.equal(other.error, 'The token of Amina (Lyon) is for the chapter lyon only.');
    }
    const logRead = staffRead(app, 'access_log', app.lyonLead);
    assert.equal(logRead.status, 403);
    assert.equal(logRead.items, undefined);

    assert.deepEqual(ids(staffRead(app, 'signups', app.staff).items), ['signup-lyon-1', 'signup-paris-1', 'signup-none-1']);
    assert.deepEqual(ids(staffRead(app, 'signups', app.staff, { chapter: 'paris' }).items), ['signup-paris-1']);
  });

  it('let a chapter lead moderate their chapter’s posts only, and block nobody', () => {
    const moderate = (id: string, moderation: string) => app.post({ action: 'moderate', id, moderation, token: app.lyonLead });
    assert.deepEqual(ids(staffRead(app, 'moderation', app.lyonLead, { status: 'approved,pending' }).items), ['post-0001', 'post-0003', 'post-0004', 'post-0006', 'post-0007']);
    assert.equal(moderate('post-0003', 'approve').ok, true);
    const other = moderate('post-0002', 'hide');
    assert.equal(other.status, 403);
    assert.match(other.error!, /not of the chapter lyon/);
    assert.equal(app.gas.book.tab('posts').records().find((p) => p.id === 'post-0002')!.status, 'Approuvé');
    const block = moderate('post-0001', 'block-author');
    assert.equal(block.status, 403);
    assert.match(block.error!, /Only campaign staff can block an author/);
    assert.deepEqual(app.private.tab('blocked').records().map((r) => r.author), ['troll t.']);
  });

  it('replace the shared STAFF_TOKEN, which works as one staff token until the first personal one is made', () => {
    const gas = publicSheet();
    gas.properties.STAFF_TOKEN = 'old-shared-staff-token-0123456789';
    const old = loadCodeGs(gas);
    old.call('setUp');
    const read = staffRead(old, 'signups', 'old-shared-staff-token-0123456789');
    assert.equal(read.ok, true);
    assert.equal(gas.created()[0]!.tab('access_log').records()[0]!.who, 'STAFF_TOKEN (shared)');

    const token = old.call<string>('createToken', 'Camille', '', 30);
    assert.equal(gas.properties.STAFF_TOKEN, undefined, 'the shared value is deleted, not left lying around');
    assert.ok(gas.consoleLines.some((l) => /STAFF_TOKEN no longer works/.test(l)));
    gas.properties.STAFF_TOKEN = 'old-shared-staff-token-0123456789';
    const after = staffRead(old, 'signups', 'old-shared-staff-token-0123456789');
    assert.equal(after.status, 401);
    assert.match(after.error!, /stopped working when personal tokens were made/);
    assert.equal(staffRead(old, 'signups', token).ok, true);
  });

  it('are not made for a chapter that does not exist, a lifetime out of bounds, or nobody', () => {
    const before = app.private.tab('tokens').records().length;
    app.gas.ui = new FakeUi();
    assert.equal(app.call('createToken', 'Nadia', 'lyom', 30), null);
    assert.match(app.gas.ui.shown.at(-1)!.text, /No chapter has the id “lyom”\. The chapters are: lyon, paris\./);
    assert.equal(app.call('createToken', 'Nadia', 'lyon', 500), null);
    assert.match(app.gas.ui.shown.at(-1)!.text, /from 1 to 400/);
    assert.equal(app.call('createToken', '  ', '', 30), null);
    app.gas.ui.answers.push('Nadia', { button: 'CANCEL' });
    assert.equal(app.call('createToken'), null);
    assert.equal(app.private.tab('tokens').records().length, before);
  });

  it('are listed by name, role and end, never by value', () => {
    app.call('revokeToken', 'Amina (Lyon)');
    const lines = app.call<string[]>('listTokens');
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /^• Camille \(staff\) — campaign staff — works until \d{4}-\d{2}-\d{2}$/);
    assert.match(lines[1]!, /^• Amina \(Lyon\) — lead of the chapter lyon — revoked on \d{4}-\d{2}-\d{2}$/);
    assert.ok(!lines.join().includes(app.staff));
  });
});

describe('the access log', () => {
  it('records every staff read and export: who, when, what, how many records', () => {
    app.post(signup('signup-0001'));
    app.post(signup('signup-0002', { email: 'b@example.org' }));
    app.post(response('response-0001'));
    const before = Date.now();
    staffRead(app, 'signups', app.staff);
    staffRead(app, 'responses', app.lyonLead);
    staffRead(app, 'signups', app.staff, { export: true });
    staffRead(app, 'moderation', app.lyonLead);
    const entries = log().slice(-4);
    assert.deepEqual(
      entries.map((e) => [e.who, e.chapter, e.action, e.collection, e.records, e.note]),
      [
        ['Camille (staff)', '', 'read', 'signups', 2, ''],
        ['Amina (Lyon)', 'lyon', 'read', 'responses', 1, 'chapter lyon'],
        ['Camille (staff)', '', 'export', 'signups', 2, ''],
        ['Amina (Lyon)', 'lyon', 'read', 'moderation', 2, 'chapter lyon'],
      ],
    );
    for (const e of entries) assert.ok(Date.parse(String(e.at)) >= before - 1000 && Date.parse(String(e.at)) <= Date.now());
  });

  it('records what a chapter lead was refused, and is read by campaign staff only', () => {
    staffRead(app, 'signups', app.lyonLead, { chapter: 'paris' });
    staffRead(app, 'access_log', app.lyonLead);
    const answer = staffRead(app, 'access_log', app.staff);
    assert.equal(answer.ok, true);
    assert.deepEqual(
      answer.items!.filter((e) => e.action === 'refused').map((e) => [e.who, e.collection, e.note]),
      [
        ['Amina (Lyon)', 'signups', 'asked for chapter paris'],
        ['Amina (Lyon)', 'access_log', 'for campaign staff only'],
      ],
    );
    assert.deepEqual(log().at(-1)!.action, 'read');
    assert.deepEqual(log().at(-1)!.collection, 'access_log');
  });

  it('is written before anything is served: when it cannot be, nothing is', () => {
    app.post(signup('signup-0001'));
    app.gas.lockHolder = 'another-execution';
    const busy = staffRead(app, 'signups', app.staff);
    assert.equal(busy.status, 503);
    assert.equal(busy.items, undefined);
  });

  it('names the editor for what is done from the spreadsheet’s menu', () => {
    app.post(signup('signup-0001', { phone: '0612345678' }));
    app.call('findPerson', '06 12 34 56 78');
    assert.deepEqual([log().at(-1)!.who, log().at(-1)!.action, log().at(-1)!.records, log().at(-1)!.note], ['Apps Script editor', 'find person', 1, 'by phone']);
    assert.ok(!app.private.tab('access_log').cells.flat().some((c) => String(c).includes('12 34')), 'the log says how, not who');
  });
});
