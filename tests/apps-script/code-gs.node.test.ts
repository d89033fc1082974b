/**
 * packages/apps-script/Code.gs, run in Node against fake Apps Script services
 * (fake-gas.ts): the wire contract the apps-script adapter speaks. Privacy,
 * tokens and a person's rights have their own files beside this one.
 */
import { describe, it, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { csvParseRows } from 'd3-dsv';
import { FakeGas, loadCodeGs, type LogEntry } from './fake-gas.ts';
import { campaign, signup, post, response, postRow, POSTS_HEADERS, ids, staffRead, type Campaign } from './campaign.ts';
import { parseCollection } from '../../packages/core/src/parse.ts';
import { headerMap } from '../../packages/core/src/headers.ts';
import { readers } from '../../packages/core/src/collections.ts';

let app: Campaign;
beforeEach(() => {
  app = campaign();
});

const publicRows = (tab: string) => app.gas.book.tab(tab).records();
const privateRows = (tab: string) => app.private.tab(tab).records();

describe('public reads', () => {
  it('serve actions by field name, date cells as ISO with the offset, empty rows skipped', () => {
    const answer = app.get({ collection: 'actions' });
    assert.equal(answer.ok, true);
    assert.deepEqual(answer.items, [
      { id: 'act-1', title: 'Grande marche pour le climat', start: '2026-12-12T14:00:00+01:00', timezone: 'Europe/Paris', city: 'Lyon', chapter: 'lyon', virtual: false, lat: 45.764 },
      { id: 'act-2', title: 'Atelier banderoles', start: '2026-06-20T10:30:00+02:00', timezone: 'Europe/Paris', city: 'Paris', chapter: 'paris', virtual: true },
      { id: 'act-3', title: 'Phoning', start: '2026-12-12 14:00', timezone: 'Europe/Paris', chapter: 'lyon' },
    ]);
  });

  it('format date cells in the script’s time zone, Z when it is UTC', () => {
    app.gas.timeZone = 'UTC';
    assert.equal(app.get({ collection: 'actions' }).items![0]!.start, '2026-12-12T13:00:00Z');
    app.gas.timeZone = 'America/Toronto';
    assert.equal(app.get({ collection: 'actions' }).items![0]!.start, '2026-12-12T08:00:00-05:00');
  });

  it('filter by chapter, and chapters by their id', () => {
    assert.deepEqual(ids(app.get({ collection: 'actions', chapter: 'lyon' }).items), ['act-1', 'act-3']);
    assert.deepEqual(ids(app.get({ collection: 'chapters', chapter: 'paris' }).items), ['paris']);
  });

  it('keep only rows created after since when the tab has a created column', () => {
    app.gas.book.tab('posts').cells[6]![1] = new Date('2026-11-01T10:00:00Z');
    assert.deepEqual(ids(app.get({ collection: 'posts', since: '2026-10-15T00:00:00Z' }).items), ['post-0006']);
    assert.deepEqual(ids(app.get({ collection: 'actions', since: '2026-10-15T00:00:00Z' }).items), ['act-1', 'act-2', 'act-3']);
    const bad = app.get({ collection: 'posts', since: 'yesterday' });
    assert.equal(bad.status, 400);
    assert.match(bad.error!, /ISO 8601/);
  });

  it('show approved posts only, never a blocked author’s, their status said in English', () => {
    const answer = app.get({ collection: 'posts' });
    assert.deepEqual(ids(answer.items), ['post-0001', 'post-0002', 'post-0006']);
    assert.equal(answer.items![1]!.pinned, true);
    assert.ok(answer.items!.every((p) => p.status === 'approved'));
  });

  it('group the per-question rows of surveys, options split on "|"', () => {
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

  it('answer 404 naming the tab when it is missing, and for unknown collections', () => {
    app.gas.book.sheets.splice(app.gas.book.sheets.indexOf(app.gas.book.tab('posts')), 1);
    assert.deepEqual(app.get({ collection: 'posts' }), {
      ok: false,
      status: 404,
      error: 'No tab named "posts" in this spreadsheet. Add a tab named posts with the headers of the template.',
    });
    for (const collection of ['donations', 'constructor', '__proto__']) {
      const unknown = app.get({ collection });
      assert.equal(unknown.ok, false);
      assert.equal(unknown.status, 404);
    }
  });

  it('find a tab whose name differs only in case or spaces', () => {
    (app.gas.book.tab('chapters') as unknown as { name: string }).name = ' Chapters';
    assert.deepEqual(ids(app.get({ collection: 'chapters' }).items), ['lyon', 'paris']);
  });

  it('keep working when the private spreadsheet cannot be opened', () => {
    app.private.inaccessible = true;
    assert.deepEqual(ids(app.get({ collection: 'posts' }).items), ['post-0001', 'post-0002', 'post-0004', 'post-0006']);
  });
});

describe('writes', () => {
  it('append a sign-up once, into the private spreadsheet, with its fields in their columns', () => {
    const answer = app.post(signup('signup-0001', { interests: ['marches', 'phoning'], utm: { source: 'newsletter' } }));
    assert.equal(answer.ok, true);
    assert.equal(answer.id, 'signup-0001');
    assert.equal(answer.status, 'stored');
    const rows = privateRows('signups');
    assert.equal(rows.length, 1);
    assert.deepEqual(app.private.tab('signups').cells[0], ['id', 'created', 'name', 'email', 'phone', 'postcode', 'chapter', 'interests', 'message', 'consent', 'locale', 'referrer', 'ref', 'utm', 'page', 'secret_hash']);
    const row = rows[0]!;
    assert.equal(row.created, '2026-10-01T10:00:00.000Z');
    assert.equal(row.name, 'Léa Martin');
    assert.equal(row.interests, 'marches, phoning');
    assert.deepEqual(JSON.parse(String(row.consent)), signup('x').record.consent);
    assert.deepEqual(JSON.parse(String(row.utm)), { source: 'newsletter' });
    assert.equal(app.private.tab('signups').frozenRows, 1);
  });

  it('store a repeated record once and answer exactly as the first time', () => {
    const first = app.post(signup('signup-0001'));
    assert.deepEqual(app.post(signup('signup-0001')), first);
    assert.equal(privateRows('signups').length, 1);
    assert.deepEqual(app.post(response('response-0001')), app.post(response('response-0001')));
    assert.deepEqual(app.post(post('post-0100')), app.post(post('post-0100')));
    assert.equal(publicRows('posts').filter((p) => p.id === 'post-0100').length, 1);
    assert.equal(privateRows('post_consents').filter((p) => p.id === 'post-0100').length, 1);
  });

  it('refuse another record under an id already used, with 409, and give it no private link', () => {
    app.post(signup('signup-0001'));
    const other = app.post(signup('signup-0001', { name: 'Someone else', email: 'someone@example.org' }));
    assert.equal(other.ok, false);
    assert.equal(other.status, 409);
    assert.equal(other.secret, undefined);
    assert.deepEqual(privateRows('signups').map((r) => r.email), ['lea@example.org']);
  });

  it('write into an existing tab by header, whatever the order or language, and add missing columns', () => {
    app.private.deleteSheet(app.private.tab('signups'));
    app.private.addSheet('signups', [['Courriel', 'id', 'Nom', 'created']]);
    app.post(signup('signup-0001', { phone: '0612345678' }));
    const sheet = app.private.tab('signups');
    assert.deepEqual(sheet.cells[1]!.slice(0, 4), ['lea@example.org', 'signup-0001', 'Léa Martin', '2026-10-01T10:00:00.000Z']);
    const headers = sheet.cells[0]!;
    assert.ok(headers.includes('phone') && headers.includes('consent') && headers.includes('secret_hash'));
    assert.equal(sheet.cells[1]![headers.indexOf('phone')], '0612345678');
  });

  it('put an apostrophe before anything a spreadsheet would run as a formula, and keep JSON cells exact', () => {
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
        consent: [{ ...signup('x').record.consent[0], text: risky[2] }],
      }),
    );
    const row = privateRows('signups')[0]!;
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
    assert.equal(app.private.tab('signups').formulas.size, 0);

    app.post(post('post-0100', { author: '=1+1', text: '-fin' }));
    const stored = publicRows('posts').find((p) => p.id === 'post-0100')!;
    assert.equal(stored.author, "'=1+1");
    assert.equal(stored.text, "'-fin");
    assert.equal(app.gas.book.tab('posts').formulas.size, 0);
    // An answer is a cell of its own, its question's column: guarded like any other.
    app.post(response('response-0001', { answers: { commentaire: '=IMPORTXML("http://x")', pret: 3 } }));
    assert.equal(privateRows('responses')[0]!.commentaire, `'=IMPORTXML("http://x")`);
    assert.equal(app.private.tab('responses').formulas.size, 0);
    // A survey the surveys tab does not have keeps its answers as one JSON cell, exact.
    app.post(response('response-0002', { survey: 'ailleurs', answers: { commentaire: '-18 ans' } }));
    assert.deepEqual(JSON.parse(String(privateRows('responses')[1]!.answers)), { commentaire: '-18 ans' });
  });

  it('refuse a filled honeypot and a form sent too fast, storing nothing', () => {
    const bot = app.post({ ...signup('signup-0001'), meta: { hp: 'http://spam.example', elapsed: 9000 } });
    assert.equal(bot.status, 422);
    assert.match(bot.error!, /automated/);
    const fast = app.post({ ...signup('signup-0002'), meta: { hp: '', elapsed: 300 } });
    assert.equal(fast.status, 422);
    assert.match(fast.error!, /faster than a person/);
    const noMeta = app.post({ collection: 'signups', record: signup('signup-0003').record });
    assert.equal(noMeta.status, 422);
    assert.match(noMeta.error!, /meta/);
    assert.equal(privateRows('signups').length, 0);
  });

  it('refuse records without their required fields, naming the field', () => {
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
    assert.equal(privateRows('signups').length + privateRows('responses').length + privateRows('post_consents').length, 0);
    assert.equal(publicRows('posts').length, 7);
    assert.equal(app.post(signup('signup-0001', { email: undefined, phone: '+33 6 12 34 56 78' })).status, 'stored');
  });

  it('answer 400 to a body that is not JSON, and to an unknown action', () => {
    for (const body of ['name=Léa&email=lea@example.org', '', '[1, 2]', '"text"']) {
      const answer = app.post(body);
      assert.equal(answer.ok, false);
      assert.equal(answer.status, 400);
      assert.match(answer.error!, /JSON/);
    }
    for (const action of ['delete', 'constructor', 'toString']) {
      const unknown = app.post({ action, token: app.staff });
      assert.equal(unknown.status, 400);
      assert.match(unknown.error!, /Unknown action/);
    }
  });

  it('store posts as pending from the source "archipel", their consent and language in the private spreadsheet', () => {
    assert.deepEqual(app.post(post('post-0100')), { ok: true, id: 'post-0100', status: 'pending' });
    const stored = publicRows('posts').find((p) => p.id === 'post-0100')!;
    assert.equal(stored.status, 'pending');
    assert.equal(stored.source, 'archipel');
    assert.equal(stored.hashtags, 'VagueClimat');
    assert.equal(stored.created, '2026-10-02T09:00:00.000Z');
    assert.deepEqual(app.gas.book.tab('posts').cells[0], POSTS_HEADERS);
    const consent = privateRows('post_consents').find((p) => p.id === 'post-0100')!;
    assert.deepEqual(JSON.parse(String(consent.consent)), post('x').record.consent);
    assert.equal(consent.locale, 'fr');
    assert.ok(!ids(app.get({ collection: 'posts' }).items).includes('post-0100'));
  });

  it('store a blocked author’s post hidden, and answer "pending" all the same', () => {
    assert.deepEqual(app.post(post('post-0100', { author: 'TROLL T.' })), { ok: true, id: 'post-0100', status: 'pending' });
    assert.equal(publicRows('posts').find((p) => p.id === 'post-0100')!.status, 'hidden');
  });

  it('create a missing posts, responses or post_consents tab with its header row', () => {
    app.gas.book.sheets.splice(app.gas.book.sheets.indexOf(app.gas.book.tab('posts')), 1);
    app.private.deleteSheet(app.private.tab('post_consents'));
    app.private.deleteSheet(app.private.tab('responses'));
    app.post(post('post-0100'));
    assert.deepEqual(app.gas.book.tab('posts').cells[0], POSTS_HEADERS);
    assert.deepEqual(app.private.tab('post_consents').cells[0], ['id', 'created', 'consent', 'locale', 'contact']);
    app.post(response('response-0001', { contact: { name: 'Léa', email: 'lea@example.org', consent: signup('x').record.consent[0] } }));
    const row = privateRows('responses')[0]!;
    assert.equal(JSON.parse(String(row.contact)).email, 'lea@example.org');
    assert.equal(row.survey, 'pret-a-agir');
  });

  it('answer 503 and append nothing when the lock cannot be had', () => {
    app.post(signup('signup-0001'));
    app.gas.lockHolder = 'another-execution';
    const answer = app.post(signup('signup-0002'));
    assert.deepEqual(answer, { ok: false, status: 503, error: 'The sheet is busy; try again in a moment.' });
    assert.deepEqual(ids(privateRows('signups')), ['signup-0001']);
    assert.equal(app.gas.lockHolder, 'another-execution', 'a lock it never had is not released');
    app.gas.lockHolder = null;
    assert.equal(app.post(signup('signup-0002')).status, 'stored');
  });

  it('keep 50 interleaved sign-ups, some sent twice, to one row each, every append under the lock', () => {
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
    const stored = ids(privateRows('signups'));
    assert.equal(stored.length, 50);
    assert.equal(new Set(stored).size, 50);
    for (const [id, list] of answers) {
      assert.ok(list.length >= 1);
      // A retry of the same record gets the same receipt, private link included.
      assert.equal(new Set(list).size, 1);
      assert.deepEqual(Object.keys(JSON.parse(list[0]!)), ['ok', 'id', 'status', 'secret']);
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
  const moderate = (id: string, moderation: string, token: string | null = app.staff) => app.post({ action: 'moderate', id, moderation, ...(token === null ? {} : { token }) });

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

  it('the queue lists pending posts by default, or the statuses asked for, in any language', () => {
    assert.deepEqual(ids(staffRead(app, 'moderation', app.staff).items), ['post-0003', 'post-0007']);
    assert.deepEqual(ids(staffRead(app, 'moderation', app.staff, { status: 'hidden,pending' }).items), ['post-0003', 'post-0005', 'post-0007']);
    const approved = staffRead(app, 'moderation', app.staff, { status: 'approuvé' }).items!;
    assert.deepEqual(ids(approved), ['post-0001', 'post-0002', 'post-0004', 'post-0006']);
    assert.ok(approved.every((p) => p.status === 'approved'));
  });

  it('block-author hides the author’s other posts and keeps their new ones hidden, in the private blocked tab', () => {
    app.gas.book.tab('posts').cells.push(postRow('post-0008', 'amina k. ', 'approved'));
    const answer = moderate('post-0001', 'block-author');
    assert.equal(answer.ok, true);
    assert.equal(answer.post!.status, 'hidden');
    const posts = publicRows('posts');
    assert.equal(posts.find((p) => p.id === 'post-0008')!.status, 'hidden');
    assert.equal(posts.find((p) => p.id === 'post-0002')!.status, 'Approuvé');
    assert.deepEqual(ids(app.get({ collection: 'posts' }).items), ['post-0002', 'post-0006']);
    assert.deepEqual(app.private.tab('blocked').cells.map((r) => r[0]), ['author', 'troll t.', 'amina k.']);
    assert.equal(app.gas.book.sheets.some((s) => s.getName() === 'blocked'), false);
    app.post(post('post-0100', { author: 'Amina K.' }));
    assert.equal(publicRows('posts').find((p) => p.id === 'post-0100')!.status, 'hidden');
  });

  it('creates the blocked tab when there is none', () => {
    app.private.deleteSheet(app.private.tab('blocked'));
    moderate('post-0003', 'block-author');
    assert.deepEqual(app.private.tab('blocked').cells.map((r) => r[0]), ['author', 'bastien r.']);
  });

  it('needs a token, a known post and a known moderation', () => {
    const none = moderate('post-0003', 'approve', null);
    assert.equal(none.ok, false);
    assert.equal(none.status, 401);
    assert.equal(moderate('post-0003', 'approve', 'wrong').status, 401);
    assert.equal(publicRows('posts').find((p) => p.id === 'post-0003')!.status, 'pending');
    assert.equal(moderate('post-9999', 'approve').status, 404);
    const unknown = moderate('post-0003', 'delete');
    assert.equal(unknown.status, 422);
    assert.match(unknown.error!, /moderation/);
  });

  it('answers 503 when the lock is held elsewhere', () => {
    app.gas.lockHolder = 'another-execution';
    assert.equal(moderate('post-0003', 'approve').status, 503);
    assert.equal(publicRows('posts').find((p) => p.id === 'post-0003')!.status, 'pending');
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
      assert.deepEqual(ids(staffRead(app, 'moderation', app.staff, { status: word }).items), WORDS.map((_, i) => `post-w${i}`), word);
    }
    assert.deepEqual(ids(staffRead(app, 'moderation', app.staff).items), ['post-p']);
    assert.deepEqual(staffRead(app, 'moderation', app.staff, { status: 'hidden' }).items!.map((p) => [p.id, p.status]), [['post-h', 'hidden']]);
  });

  it('leave a status nobody recognises unpublished, and out of every queue but its own', () => {
    app.gas.book.tab('posts').cells = [POSTS_HEADERS, postRow('post-x', 'X', 'peut-être')];
    assert.deepEqual(app.get({ collection: 'posts' }).items, []);
    assert.deepEqual(staffRead(app, 'moderation', app.staff).items, []);
    assert.deepEqual(staffRead(app, 'moderation', app.staff, { status: 'peut-être' }).items!.map((p) => p.status), ['peut-être']);
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

  it('gives a survey in other languages from "title:es", "label:es" and "options:es" columns, which the widgets read', () => {
    const gas = new FakeGas();
    gas.book.addSheet('surveys', [
      ['survey', 'titre', 'titre:es', 'langue', 'question', 'type', 'libellé', 'libellé:es', 'options', 'options:es', 'intro:en'],
      ['pret', 'Prêt·e ?', '¿Lista?', 'fr', 'role', 'single', 'Votre implication', 'Tu implicación', 'nouveau | bénévole', 'nueva | voluntaria', 'Two minutes.'],
      ['pret', '', '', '', 'host', 'yesno', 'Accueillir ?', '¿Acoger?', '', '', ''],
    ]);
    const answer = loadCodeGs(gas).get({ collection: 'surveys' });
    const { items, skipped } = parseCollection('surveys', readers.surveys, answer.items!, { aliases: headerMap });
    assert.deepEqual(skipped, []);
    assert.equal(items[0]!.lang, 'fr');
    assert.deepEqual(items[0]!.translations, {
      es: { title: '¿Lista?', questions: { role: { label: 'Tu implicación', options: ['nueva', 'voluntaria'] }, host: { label: '¿Acoger?' } } },
      en: { intro: 'Two minutes.' },
    });
    assert.deepEqual(items[0]!.questions[0]!.options, ['nouveau', 'bénévole']);
  });

  it('gives actions, chapters and posts in other languages from "title:es"-style columns, and only their texts', () => {
    const gas = new FakeGas();
    gas.book.addSheet('actions', [
      ['titre', 'titre:es', 'description:en', 'lieu:es', 'début', 'langue'],
      ['Marche', 'Marcha', 'A march.', 'Plaza', '2026-12-12 14:00', 'fr'],
    ]);
    gas.book.addSheet('chapters', [['id', 'nom', 'devise:en', 'nom:en'], ['lyon', 'Lyon', 'Rise up', 'Lyons']]);
    const app = loadCodeGs(gas);
    const actions = parseCollection('actions', readers.actions, app.get({ collection: 'actions' }).items!, { aliases: headerMap });
    assert.deepEqual(actions.skipped, []);
    assert.deepEqual(actions.items[0]!.translations, { es: { title: 'Marcha' }, en: { description: 'A march.' } });
    assert.equal(actions.items[0]!.lang, 'fr');
    const chapters = app.get({ collection: 'chapters' }).items!;
    assert.deepEqual(chapters, [{ id: 'lyon', name: 'Lyon', translations: { en: { slogan: 'Rise up' } } }]);
  });

  it('refuse ranges of zero rows, like Sheets', () => {
    const sheet = new FakeGas().book.addSheet('x', [['id']]);
    assert.throws(() => sheet.getRange(2, 1, 0, 1), /at least 1/);
    assert.deepEqual(sheet.getDataRange().getValues(), [['id']]);
    assert.deepEqual(new FakeGas().book.addSheet('y', []).getDataRange().getValues(), [['']]);
  });

  it('digest, sign and encode as Utilities does: signed bytes, web-safe base64 with its padding', () => {
    const { Utilities } = new FakeGas().globals() as { Utilities: Record<string, (...a: unknown[]) => unknown> & { DigestAlgorithm: Record<string, string>; Charset: Record<string, string> } };
    const digest = Utilities.computeDigest!(Utilities.DigestAlgorithm.SHA_256, 'abc', Utilities.Charset.UTF_8) as number[];
    assert.equal(digest.length, 32);
    assert.ok(digest.every((b) => b >= -128 && b <= 127) && digest.some((b) => b < 0));
    // SHA-256("abc"), the FIPS 180-2 test vector.
    assert.equal(digest.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join(''), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(Utilities.base64EncodeWebSafe!(digest), 'ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0=');
    const hmac = Utilities.computeHmacSha256Signature!('what do ya want for nothing?', 'Jefe') as number[];
    // RFC 4231, test case 2.
    assert.equal(hmac.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join(''), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    assert.match(Utilities.getUuid!() as string, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('create spreadsheets with one sheet, which cannot be deleted, and open only known ones', () => {
    const gas = new FakeGas();
    const { SpreadsheetApp } = gas.globals() as { SpreadsheetApp: { create(n: string): ReturnType<FakeGas['created']>[number]; openById(id: string): unknown; getUi(): unknown } };
    const book = SpreadsheetApp.create('Privé');
    assert.deepEqual(book.getSheets().map((s) => s.getName()), ['Sheet1']);
    assert.equal(book.sharedWithAnyone, false);
    assert.throws(() => book.deleteSheet(book.getSheets()[0]!), /remove all the sheets/);
    assert.equal(SpreadsheetApp.openById(book.getId()), book);
    assert.throws(() => SpreadsheetApp.openById('nope'), /openById/);
    book.inaccessible = true;
    assert.throws(() => SpreadsheetApp.openById(book.getId()), /permission/);
    assert.throws(() => SpreadsheetApp.getUi(), /Cannot call SpreadsheetApp.getUi\(\) from this context/);
  });

  it('move rows and columns up and left with their formats when some are deleted', () => {
    const sheet = new FakeGas().book.addSheet('x', [['a', 'b', 'c'], [1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    sheet.getRange(4, 3).setNumberFormat('@');
    sheet.deleteRow(2);
    sheet.deleteColumn(2);
    assert.deepEqual(sheet.cells, [['a', 'c'], [4, 6], [7, 9]]);
    assert.deepEqual([...sheet.formats], [['3,2', '@']]);
  });
});

describe('the template', () => {
  const TABS = ['actions', 'chapters', 'posts', 'surveys'] as const;
  const template = () => {
    const gas = new FakeGas();
    for (const tab of TABS) {
      const rows = csvParseRows(readFileSync(new URL(`../../packages/apps-script/template/${tab}.csv`, import.meta.url), 'utf8'));
      assert.ok(rows.every((r) => r.length === rows[0]!.length), `${tab}.csv: every row has as many fields as the header`);
      gas.book.addSheet(tab, rows);
    }
    return loadCodeGs(gas);
  };

  it('holds only the public tabs, with no column Code.gs would not serve', () => {
    assert.deepEqual(readdir(), ['actions.csv', 'chapters.csv', 'posts.csv', 'surveys.csv']);
    const sheet = template();
    assert.deepEqual(sheet.call('legacyTabs_'), []);
  });

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

  it('has the headers Code.gs writes, so writes land in the imported posts tab', () => {
    const imported = template();
    const fresh = loadCodeGs(new FakeGas());
    for (const sheet of [imported, fresh]) {
      sheet.call('setUp');
      for (const body of [signup('signup-0001'), post('post-0100'), response('response-0001')]) assert.equal(sheet.post(body).ok, true, body.collection);
    }
    assert.deepEqual(imported.gas.book.tab('posts').cells[0], fresh.gas.book.tab('posts').cells[0]);
  });
});

function readdir(): string[] {
  return readdirSync(new URL('../../packages/apps-script/template/', import.meta.url)).sort();
}
