import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCollection } from '../../packages/core/src/parse.ts';
import { headerMap } from '../../packages/core/src/headers.ts';
import { readers, schemas } from '../../packages/core/src/collections.ts';
import { describeIssue } from '../../packages/core/src/server.ts';
import { reasons } from '../support/issues.ts';

const actions = (rows: unknown[], firstRow?: number) =>
  parseCollection('actions', readers.actions, rows, { aliases: headerMap, firstRow });

describe('reading actions', () => {
  it('keeps valid rows typed and normalised', () => {
    const { items, skipped } = actions([
      { id: 'a1', title: ' Marche ', start: '2026-12-12T14:00', timezone: 'Europe/Paris', lat: '45,7578', lng: 4.832, virtual: 'non', priority: '1' },
    ]);
    assert.equal(skipped.length, 0);
    assert.deepEqual(items[0], {
      id: 'a1',
      title: 'Marche',
      start: '2026-12-12T13:00:00.000Z',
      timezone: 'Europe/Paris',
      lat: 45.7578,
      lng: 4.832,
      virtual: false,
      priority: 1,
    });
  });

  it('maps French, English and Spanish headers to the same fields, ignoring case and accents', () => {
    const rows = [
      { Titre: 'A', 'Date de début': '2026-12-12 14:00', 'FUSEAU HORAIRE': 'Europe/Paris', Ville: 'Lyon', 'Code postal': '69001' },
      { Title: 'A', 'Start date': '2026-12-12 14:00', 'Time zone': 'Europe/Paris', City: 'Lyon', Postcode: '69001' },
      { Título: 'A', 'Fecha de inicio': '2026-12-12 14:00', 'Zona horaria': 'Europe/Paris', Ciudad: 'Lyon', 'Código postal': '69001' },
    ];
    const reports = rows.map((row) => actions([row]));
    for (const r of reports) {
      assert.deepEqual(r.skipped, []);
      assert.deepEqual(r.unknownColumns, []);
    }
    const shapes = reports.map((r) => r.items[0]!);
    assert.deepEqual(shapes[0], shapes[1]);
    assert.deepEqual(shapes[1], shapes[2]);
    assert.equal(shapes[0]!.city, 'Lyon');
  });

  it('reads "lien" as an action\'s url but as a post\'s link', () => {
    const a = actions([{ titre: 'A', debut: '2026-12-12 14:00', lien: 'https://a.example.org' }]);
    const p = parseCollection('posts', readers.posts, [{ id: 'p', auteur: 'Léa', cree: '2026-11-01T10:00:00Z', lien: 'https://b.example.org' }], { aliases: headerMap });
    assert.equal(a.items[0]!.url, 'https://a.example.org');
    assert.equal(p.items[0]!.link, 'https://b.example.org');
  });

  it('skips invalid rows with their row number and a reason, and counts the rest', () => {
    const { items, skipped } = actions(
      [
        { title: 'ok', start: '2026-12-12T14:00' },
        { title: '', start: '2026-12-12T14:00' },
        { title: 'b', start: 'bientôt' },
        { title: 'c', start: '2026-12-12T14:00', lat: 'north' },
        { title: 'd', start: '2026-12-12T14:00', priority: 4 },
        { title: 'e', start: '2026-12-12T14:00', timezone: 'Mars/Olympus' },
        { title: 'f', start: '2026-12-12T14:00', end: '2026-12-12T13:00', timezone: 'UTC' },
        'not a row',
      ],
      2,
    );
    assert.equal(items.length, 1);
    assert.deepEqual(
      skipped.map((s) => s.row),
      [3, 4, 5, 6, 7, 8, 9],
    );
    assert.match(describeIssue(skipped[0]!.issue), /^title: is missing/);
    assert.match(describeIssue(skipped[1]!.issue), /start: "bientôt" is not a date/);
    assert.match(describeIssue(skipped[2]!.issue), /lat: "north" is not a number/);
    assert.match(describeIssue(skipped[3]!.issue), /priority: should be at most 3/);
    assert.match(describeIssue(skipped[4]!.issue), /timezone: is not a time zone/);
    assert.match(describeIssue(skipped[5]!.issue), /end: comes before start/);
    assert.match(describeIssue(skipped[6]!.issue), /not a record/);
  });

  it('passes over empty rows without counting them as errors', () => {
    const { items, skipped } = actions([{ title: '', start: '' }, {}, { title: 'ok', start: '2026-12-12' }]);
    assert.equal(items.length, 1);
    assert.equal(skipped.length, 0);
  });

  it('reports columns it does not know', () => {
    const { unknownColumns } = actions([{ title: 'ok', start: '2026-12-12', Couleur: 'x', Foo: 'y' }]);
    assert.deepEqual(unknownColumns, ['Couleur', 'Foo']);
  });

  it('gives rows without an id a stable one, so a row pasted twice counts once', () => {
    const row = { titre: 'A', debut: '2026-12-12' };
    const r = actions([row, { ...row }]);
    assert.equal(r.items.length, 1);
    assert.match(describeIssue(r.skipped[0]!.issue), /appears twice/);
  });

  it('keeps the first of two rows with the same id', () => {
    const rows = [{ title: 'ok', start: '2026-12-12' }];
    assert.equal(actions(rows).items[0]!.id, actions(rows).items[0]!.id);
    const twice = actions([
      { id: 'x', title: 'first', start: '2026-12-12' },
      { id: 'x', title: 'second', start: '2026-12-12' },
    ]);
    assert.equal(twice.items.length, 1);
    assert.equal(twice.items[0]!.title, 'first');
    assert.match(describeIssue(twice.skipped[0]!.issue), /appears twice/);
  });

  it('keeps text that looks like markup as text', () => {
    const { items } = actions([{ title: '<img src=x onerror=alert(1)>', start: '2026-12-12' }]);
    assert.equal(items[0]!.title, '<img src=x onerror=alert(1)>');
  });
});

