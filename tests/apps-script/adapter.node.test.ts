/**
 * The browser's Apps Script adapter against the real Code.gs, over HTTP, with
 * Apps Script's own shape of answer: every call to /exec is a 302 to a
 * one-time echo URL on another path, which serves the JSON (as
 * script.googleusercontent.com does). Code.gs runs on the fake services.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { csvParseRows } from 'd3-dsv';
import { FakeGas, loadCodeGs, type AppsScript } from './fake-gas.ts';
import { AppsScriptAdapter } from '../../packages/core/src/adapters/apps-script.ts';
import { AdapterError, refusalOf } from '../../packages/core/src/errors.ts';
import { parseCollection } from '../../packages/core/src/parse.ts';
import { headerMap } from '../../packages/core/src/headers.ts';
import { readers } from '../../packages/core/src/collections.ts';

let script: AppsScript;
let exec = '';
let staff = '';
let lyonLead = '';
const echoes = new Map<string, string>();
const hops: string[] = [];
/** Every address and body the adapter sent to /exec, to look for tokens and secrets in them. */
const sent: string[] = [];

const server = createServer(async (req, res) => {
  const url = new URL(req.url!, 'http://x');
  if (url.pathname === '/macros/s/AKfyTest/exec') {
    let body = '';
    for await (const chunk of req) body += chunk;
    sent.push(`${req.method} ${req.url} ${body}`);
    const answer = req.method === 'POST' ? script.post(body) : script.get(Object.fromEntries(url.searchParams));
    const key = randomBytes(12).toString('base64url');
    echoes.set(key, JSON.stringify(answer));
    hops.push(`${req.method} ${req.headers['content-type'] ?? ''}`);
    res.writeHead(302, { location: `/macros/echo?user_content_key=${key}&lib=MTest` }).end();
    return;
  }
  if (url.pathname === '/macros/echo') {
    const text = echoes.get(url.searchParams.get('user_content_key') ?? '');
    res.writeHead(text ? 200 : 404, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' }).end(text ?? '');
    return;
  }
  res.writeHead(404).end();
});

before(async () => {
  const gas = new FakeGas();
  for (const tab of ['actions', 'chapters', 'posts', 'surveys']) {
    gas.book.addSheet(tab, csvParseRows(readFileSync(new URL(`../../packages/apps-script/template/${tab}.csv`, import.meta.url), 'utf8')));
  }
  script = loadCodeGs(gas);
  script.call('setUp');
  staff = script.call<string>('createToken', 'Camille', '', 30);
  lyonLead = script.call<string>('createToken', 'Amina', 'lyon', 30);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  exec = `http://127.0.0.1:${(server.address() as { port: number }).port}/macros/s/AKfyTest/exec`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

const consent = [{ purpose: 'contact', version: '2026-11', at: '2026-11-21T10:00:00Z' }];

describe('the Apps Script adapter and Code.gs', () => {
  it('reads every public tab of the template, through the 302 hop, into valid records', async () => {
    const adapter = new AppsScriptAdapter(exec);
    for (const collection of ['actions', 'chapters', 'posts', 'surveys'] as const) {
      const { rows, firstRow } = await adapter.list(collection);
      const parsed = parseCollection(collection, readers[collection] as never, rows, { aliases: headerMap, firstRow });
      assert.deepEqual(parsed.skipped, [], collection);
      assert.ok(parsed.items.length > 0, collection);
    }
  });

  it('writes a sign-up as text/plain (no preflight), once, however often it is sent, into the private spreadsheet', async () => {
    const adapter = new AppsScriptAdapter(exec);
    const record = { id: 'signup-e2e-0001', name: '=HYPERLINK("http://x")', email: 'lea@example.org', chapter: 'lyon', consent, created: '2026-11-21T10:00:00Z' };
    hops.length = 0;
    const first = await adapter.submit('signups', record, { hp: '', elapsed: 4000 });
    const again = await adapter.submit('signups', record, { hp: '', elapsed: 4000 });
    assert.equal(first.id, record.id);
    assert.equal(first.status, 'stored');
    assert.match(first.secret!, /^[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(again, first);
    assert.deepEqual(hops, ['POST text/plain;charset=utf-8', 'POST text/plain;charset=utf-8']);
    const rows = script.gas.created()[0]!.getSheetByName('signups')!.getDataRange().getValues();
    assert.equal(rows.filter((r) => r[0] === record.id).length, 1);
    assert.ok(rows.flat().includes(`'=HYPERLINK("http://x")`), 'formula neutralised in the sheet');
    assert.ok(!script.gas.book.allText().includes('lea@example.org'), 'nothing personal in the public sheet');
  });

  it('turns the script’s refusal into an error the outbox keeps rather than retries', async () => {
    const e = await new AppsScriptAdapter(exec).submit('signups', { id: 'signup-e2e-0002', email: 'x@example.org', consent: [] }, { hp: '', elapsed: 4000 }).catch((err: unknown) => err);
    assert.ok(e instanceof AdapterError);
    assert.equal(e.kind, 'rejected');
    assert.equal(e.retryable, false);
    assert.match(e.message, /consent/);
  });

  it('reads staff collections with a token in the body of a POST, never in an address, and moderates', async () => {
    const adapter = new AppsScriptAdapter(exec);
    await assert.rejects(adapter.list('signups'), (e: unknown) => e instanceof AdapterError && e.kind === 'unauthorized');
    sent.length = 0;
    const { rows } = await adapter.list('signups', {}, { token: staff });
    assert.ok(rows.some((r) => (r as { id: string }).id === 'signup-e2e-0001'));
    assert.deepEqual((rows[0] as { consent: unknown }).consent, consent, 'JSON cells come back as objects');
    const post = { id: 'post-e2e-0001', author: 'Inès', text: 'Première marche !', chapter: 'lyon', consent: consent[0], created: '2026-11-21T10:00:00Z' };
    assert.deepEqual(await adapter.submit('posts', post, { hp: '', elapsed: 4000 }), { id: post.id, status: 'pending' });
    const queue = await adapter.moderationQueue({ token: lyonLead });
    assert.ok(queue.rows.some((r) => (r as { id: string }).id === post.id));
    await adapter.moderate(post.id, 'approve', { token: lyonLead });
    const published = await adapter.list('posts');
    assert.ok(published.rows.some((r) => (r as { id: string }).id === post.id));
    const csv = await adapter.exportCsv('signups', { token: staff });
    assert.match(csv, /signup-e2e-0001/);
    for (const line of sent) {
      const [method, address] = line.split(' ');
      assert.ok(!address!.includes(staff) && !address!.includes(lyonLead), `a token in ${address}`);
      if (line.includes(staff) || line.includes(lyonLead)) assert.equal(method, 'POST');
    }
    const log = script.gas.created()[0]!.tab('access_log').records();
    assert.deepEqual(log.slice(-4).map((e) => [e.who, e.action, e.collection]), [
      ['Camille', 'read', 'signups'],
      ['Amina', 'read', 'moderation'],
      ['Amina', 'moderate', 'posts'],
      ['Camille', 'export', 'signups'],
    ]);
  });

  it('keeps a chapter lead to their chapter', async () => {
    const adapter = new AppsScriptAdapter(exec);
    await adapter.submit('signups', { id: 'signup-e2e-paris', email: 'p@example.org', chapter: 'paris', consent, created: '2026-11-21T10:00:00Z' }, { hp: '', elapsed: 4000 });
    const own = await adapter.list('signups', {}, { token: lyonLead });
    assert.deepEqual(own.rows.map((r) => (r as { chapter: string }).chapter), ['lyon']);
    await assert.rejects(adapter.list('signups', { chapter: 'paris' }, { token: lyonLead }), (e: unknown) => e instanceof AdapterError && e.kind === 'unauthorized' && /chapter lyon only/.test(e.message));
    await assert.rejects(adapter.list('access_log' as never, {}, { token: lyonLead }), (e: unknown) => e instanceof AdapterError && e.status === 403);
  });
});

describe('a person’s rights through the Apps Script', () => {
  it('a supporter’s private link says how many joined through their share link', async () => {
    const adapter = new AppsScriptAdapter(exec);
    const meta = { hp: '', elapsed: 4000 };
    const base = { consent, created: '2026-11-21T10:00:00Z' };
    const own = await adapter.submit('signups', { ...base, id: 'signup-e2e-rec1', email: 'rec@example.org', ref: 'e2ecode1' }, meta);
    await adapter.submit('signups', { ...base, id: 'signup-e2e-rec2', email: 'friend@example.org', referrer: 'e2ecode1' }, meta);
    assert.equal((await adapter.mine(own.secret!)).recruits, 1);
  });

  it('a supporter sees what is held with their private link, then has it erased', async () => {
    const adapter = new AppsScriptAdapter(exec);
    const receipt = await adapter.submit('responses', { id: 'resp-e2e-mine', survey: 'pret', answers: { ready: 5 }, contact: { email: 'sam@example.org', consent: consent[0] }, created: '2026-11-21T10:00:00Z' }, { hp: '', elapsed: 4000 });
    const mine = await adapter.mine(receipt.secret!);
    assert.equal(mine.recruits, undefined, 'no sign-up, no share link to count');
    assert.deepEqual(mine.signups, []);
    assert.deepEqual(mine.posts, []);
    assert.deepEqual((mine.responses[0] as { contact: { email: string } }).contact.email, 'sam@example.org');
    assert.deepEqual((mine.responses[0] as { answers: unknown }).answers, { ready: 5 });
    await adapter.forgetMe(receipt.secret!, 'contact');
    assert.equal((await adapter.mine(receipt.secret!)).responses[0]!.hasOwnProperty('contact'), false);
    await adapter.forgetMe(receipt.secret!);
    await assert.rejects(adapter.mine(receipt.secret!), (e: unknown) => e instanceof AdapterError && /Nothing is held with this private link/.test(e.message));
    assert.ok(!sent.some((line) => line.split(' ')[1]!.includes(receipt.secret!)), 'the secret never travels in an address');
  });

  it('staff find and erase a person', async () => {
    const adapter = new AppsScriptAdapter(exec);
    await adapter.submit('signups', { id: 'signup-e2e-find', name: 'Noé', phone: '06 11 22 33 44', consent, created: '2026-11-21T10:00:00Z' }, { hp: '', elapsed: 4000 });
    const found = await adapter.findPerson({ phone: '+33 6 11 22 33 44' }, { token: staff });
    assert.deepEqual(found.signups.map((s) => (s as { id: string }).id), ['signup-e2e-find']);
    assert.deepEqual((found.signups[0] as { consent: unknown }).consent, consent);
    await assert.rejects(adapter.erasePerson({ phone: '0611223344' }, { token: lyonLead }), (e: unknown) => e instanceof AdapterError && e.kind === 'unauthorized');
    assert.deepEqual(await adapter.erasePerson({ phone: '0611223344' }, { token: staff }), { erased: 1 });
    assert.deepEqual(await adapter.findPerson({ phone: '0611223344' }, { token: staff }), { signups: [], responses: [], posts: [] });
  });
});

describe('survey answers through Apps Script', () => {
  it('come back as the objects they were written as, and count in aggregate()', async () => {
    const { aggregate } = await import('../../packages/core/src/results.ts');
    const adapter = new AppsScriptAdapter(exec);
    const answer = { id: 'resp-e2e-0001', survey: 'pret', answers: { age: '-18 ans', ready: 4 }, created: '2026-11-21T10:00:00Z' };
    await adapter.submit('responses', answer, { hp: '', elapsed: 4000 });
    const { rows, firstRow } = await adapter.list('responses', {}, { token: staff });
    const parsed = parseCollection('responses', readers.responses, rows, { aliases: headerMap, firstRow });
    assert.deepEqual(parsed.skipped, []);
    assert.deepEqual(parsed.items.find((r) => r.id === answer.id)!.answers, answer.answers);
    const survey = { id: 'pret', title: 'Prêt ?', questions: [{ id: 'age', type: 'single' as const, label: 'Âge', options: ['-18 ans', '18 ans et plus'] }, { id: 'ready', type: 'scale' as const, label: 'Prêt', min: 1, max: 5 }] };
    const results = aggregate(survey, parsed.items);
    assert.equal(results.questions[0]!.counts['-18 ans'], 1);
  });

  it('sends a photo from the form first, into the private Drive folder, and the post names it; approval shares it', async () => {
    const adapter = new AppsScriptAdapter(exec);
    const jpeg = readFileSync(new URL('../fixtures/photos/gps.jpg', import.meta.url));
    const post = { id: 'post-e2e-photo', author: 'Inès', text: 'La banderole', alt: 'Une banderole', chapter: 'lyon', consent: consent[0], created: '2026-11-21T10:00:00Z', photo: new Blob([jpeg], { type: 'image/jpeg' }) };
    assert.deepEqual(await adapter.submit('posts', post, { hp: '', elapsed: 4000 }), { id: post.id, status: 'pending' });
    const [file] = [...script.gas.drive.files.values()];
    assert.ok(file, 'the photo is in Drive');
    assert.ok(!file.blob.data.includes('Exif') && file.blob.data.length > 20_000, 'stored whole, without its EXIF');
    const queued = (await adapter.moderationQueue({ token: staff })).rows.find((r) => (r as { id: string }).id === post.id) as Record<string, unknown>;
    assert.equal(queued.image, `https://drive.google.com/thumbnail?id=${file.getId()}&sz=w1600`);
    assert.ok(!('photo' in queued));
    assert.equal(file.getSharingAccess(), 'PRIVATE');
    await adapter.moderate(post.id, 'approve', { token: staff });
    assert.equal(file.getSharingAccess(), 'ANYONE_WITH_LINK');
  });

  it('refuses a write without the time the form took, like the reference server', async () => {
    const e = await new AppsScriptAdapter(exec).submit('signups', { id: 'signup-e2e-0009', email: 'x@example.org', consent }, { hp: '' }).catch((err: unknown) => err);
    assert.match((e as Error).message, /elapsed is missing/);
  });
});

describe('hosting and joining actions through the Apps Script adapter', () => {
  it('sends a proposal that waits, then RSVPs counted once and refused as full', async () => {
    const adapter = new AppsScriptAdapter(exec);
    const proposal = {
      id: 'prop-e2e-0001',
      title: 'Pique-nique des voisin·es',
      start: '2026-12-20T12:00:00+01:00',
      timezone: 'Europe/Paris',
      city: 'Lyon',
      chapter: 'lyon',
      capacity: 1,
      proposer: { name: 'Sami', email: 'sami.e2e@example.org' },
      consent,
      created: '2026-11-21T10:00:00Z',
    };
    assert.deepEqual(await adapter.submit('proposals', proposal, { hp: '', elapsed: 4000 }), { id: proposal.id, status: 'pending' });
    const listed = async () => (await adapter.list('actions')).rows as { id: string; going?: number }[];
    assert.ok(!(await listed()).some((a) => a.id === proposal.id));
    assert.equal(script.post({ action: 'approve-action', token: lyonLead, id: proposal.id }).ok, true);
    assert.ok((await listed()).some((a) => a.id === proposal.id));

    const rsvp = { id: 'rsvp-e2e-0001', action: proposal.id, name: 'Léa', email: 'lea.e2e@example.org', consent, created: '2026-11-21T11:00:00Z' };
    assert.deepEqual(await adapter.submit('rsvps', rsvp, { hp: '', elapsed: 4000 }), { id: rsvp.id, status: 'going' });
    await adapter.submit('rsvps', { ...rsvp, id: 'rsvp-e2e-0002' }, { hp: '', elapsed: 4000 });
    assert.equal((await listed()).find((a) => a.id === proposal.id)!.going, 1);
    const full = await adapter.submit('rsvps', { ...rsvp, id: 'rsvp-e2e-0003', email: 'autre@example.org' }, { hp: '', elapsed: 4000 }).catch((e: unknown) => e);
    assert.ok(full instanceof AdapterError);
    assert.deepEqual([full.kind, full.status, full.problem, refusalOf(full)], ['rejected', 409, 'full', 'full']);
    assert.ok(!script.gas.book.allText().includes('sami.e2e@example.org') && !script.gas.book.allText().includes('lea.e2e@example.org'), 'no contact in the public sheet');
  });
});
