/**
 * packages/apps-script/Code.gs, run in Node against fake Apps Script services
 * (fake-gas.ts): the wire contract the apps-script adapter speaks.
 */
import { describe, it, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { csvParseRows } from 'd3-dsv';
import { FakeGas, loadCodeGs, type AppsScript, type Cell, type LogEntry } from './fake-gas.ts';
import { parseCollection } from '../../packages/core/src/parse.ts';
import { headerMap } from '../../packages/core/src/headers.ts';
import { readers } from '../../packages/core/src/collections.ts';
import { provenance } from '../../packages/core/src/schemas/fields.ts';
import { ActionSchema } from '../../packages/core/src/schemas/actions.ts';
import { PublicChapterSchema, PublicLeaderSchema } from '../../packages/core/src/schemas/chapters.ts';
import { PostSchema } from '../../packages/core/src/schemas/posts.ts';
import { SurveySchema, QuestionSchema } from '../../packages/core/src/schemas/surveys.ts';
import { named } from '../../packages/core/src/contract.ts';

const TOKEN = 'staff-token-9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const consent = [{ purpose: 'updates', version: '2026-09', at: '2026-10-01T10:00:00Z' }];
const meta = { hp: '', elapsed: 5234 };

const signup = (id: string, extra: Record<string, unknown> = {}) => ({
  collection: 'signups',
  record: { id, name: 'Léa Martin', email: 'lea@example.org', postcode: '01000', consent, created: '2026-10-01T10:00:00.000Z', ...extra },
  meta,
});
const post = (id: string, extra: Record<string, unknown> = {}) => ({
  collection: 'posts',
  record: { id, author: 'Léa M.', text: 'On y va ! #VagueClimat', hashtags: ['VagueClimat'], chapter: 'lyon', consent: consent[0], created: '2026-10-02T09:00:00.000Z', ...extra },
  meta,
});
const response = (id: string, extra: Record<string, unknown> = {}) => ({
  collection: 'responses',
  record: { id, survey: 'pret-a-agir', answers: { implication: 'Je découvre', pret: 4 }, chapter: 'lyon', created: '2026-10-03T18:00:00.000Z', ...extra },
  meta,
});

const POSTS_HEADERS = ['id', 'created', 'author', 'text', 'image', 'video', 'link', 'hashtags', 'chapter', 'status', 'pinned', 'source', 'consent'];
const postRow = (id: string, author: string, status: string, chapter = 'lyon', pinned: Cell = '') =>
  [id, '2026-10-01T10:00:00Z', author, `Texte de ${author}`, '', '', '', 'VagueClimat', chapter, status, pinned, 'archipel', JSON.stringify(consent[0])];

/** A campaign sheet as a webmaster fills it: French headers, date cells, gaps. */
function campaign(): AppsScript {
  const gas = new FakeGas();
  gas.properties.STAFF_TOKEN = TOKEN;
  gas.book.addSheet('actions', [
    ['id', 'Titre', 'Date de début', 'timezone', 'Ville', 'chapter', 'virtual', 'lat', 'Notes internes', 'Téléphone de l’organisatrice'],
    ['act-1', 'Grande marche pour le climat', new Date('2026-12-12T13:00:00Z'), 'Europe/Paris', 'Lyon', 'lyon', false, 45.764, 'Préfecture pas encore prévenue', '06 98 76 54 32'],
    ['', '', '', '', '', '', '', '', '', ''],
    ['act-2', 'Atelier banderoles', new Date('2026-06-20T08:30:00Z'), 'Europe/Paris', 'Paris', 'paris', true, '', '', ''],
    ['', '', '', '', '', '', false, '', '', ''],
    ['act-3', 'Phoning', '2026-12-12 14:00', 'Europe/Paris', '', 'lyon', '', '', '', ''],
  ]);
  gas.book.addSheet('chapters', [
    ['id', 'name', 'city', 'color', 'email', 'Téléphone', 'leaders', 'notes'],
    ['lyon', 'Vague Climat Lyon', 'Lyon', '#c2185b', 'lyon@vagueclimat.example.org', '06 11 22 33 44', JSON.stringify([{ name: 'Amina K.', role: 'coordinatrice', email: 'amina.k@example.org' }, { name: 'Jo', pronouns: 'iel' }]), 'Amina part en mai'],
    ['paris', 'Vague Climat Paris', 'Paris', '#0b6e99', '', '07 55 44 33 22', 'Jordi (jordi@example.org)', ''],
  ]);
  gas.book.addSheet('posts', [
    POSTS_HEADERS,
    postRow('post-0001', 'Amina K.', 'approved'),
    postRow('post-0002', 'Jordi P.', 'Approuvé', 'paris', true),
    postRow('post-0003', 'Bastien R.', 'pending'),
    postRow('post-0004', ' Troll T. ', 'sí'),
    postRow('post-0005', 'Nora B.', 'hidden'),
    postRow('post-0006', 'Chloé D.', 'publié'),
    postRow('post-0007', 'Inès B.', ''),
  ]);
  gas.book.addSheet('blocked', [['author', 'blocked'], ['troll t.', '2026-09-30T00:00:00Z']]);
  gas.book.addSheet('surveys', [
    ['survey', 'title', 'intro', 'public_results', 'question', 'type', 'label', 'options', 'min', 'max', 'required', 'readiness'],
    ['pret-a-agir', 'Prêt·e à agir ?', 'Deux minutes pour nous dire comment agir.', false, 'implication', 'single', 'Votre implication ?', 'Je découvre | J’ai signé |  J’organise ', '', '', true, ''],
    ['pret-a-agir', '', '', '', 'pret', 'scale', 'Prêt·e à organiser ?', '', 1, 5, true, ''],
    ['', '', '', '', '', '', '', '', '', '', '', ''],
    ['pret-a-agir', 'ignored later title', '', '', 'accueillir', 'yesno', 'Accueillir une action ?', 'oui|non', '', '', '', 'host'],
    ['quiz', 'Quiz', '', true, 'q1', 'text', 'Un mot ?', '', '', '', false, ''],
  ]);
  return loadCodeGs(gas);
}

let app: AppsScript;
beforeEach(() => {
  app = campaign();
});

const ids = (items: Record<string, unknown>[] | undefined) => (items ?? []).map((i) => i.id);
const dataRows = (tab: string) => app.gas.book.tab(tab).records();

describe('reads', () => {
  it('serves actions by field name, date cells as ISO with the offset, empty rows skipped', () => {
    const answer = app.get({ collection: 'actions' });
    assert.equal(answer.ok, true);
    assert.deepEqual(answer.items, [
      { id: 'act-1', title: 'Grande marche pour le climat', start: '2026-12-12T14:00:00+01:00', timezone: 'Europe/Paris', city: 'Lyon', chapter: 'lyon', virtual: false, lat: 45.764 },
      { id: 'act-2', title: 'Atelier banderoles', start: '2026-06-20T10:30:00+02:00', timezone: 'Europe/Paris', city: 'Paris', chapter: 'paris', virtual: true },
      { id: 'act-3', title: 'Phoning', start: '2026-12-12 14:00', timezone: 'Europe/Paris', chapter: 'lyon' },
    ]);
  });

  it('formats date cells in the script’s time zone, Z when it is UTC', () => {
    app.gas.timeZone = 'UTC';
    assert.equal(app.get({ collection: 'actions' }).items![0]!.start, '2026-12-12T13:00:00Z');
    app.gas.timeZone = 'America/Toronto';
    assert.equal(app.get({ collection: 'actions' }).items![0]!.start, '2026-12-12T08:00:00-05:00');
  });

  it('filters by chapter, and chapters by their id', () => {
    assert.deepEqual(ids(app.get({ collection: 'actions', chapter: 'lyon' }).items), ['act-1', 'act-3']);
    assert.deepEqual(ids(app.get({ collection: 'chapters', chapter: 'paris' }).items), ['paris']);
  });

  it('keeps only rows created after since when the tab has a created column', () => {
    app.gas.book.tab('posts').cells[6]![1] = new Date('2026-11-01T10:00:00Z');
    assert.deepEqual(ids(app.get({ collection: 'posts', since: '2026-10-15T00:00:00Z' }).items), ['post-0006']);
    assert.deepEqual(ids(app.get({ collection: 'actions', since: '2026-10-15T00:00:00Z' }).items), ['act-1', 'act-2', 'act-3']);
    const bad = app.get({ collection: 'posts', since: 'yesterday' });
    assert.equal(bad.status, 400);
    assert.match(bad.error!, /ISO 8601/);
  });

  it('shows approved posts only, never a blocked author’s, without consent records, their status said in English', () => {
    const answer = app.get({ collection: 'posts' });
    assert.deepEqual(ids(answer.items), ['post-0001', 'post-0002', 'post-0006']);
    assert.equal(answer.items![1]!.pinned, true);
    assert.ok(answer.items!.every((p) => !('consent' in p)));
    assert.ok(answer.items!.every((p) => p.status === 'approved'));
  });

  it('groups the per-question rows of surveys, options split on "|"', () => {
    const answer = app.get({ collection: 'surveys' });
    assert.deepEqual(answer.items, [
      {
        id: 'pret-a-agir',
        title: 'Prêt·e à agir ?',
        intro: 'Deux minutes pour nous dire comment agir.',
        public_results: false,
        questions: [
          { id: 'implication', type: 'single', label: 'Votre implication ?', options: ['Je découvre', 'J’ai signé', 'J’organise'], required: true },
          { id: 'pret', type: 'scale', label: 'Prêt·e à organiser ?', min: 1, max: 5, required: true },
          { id: 'accueillir', type: 'yesno', label: 'Accueillir une action ?', options: ['oui', 'non'], readiness: 'host' },
        ],
      },
      { id: 'quiz', title: 'Quiz', public_results: true, questions: [{ id: 'q1', type: 'text', label: 'Un mot ?', required: false }] },
    ]);
  });

  it('answers 404 naming the tab when it is missing, and for unknown collections', () => {
    app.gas.book.sheets.splice(app.gas.book.sheets.indexOf(app.gas.book.tab('posts')), 1);
    assert.deepEqual(app.get({ collection: 'posts' }), {
      ok: false,
      status: 404,
      error: 'No tab named "posts" in this spreadsheet. Add a tab named posts with the headers of the template.',
    });
    const unknown = app.get({ collection: 'donations' });
    assert.equal(unknown.ok, false);
    assert.equal(unknown.status, 404);
  });

  it('finds a tab whose name differs only in case or spaces', () => {
    app.gas.book.tab('chapters');
    (app.gas.book.sheets.find((s) => s.getName() === 'chapters') as unknown as { name: string }).name = ' Chapters';
    assert.deepEqual(ids(app.get({ collection: 'chapters' }).items), ['lyon', 'paris']);
  });

  it('refuses staff collections without the token, with a wrong one, and when STAFF_TOKEN is not set', () => {
    app.post(signup('signup-0001'));
    for (const collection of ['signups', 'responses', 'moderation']) {
      const none = app.get({ collection });
      assert.equal(none.ok, false);
      assert.equal(none.status, 401);
      assert.equal(none.items, undefined);
      const wrong = app.get({ collection, token: TOKEN.slice(0, -1) + 'x' });
      assert.equal(wrong.status, 401);
      assert.equal(app.get({ collection, token: TOKEN + 'x' }).status, 401);
    }
    delete app.gas.properties.STAFF_TOKEN;
    const unset = app.get({ collection: 'signups', token: TOKEN });
    assert.equal(unset.status, 401);
    assert.match(unset.error!, /Script Properties/);
    assert.match(unset.error!, /STAFF_TOKEN/);
    assert.equal(app.get({ collection: 'signups', token: '' }).status, 401);
  });

  it('serves staff collections with the right token', () => {
    app.post(signup('signup-0001'));
    app.post(response('response-0001'));
    const signups = app.get({ collection: 'signups', token: TOKEN });
    assert.equal(signups.ok, true);
    assert.deepEqual(ids(signups.items), ['signup-0001']);
    assert.equal(signups.items![0]!.email, 'lea@example.org');
    assert.equal(signups.items![0]!.postcode, '01000', 'a postcode keeps its leading zero');
    assert.deepEqual(ids(app.get({ collection: 'responses', token: TOKEN }).items), ['response-0001']);
    assert.deepEqual(ids(app.get({ collection: 'moderation', token: TOKEN }).items), ['post-0003', 'post-0007']);
    assert.deepEqual(ids(app.get({ collection: 'moderation', token: TOKEN, status: 'hidden,pending' }).items), ['post-0003', 'post-0005', 'post-0007']);
  });
});

describe('writes', () => {
  it('appends a sign-up once, with its fields in their columns', () => {
    const answer = app.post(signup('signup-0001', { interests: ['marches', 'phoning'], utm: { source: 'newsletter' } }));
    assert.deepEqual(answer, { ok: true, id: 'signup-0001', status: 'stored' });
    const rows = dataRows('signups');
    assert.equal(rows.length, 1);
    assert.deepEqual(app.gas.book.tab('signups').cells[0], ['id', 'created', 'name', 'email', 'phone', 'postcode', 'chapter', 'interests', 'message', 'consent', 'locale', 'referrer', 'ref', 'utm', 'page']);
    const row = rows[0]!;
    assert.equal(row.created, '2026-10-01T10:00:00.000Z');
    assert.equal(row.name, 'Léa Martin');
    assert.equal(row.interests, 'marches, phoning');
    assert.deepEqual(JSON.parse(String(row.consent)), consent);
    assert.deepEqual(JSON.parse(String(row.utm)), { source: 'newsletter' });
    assert.equal(app.gas.book.tab('signups').frozenRows, 1);
  });

  it('stores a repeated id once and answers exactly as the first time', () => {
    const first = app.post(signup('signup-0001'));
    const again = app.post(signup('signup-0001', { name: 'Someone else' }));
    assert.deepEqual(again, first);
    assert.equal(dataRows('signups').length, 1);
    assert.deepEqual(app.post(post('post-0100')), app.post(post('post-0100')));
    assert.equal(dataRows('posts').filter((p) => p.id === 'post-0100').length, 1);
  });

  it('writes into an existing tab by header, whatever the order or language, and adds missing columns', () => {
    app.gas.book.addSheet('signups', [['Courriel', 'id', 'Nom', 'created']]);
    app.post(signup('signup-0001', { phone: '0612345678' }));
    const sheet = app.gas.book.tab('signups');
    assert.deepEqual(sheet.cells[1]!.slice(0, 4), ['lea@example.org', 'signup-0001', 'Léa Martin', '2026-10-01T10:00:00.000Z']);
    const headers = sheet.cells[0]!;
    assert.ok(headers.includes('phone') && headers.includes('consent'));
    assert.equal(sheet.cells[1]![headers.indexOf('phone')], '0612345678');
  });

  it('puts an apostrophe before anything a spreadsheet would run as a formula, and keeps JSON cells exact', () => {
    const risky = ['=HYPERLINK("http://x")', '+1', '-1', '@SUM(A1)', '\tx', '\rx'];
    app.post(
      signup('signup-0001', {
        name: risky[0],
        message: risky[1],
        postcode: risky[2],
        referrer: risky[3],
        locale: risky[4],
        interests: [risky[3], 'climat'],
        utm: { source: risky[0], medium: risky[4], campaign: risky[5] },
        consent: [{ ...consent[0], text: risky[2] }],
      }),
    );
    const row = dataRows('signups')[0]!;
    assert.equal(row.name, `'=HYPERLINK("http://x")`);
    assert.equal(row.message, "'+1");
    assert.equal(row.postcode, "'-1");
    assert.equal(row.referrer, "'@SUM(A1)");
    assert.equal(row.locale, "'\tx");
    assert.equal(row.interests, "'@SUM(A1), climat");
    // A JSON cell starts with "{" or "[", which no spreadsheet runs: its values come back exactly.
    assert.match(String(row.utm), /^\{/);
    assert.deepEqual(JSON.parse(String(row.utm)), { source: risky[0], medium: risky[4], campaign: risky[5] });
    assert.equal(JSON.parse(String(row.consent))[0].text, '-1');
    assert.equal(app.gas.book.tab('signups').formulas.size, 0);

    app.post(post('post-0100', { author: '=1+1', text: '-fin' }));
    const stored = dataRows('posts').find((p) => p.id === 'post-0100')!;
    assert.equal(stored.author, "'=1+1");
    assert.equal(stored.text, "'-fin");
    app.post(response('response-0001', { answers: { commentaire: '=IMPORTXML("http://x")', pret: 3 } }));
    assert.deepEqual(JSON.parse(String(dataRows('responses')[0]!.answers)), { commentaire: '=IMPORTXML("http://x")', pret: 3 });
  });

  it('refuses a filled honeypot and a form sent too fast, storing nothing', () => {
    const bot = app.post({ ...signup('signup-0001'), meta: { hp: 'http://spam.example', elapsed: 9000 } });
    assert.equal(bot.status, 422);
    assert.match(bot.error!, /automated/);
    const fast = app.post({ ...signup('signup-0002'), meta: { hp: '', elapsed: 300 } });
    assert.equal(fast.status, 422);
    assert.match(fast.error!, /faster than a person/);
    const noMeta = app.post({ collection: 'signups', record: signup('signup-0003').record });
    assert.equal(noMeta.status, 422);
    assert.match(noMeta.error!, /meta/);
    assert.equal(app.gas.book.sheets.some((s) => s.getName() === 'signups'), false);
  });

  it('refuses records without their required fields, naming the field', () => {
    const cases: [unknown, RegExp][] = [
      [signup('signup-0001', { consent: undefined }), /consent/],
      [signup('signup-0001', { consent: [] }), /consent/],
      [signup('signup-0001', { consent: [{ purpose: 'updates' }] }), /consent/],
      [signup('signup-0001', { email: undefined }), /email or phone/],
      [signup('short'), /id/],
      [signup('has spaces in it'), /id/],
      [signup('x'.repeat(65)), /id/],
      [post('post-0100', { author: ' ' }), /author/],
      [post('post-0100', { consent: undefined }), /consent/],
      [response('response-0001', { survey: undefined }), /survey/],
      [response('response-0001', { answers: ['a'] }), /answers/],
      [response('response-0001', { contact: { email: 'a@example.org' } }), /contact\.consent/],
    ];
    for (const [body, field] of cases) {
      const answer = app.post(body);
      assert.equal(answer.ok, false, JSON.stringify(body));
      assert.equal(answer.status, 422, JSON.stringify(body));
      assert.match(answer.error!, field);
    }
    assert.equal(app.gas.book.sheets.some((s) => s.getName() === 'signups' || s.getName() === 'responses'), false);
    assert.equal(dataRows('posts').length, 7);
    assert.deepEqual(app.post(signup('signup-0001', { email: undefined, phone: '+33 6 12 34 56 78' })), { ok: true, id: 'signup-0001', status: 'stored' });
  });

  it('answers 400 to a body that is not JSON', () => {
    for (const body of ['name=Léa&email=lea@example.org', '', '[1, 2]', '"text"']) {
      const answer = app.post(body);
      assert.equal(answer.ok, false);
      assert.equal(answer.status, 400);
      assert.match(answer.error!, /JSON/);
    }
  });

  it('stores posts as pending from the source "archipel" and answers "pending"', () => {
    assert.deepEqual(app.post(post('post-0100')), { ok: true, id: 'post-0100', status: 'pending' });
    const stored = dataRows('posts').find((p) => p.id === 'post-0100')!;
    assert.equal(stored.status, 'pending');
    assert.equal(stored.source, 'archipel');
    assert.equal(stored.hashtags, 'VagueClimat');
    assert.equal(stored.created, '2026-10-02T09:00:00.000Z');
    assert.ok(!ids(app.get({ collection: 'posts' }).items).includes('post-0100'));
  });

  it('stores a blocked author’s post hidden, and answers "pending" all the same', () => {
    assert.deepEqual(app.post(post('post-0100', { author: 'TROLL T.' })), { ok: true, id: 'post-0100', status: 'pending' });
    assert.equal(dataRows('posts').find((p) => p.id === 'post-0100')!.status, 'hidden');
  });

  it('creates a missing posts or responses tab with its header row', () => {
    app.gas.book.sheets.splice(app.gas.book.sheets.indexOf(app.gas.book.tab('posts')), 1);
    app.post(post('post-0100'));
    assert.deepEqual(app.gas.book.tab('posts').cells[0], POSTS_HEADERS);
    app.post(response('response-0001', { contact: { name: 'Léa', email: 'lea@example.org', consent: consent[0] } }));
    const row = dataRows('responses')[0]!;
    assert.equal(JSON.parse(String(row.contact)).email, 'lea@example.org');
    assert.equal(row.survey, 'pret-a-agir');
  });

  it('answers 503 and appends nothing when the lock cannot be had', () => {
    app.post(signup('signup-0001'));
    app.gas.lockHolder = 'another-execution';
    const answer = app.post(signup('signup-0002'));
    assert.deepEqual(answer, { ok: false, status: 503, error: 'The sheet is busy; try again in a moment.' });
    assert.deepEqual(ids(dataRows('signups')), ['signup-0001']);
    assert.equal(app.gas.lockHolder, 'another-execution', 'a lock it never had is not released');
    app.gas.lockHolder = null;
    assert.equal(app.post(signup('signup-0002')).status, 'stored');
  });

  it('keeps 50 interleaved sign-ups, some sent twice, to one row each, every append under the lock', () => {
    const gas = app.gas;
    // A tiny deterministic random generator, so a failure can be replayed.
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    interface Job {
      id: string;
      attempt: number;
    }
    const queue: Job[] = [];
    for (let i = 1; i <= 50; i++) queue.push({ id: `signup-${String(i).padStart(4, '0')}`, attempt: 1 });
    for (let i = 1; i <= 50; i += 5) queue.splice(Math.floor(random() * queue.length), 0, { id: `signup-${String(i).padStart(4, '0')}`, attempt: 1 });
    const retries: Job[] = [];
    const answers = new Map<string, string[]>();
    let busy = 0;

    const runJob = (job: Job) => {
      const answer = app.post(signup(job.id), `${job.id}#${job.attempt}-${Math.floor(random() * 1e6)}`);
      if (answer.status === 503) {
        busy++;
        retries.push({ id: job.id, attempt: job.attempt + 1 });
        return;
      }
      answers.set(job.id, [...(answers.get(job.id) ?? []), JSON.stringify(answer)]);
    };
    // Another request arrives in the middle of this one, at any call into Apps Script.
    gas.onCall = () => {
      if (queue.length && gas.depth < 4 && random() < 0.3) runJob(queue.shift()!);
    };
    while (queue.length || retries.length) {
      if (!queue.length) queue.push(...retries.splice(0));
      runJob(queue.shift()!);
    }
    gas.onCall = undefined;

    assert.ok(busy > 0, 'the interleaving produced contention');
    const stored = ids(dataRows('signups'));
    assert.equal(stored.length, 50);
    assert.equal(new Set(stored).size, 50);
    for (const [id, list] of answers) {
      assert.ok(list.length >= 1);
      for (const a of list) assert.equal(a, JSON.stringify({ ok: true, id, status: 'stored' }));
    }
    assert.equal(answers.size, 50);
    assertLockDiscipline(gas.log, 'signups');
  });
});

/** From the log: one holder at a time, and every write to the tab made by the holder, between its waitLock and releaseLock. */
function assertLockDiscipline(log: LogEntry[], tab: string) {
  let holder: string | null = null;
  const writers = new Set<string>();
  for (const entry of log) {
    if (entry.op === 'waitLock' || entry.op === 'tryLock') {
      assert.equal(holder, null, `${entry.exec} took the lock while ${holder} held it`);
      holder = entry.exec;
    } else if (entry.op === 'releaseLock') {
      assert.equal(holder, entry.exec, `${entry.exec} released a lock it did not hold`);
      holder = null;
    } else if (entry.op === 'exit-holding-lock') {
      assert.fail(`${entry.exec} ended without releasing the lock`);
    } else if (entry.op === 'write' && entry.sheet === tab) {
      assert.equal(entry.exec, holder, `${entry.exec} wrote to ${tab} without holding the lock`);
      assert.equal(entry.holder, entry.exec);
      writers.add(entry.exec);
    } else if (entry.op === 'flush' && holder !== null) {
      assert.equal(entry.exec, holder);
    }
  }
  assert.equal(holder, null);
  // Each execution that wrote took and released the lock exactly once.
  for (const exec of writers) {
    const mine = log.filter((e) => e.exec === exec);
    assert.equal(mine.filter((e) => e.op === 'waitLock').length, 1, exec);
    assert.equal(mine.filter((e) => e.op === 'releaseLock').length, 1, exec);
    const first = log.indexOf(mine.find((e) => e.op === 'waitLock')!);
    const last = log.indexOf(mine.find((e) => e.op === 'releaseLock')!);
    for (const w of mine.filter((e) => e.op === 'write')) assert.ok(log.indexOf(w) > first && log.indexOf(w) < last);
    assert.ok(mine.some((e) => e.op === 'flush' && log.indexOf(e) < last), `${exec} flushed before releasing`);
  }
}

describe('moderation', () => {
  const moderate = (id: string, moderation: string, token: string | null = TOKEN) => app.post({ action: 'moderate', id, moderation, ...(token === null ? {} : { token }) });

  it('approve makes a pending post appear in the public read', () => {
    assert.ok(!ids(app.get({ collection: 'posts' }).items).includes('post-0003'));
    const answer = moderate('post-0003', 'approve');
    assert.equal(answer.ok, true);
    assert.equal(answer.post!.id, 'post-0003');
    assert.equal(answer.post!.status, 'approved');
    assert.ok(ids(app.get({ collection: 'posts' }).items).includes('post-0003'));
    assertLockDiscipline(app.gas.log, 'posts');
  });

  it('hide, pin and unpin change the row', () => {
    assert.equal(moderate('post-0001', 'pin').post!.pinned, true);
    assert.equal(moderate('post-0001', 'unpin').post!.pinned, false);
    assert.equal(moderate('post-0001', 'hide').post!.status, 'hidden');
    assert.ok(!ids(app.get({ collection: 'posts' }).items).includes('post-0001'));
  });

  it('block-author hides the author’s other posts and keeps their new ones hidden', () => {
    app.gas.book.tab('posts').cells.push(postRow('post-0008', 'amina k. ', 'approved'));
    const answer = moderate('post-0001', 'block-author');
    assert.equal(answer.ok, true);
    assert.equal(answer.post!.status, 'hidden');
    const posts = dataRows('posts');
    assert.equal(posts.find((p) => p.id === 'post-0008')!.status, 'hidden');
    assert.equal(posts.find((p) => p.id === 'post-0002')!.status, 'Approuvé');
    assert.deepEqual(ids(app.get({ collection: 'posts' }).items), ['post-0002', 'post-0006']);
    assert.deepEqual(app.gas.book.tab('blocked').cells.map((r) => r[0]), ['author', 'troll t.', 'amina k.']);
    app.post(post('post-0100', { author: 'Amina K.' }));
    assert.equal(dataRows('posts').find((p) => p.id === 'post-0100')!.status, 'hidden');
  });

  it('creates the blocked tab when there is none', () => {
    app.gas.book.sheets.splice(app.gas.book.sheets.indexOf(app.gas.book.tab('blocked')), 1);
    moderate('post-0003', 'block-author');
    assert.deepEqual(app.gas.book.tab('blocked').cells.map((r) => r[0]), ['author', 'bastien r.']);
  });

  it('needs the staff token, a known post and a known moderation', () => {
    const none = moderate('post-0003', 'approve', null);
    assert.equal(none.ok, false);
    assert.equal(none.status, 401);
    assert.equal(moderate('post-0003', 'approve', 'wrong').status, 401);
    assert.equal(dataRows('posts').find((p) => p.id === 'post-0003')!.status, 'pending');
    assert.equal(moderate('post-9999', 'approve').status, 404);
    const unknown = moderate('post-0003', 'delete');
    assert.equal(unknown.status, 422);
    assert.match(unknown.error!, /moderation/);
  });

  it('answers 503 when the lock is held elsewhere', () => {
    app.gas.lockHolder = 'another-execution';
    assert.equal(moderate('post-0003', 'approve').status, 503);
    assert.equal(dataRows('posts').find((p) => p.id === 'post-0003')!.status, 'pending');
  });
});

const fieldsOf = (schema: unknown) => Object.keys((schema as { _zod: { def: { shape: object } } })._zod.def.shape).filter((f) => !(f in provenance));
const staffGet = (collection: string, extra: Record<string, string> = {}) => app.get({ collection, token: TOKEN, ...extra });

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

describe('moderation words in every language', () => {
  const WORDS = ['approved', 'approuvé', 'aprobado', 'oui', 'sí', 'yes', 'Approuvée', 'APROBADA', 'publié'];

  it('publish a post on the wall whichever of them staff type in its status cell', () => {
    const sheet = app.gas.book.tab('posts');
    sheet.cells = [POSTS_HEADERS, ...WORDS.map((word, i) => postRow(`post-w${i}`, `Auteur ${i}`, word))];
    const answer = app.get({ collection: 'posts' });
    assert.deepEqual(ids(answer.items), WORDS.map((_, i) => `post-w${i}`));
    assert.ok(answer.items!.every((p) => p.status === 'approved'));
  });

  it('count as approved in the moderation queue and its filter', () => {
    app.gas.book.tab('posts').cells = [POSTS_HEADERS, ...WORDS.map((word, i) => postRow(`post-w${i}`, `Auteur ${i}`, word)), postRow('post-p', 'P', 'en attente'), postRow('post-h', 'H', 'masqué')];
    for (const word of ['approved', 'approuvé', 'aprobado', 'oui', 'sí', 'yes']) {
      assert.deepEqual(ids(staffGet('moderation', { status: word }).items), WORDS.map((_, i) => `post-w${i}`), word);
    }
    assert.deepEqual(ids(staffGet('moderation').items), ['post-p']);
    assert.deepEqual(staffGet('moderation', { status: 'hidden' }).items!.map((p) => [p.id, p.status]), [['post-h', 'hidden']]);
  });

  it('leave a status nobody recognises unpublished, and out of every queue but its own', () => {
    app.gas.book.tab('posts').cells = [POSTS_HEADERS, postRow('post-x', 'X', 'peut-être')];
    assert.deepEqual(app.get({ collection: 'posts' }).items, []);
    assert.deepEqual(staffGet('moderation').items, []);
    assert.deepEqual(staffGet('moderation', { status: 'peut-être' }).items!.map((p) => p.status), ['peut-être']);
  });
});

describe('the fake services', () => {
  it('refuse a second holder of the script lock', () => {
    const gas = new FakeGas();
    const globals = gas.globals() as { LockService: { getScriptLock(): { waitLock(ms: number): void; tryLock(ms: number): boolean; hasLock(): boolean; releaseLock(): void } } };
    gas.run(() => {
      const lock = globals.LockService.getScriptLock();
      lock.waitLock(10000);
      assert.equal(lock.hasLock(), true);
      gas.run(() => {
        const other = globals.LockService.getScriptLock();
        assert.throws(() => other.waitLock(10000), /Lock timeout/);
        assert.equal(other.tryLock(0), false);
        assert.equal(other.hasLock(), false);
      }, 'b');
      lock.releaseLock();
    }, 'a');
    assert.equal(gas.lockHolder, null);
    assert.deepEqual(gas.log.map((e) => `${e.exec}:${e.op}`), ['a:getScriptLock', 'a:waitLock', 'b:getScriptLock', 'b:waitLock:timeout', 'b:tryLock:failed', 'a:releaseLock']);
  });

  it('refuse ranges of zero rows, like Sheets', () => {
    const sheet = new FakeGas().book.addSheet('x', [['id']]);
    assert.throws(() => sheet.getRange(2, 1, 0, 1), /at least 1/);
    assert.deepEqual(sheet.getDataRange().getValues(), [['id']]);
    assert.deepEqual(new FakeGas().book.addSheet('y', []).getDataRange().getValues(), [['']]);
  });
});

describe('the template', () => {
  const TABS = ['actions', 'chapters', 'posts', 'surveys', 'signups', 'responses'] as const;
  const template = () => {
    const gas = new FakeGas();
    for (const tab of TABS) {
      const rows = csvParseRows(readFileSync(new URL(`../../packages/apps-script/template/${tab}.csv`, import.meta.url), 'utf8'));
      assert.ok(rows.every((r) => r.length === rows[0]!.length), `${tab}.csv: every row has as many fields as the header`);
      gas.book.addSheet(tab, rows);
    }
    return loadCodeGs(gas);
  };

  it('reads through Code.gs into records the widgets accept, nothing skipped', () => {
    const sheet = template();
    for (const [collection, count] of [['actions', 4], ['chapters', 4], ['posts', 3], ['surveys', 1]] as const) {
      const answer = sheet.get({ collection });
      assert.equal(answer.ok, true, collection);
      const { items, skipped, unknownColumns } = parseCollection(collection, readers[collection], answer.items!, { aliases: headerMap, firstRow: 2 });
      assert.deepEqual(skipped, [], collection);
      assert.deepEqual(unknownColumns, [], collection);
      assert.equal(items.length, count, collection);
    }
    const survey = sheet.get({ collection: 'surveys' }).items![0] as { questions: { options?: string[] }[] };
    assert.equal(survey.questions.length, 5);
    assert.deepEqual(survey.questions[3]!.options, ['oui', 'non']);
  });

  it('has the headers Code.gs writes, so writes land in the imported tabs', () => {
    const imported = template();
    const fresh = loadCodeGs(new FakeGas());
    for (const body of [signup('signup-0001'), post('post-0100'), response('response-0001')]) {
      assert.equal(imported.post(body).ok, true);
      assert.equal(fresh.post(body).ok, true);
      const tab = body.collection;
      assert.deepEqual(imported.gas.book.tab(tab).cells[0], fresh.gas.book.tab(tab).cells[0], tab);
    }
  });
});