describe('reading chapters, posts and surveys', () => {
  it('accepts links as a cell of URLs and leaders as objects', () => {
    const { items, skipped } = parseCollection('chapters', readers.chapters, [
      { id: 'lyon', name: 'Lyon', color: '#1A7F5A', links: 'https://a.example.org https://www.b.example.org', leaders: [{ name: 'Léa', role: 'coordinatrice', email: 'lea@example.org' }] },
      { id: 'bad', name: 'Bad', color: 'green' },
    ]);
    assert.equal(items[0]!.links![1]!.label, 'b.example.org');
    assert.equal(items[0]!.leaders![0]!.name, 'Léa');
    assert.match(describeIssue(skipped[0]!.issue), /color: should be a colour/);
  });

  it('reads a number given for text as its digits, and names the field of a bad nested record', () => {
    const { items, skipped } = parseCollection('chapters', readers.chapters, [
      { id: 'paris', name: 'Paris', postcode: 75011 },
      { id: 'nantes', name: 'Nantes', links: [{ label: 'Site', url: 'https://n.example.org' }, { label: 'Sans adresse' }] },
      { id: 'brest', name: 'Brest', leaders: ['Léa'] },
      { id: 'rennes', name: 'Rennes', links: 42 },
    ]);
    assert.equal(items[0]!.postcode, '75011');
    assert.deepEqual(
      reasons(skipped),
      ['links.1.url: is missing', 'leaders.0: should be a record', 'links: should be a list'],
    );
  });

  it('refuses a list holding something other than words, and a yes/no that is neither', () => {
    const { skipped } = parseCollection('posts', readers.posts, [
      { id: 'p1', author: 'A', created: '2026-11-01T10:00:00Z', hashtags: ['VagueClimat', { tag: 'x' }] },
      { id: 'p2', author: 'B', created: '2026-11-01T10:00:00Z', pinned: 'peut-être' },
      { id: 'p3', author: 'C', created: '2026-11-01T10:00:00Z', pinned: [] },
      { id: 'p4', author: { name: 'D' }, created: '2026-11-01T10:00:00Z' },
    ]);
    assert.deepEqual(
      reasons(skipped),
      ['hashtags.1: should be text', 'pinned: "peut-être" is not yes or no', 'pinned: should be yes or no', 'author: should be text'],
    );
  });

  it('reads hashtags from "#a #b" and ["a"] alike', () => {
    const { items } = parseCollection('posts', readers.posts, [
      { id: 'p1', author: 'A', created: '2026-11-01T10:00:00Z', hashtags: '#VagueClimat #12décembre' },
      { id: 'p2', author: 'B', created: '2026-11-01T10:00:00Z', hashtags: ['VagueClimat'] },
    ]);
    assert.deepEqual(items[0]!.hashtags, ['VagueClimat', '12décembre']);
    assert.deepEqual(items[1]!.hashtags, ['VagueClimat']);
  });

  it('reads the words moderators type in a status column, in every language, as a status', () => {
    const post = (status: string) => readers.posts.read({ id: 'p', author: 'A', created: '2026-11-01T10:00:00Z', status }).data?.status;
    for (const word of ['approved', 'Approuvé', 'aprobado', 'oui', 'Sí', 'yes', 'publié']) assert.equal(post(word), 'approved', word);
    for (const word of ['hidden', 'masqué', 'oculto', 'non', 'no']) assert.equal(post(word), 'hidden', word);
    assert.equal(post('en attente'), 'pending');
    assert.match(describeIssue(readers.posts.read({ id: 'p', author: 'A', created: '2026-11-01T10:00:00Z', status: 'peut-être' }).error!.issues[0]!), /^status: "peut-être" is not one of: pending, approved, hidden/);
  });

  it('refuses a survey without questions or with an unknown question type', () => {
    const { items, skipped } = parseCollection('surveys', readers.surveys, [
      { id: 's1', title: 'Ready?', questions: [{ id: 'q1', type: 'scale', label: 'How ready?', min: 1, max: 5 }] },
      { id: 's2', title: 'Empty', questions: [] },
      { id: 's3', title: 'Odd', questions: [{ id: 'q1', type: 'slider', label: 'x' }] },
    ]);
    assert.equal(items.length, 1);
    assert.match(describeIssue(skipped[0]!.issue), /questions: is missing/);
    assert.match(describeIssue(skipped[1]!.issue), /questions\.0\.type/);
  });
});

describe('checking writes', () => {
  const consent = [{ purpose: 'contact', version: '2026-11', at: '2026-11-21T10:00:00Z' }];

  it('requires consent and a way to reach the person', () => {
    const r = parseCollection('signups', readers.signups, [
      { id: 'abcdefgh1', email: 'a@example.org', consent: [], created: '2026-11-21T10:00:00Z' },
      { id: 'abcdefgh2', consent, created: '2026-11-21T10:00:00Z' },
      { id: 'abcdefgh3', email: 'not-an-email', consent, created: '2026-11-21T10:00:00Z' },
      { id: 'abcdefgh4', email: 'a@example.org', consent, created: '2026-11-21T10:00:00Z', utm: { source: 'newsletter' } },
    ]);
    assert.deepEqual(
      reasons(r.skipped),
      ['consent: is missing: the person must tick the consent box', 'email: an email address or a phone number is needed', 'email: is not an email address'],
    );
    assert.equal(r.items[0]!.utm!.source, 'newsletter');
  });

  it('names every bad field of a record, keeps only its own keys and leaves out what was not given', () => {
    const bad = readers.signups.read({ id: 'abcdefgh1', email: 'nope', phone: 'call me', consent, created: 'soon' });
    assert.deepEqual(
      bad.error?.issues.map((i) => describeIssue(i)),
      ['email: is not an email address', 'phone: is not a phone number', 'created: "soon" is not a date (write 2026-12-12 14:00)'],
    );
    const good = readers.signups.read({ id: 'abcdefgh1', email: ' a@example.org ', name: undefined, isAdmin: true, consent, created: '2026-11-21T10:00:00Z' });
    assert.deepEqual(good.data, {
      id: 'abcdefgh1',
      email: 'a@example.org',
      consent: [{ purpose: 'contact', version: '2026-11', at: '2026-11-21T10:00:00.000Z' }],
      created: '2026-11-21T10:00:00.000Z',
    });
    assert.equal(describeIssue(readers.signups.read('a sign-up').error!.issues[0]!), 'should be a record');
  });

  it('names every bad field of a record inside a record too, with its whole path', () => {
    const bad = readers.responses.read({ id: 'abcdefgh1', survey: 's', answers: {}, created: '2026-11-21T10:00:00Z', contact: { email: 'nope', consent: { purpose: 'contact' } } });
    assert.deepEqual(
      bad.error?.issues.map((i) => describeIssue(i)),
      ['contact.email: is not an email address', 'contact.consent.version: is missing', 'contact.consent.at: is missing'],
    );
  });

  it('keeps the contract strict: what a sheet may write ("oui", "45,7") is read by coercion, never by the schema', () => {
    const cell = { title: 'Marche', start: '2026-12-12T13:00:00.000Z', timezone: 'Europe/Paris', virtual: 'oui', lat: '45,7' };
    assert.equal(schemas.actions.safeParse(cell).success, false);
    const read = readers.actions.read(cell);
    assert.equal(read.success, true);
    assert.equal(read.data!.virtual, true);
    assert.equal(read.data!.lat, 45.7);
    assert.equal(schemas.actions.safeParse(read.data).success, true);
  });

  it('refuses client ids that could not be idempotency keys', () => {
    const r = parseCollection('responses', readers.responses, [{ id: 'a b', survey: 's', answers: {}, created: '2026-11-21T10:00:00Z' }]);
    assert.match(describeIssue(r.skipped[0]!.issue), /^id: should be 8 to 64/);
  });
});

describe('yes, in every language the sheets use', () => {
  it('means the same in a cell and in a survey answer', async () => {
    const { isYes } = await import('../../packages/core/src/results.ts');
    for (const v of ['oui', 'Yes', 'sí', 'vrai', 'verdadero', 'x', '✓', '1']) assert.equal(isYes(v), true, v);
    for (const v of ['non', 'no', 'faux', '0', '']) assert.equal(isYes(v), false, v);
  });
});
