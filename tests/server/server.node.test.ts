import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, signup, meta, post, clientId, consent, testDatabase, testStorage, type TestServer } from './support.ts';
import { openDb, migrate } from '../../packages/server/src/db.ts';
import { importRecords, authorKey } from '../../packages/server/src/index.ts';

let s: TestServer;
before(async () => (s = await startTestServer()));
after(() => s.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${s.url}/api${path}`, { headers });
const staff = () => ({ authorization: `Bearer ${s.token}` });

describe('public reads', () => {
  it('lists actions with an ETag, answers 304 when the client has them, and lets CDNs cache', async () => {
    const res = await get('/actions');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { items: { id: string; start: string }[]; next: string | null };
    assert.deepEqual(body.items.map((a) => a.id), ['a1', 'a2', 'a3']);
    assert.equal(body.items[0]!.start, '2026-12-12T13:00:00.000Z');
    assert.match(res.headers.get('cache-control')!, /public, max-age=\d+/);
    const again = await get('/actions', { 'if-none-match': res.headers.get('etag')! });
    assert.equal(again.status, 304);
  });

  it('filters by chapter and pages with a cursor without repeating or skipping', async () => {
    const lyon = (await (await get('/actions?chapter=lyon')).json()) as { items: { id: string }[] };
    assert.deepEqual(lyon.items.map((a) => a.id), ['a1', 'a3']);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = (await (await get(`/actions?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json()) as { items: { id: string }[]; next: string | null };
      seen.push(...page.items.map((a) => a.id));
      cursor = page.next;
    }
    assert.deepEqual(seen, ['a1', 'a2', 'a3']);
  });

  it('answers only what changed since an instant', async () => {
    const later = new Date(Date.now() + 60_000).toISOString();
    const res = await get(`/actions?since=${later}`);
    assert.deepEqual(((await res.json()) as { items: unknown[] }).items, []);
    // The same `since` asked again must reach the server (an ETag makes it cheap), or a client polling it misses changes.
    assert.equal(res.headers.get('cache-control'), 'no-cache');
    assert.equal((await get(`/actions?since=${later}`, { 'if-none-match': res.headers.get('etag')! })).status, 304);
    const bad = await get('/actions?since=yesterday');
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { detail: string }).detail, /ISO 8601/);
  });

  it('shows approved posts only, filtered by hashtag, without consent records', async () => {
    const body = (await (await get('/posts')).json()) as { items: { id: string; consent?: unknown }[] };
    assert.deepEqual(body.items.map((p) => p.id), ['p1']);
    assert.deepEqual(((await (await get('/posts?hashtag=%23vagueclimat')).json()) as { items: unknown[] }).items.length, 1);
    assert.deepEqual(((await (await get('/posts?hashtag=other')).json()) as { items: unknown[] }).items.length, 0);
  });

  it('never prints leaders’ email addresses', async () => {
    const text = await (await get('/chapters')).text();
    assert.ok(text.includes('Léa M.'));
    assert.ok(!text.includes('lea@example.org'));
  });

  it('answers unknown routes and methods with problem details that name the contract', async () => {
    const res = await get('/nothing');
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.match(((await res.json()) as { detail: string }).detail, /openapi\.yaml/);
    const del = await fetch(`${s.url}/api/actions`, { method: 'DELETE' });
    assert.equal(del.status, 405);
  });

  it('serves its own contract', async () => {
    const res = await get('/openapi.yaml');
    assert.equal(res.status, 200);
    assert.match(await res.text(), /^openapi: 3\.1/m);
  });
});

describe('public writes', () => {
  it('stores a sign-up and answers with a receipt', async () => {
    const record = signup();
    const res = await post(s.url, '/signups', { ...record, _meta: meta });
    assert.equal(res.status, 201);
    const receipt = (await res.json()) as { id: string; status: string; secret: string };
    assert.deepEqual([receipt.id, receipt.status], [record.id, 'stored']);
    assert.match(receipt.secret, /^me_[\w-]{43}$/);
    const stored = JSON.parse((await s.store.get('signups', record.id))!.data);
    assert.equal(stored.email, record.email);
    assert.equal(stored._meta, undefined, 'spam checks are not stored');
  });

  it('stores one record for 10,000 posts of the same id, answering each alike', async () => {
    const record = { ...signup(), _meta: meta };
    const answers = new Set<string>();
    for (let batch = 0; batch < 100; batch++) {
      const results = await Promise.all(Array.from({ length: 100 }, () => post(s.url, '/signups', record).then(async (r) => `${r.status} ${await r.text()}`)));
      results.forEach((a) => answers.add(a));
    }
    assert.equal(answers.size, 1);
    assert.match([...answers][0]!, new RegExp(`^201 \\{"id":"${record.id}","status":"stored","secret":"me_[\\w-]{43}"\\}$`));
    const stored = (await s.store.list('signups', { limit: 1_000_000 })).filter((r) => r.id === record.id);
    assert.equal(stored.length, 1);
  });

  const refused = async (body: unknown, status: number, pattern: RegExp, headers: Record<string, string> = {}) => {
    const res = await post(s.url, '/signups', body, headers);
    assert.equal(res.status, status);
    assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    const problem = (await res.json()) as { title: string; detail: string; status: number };
    assert.equal(problem.status, status);
    assert.match(problem.detail, pattern);
    return problem;
  };

  it('refuses malformed JSON, non-objects, other media types and oversize bodies, saying so', async () => {
    await refused('{"id": "x",', 400, /not valid JSON/);
    await refused('[1, 2]', 400, /one JSON object/);
    const form = await fetch(`${s.url}/api/signups`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' });
    assert.equal(form.status, 415);
    await refused({ ...signup({ message: 'x'.repeat(40_000) }), _meta: meta }, 413, /the limit is 32768/);
  });

  it('refuses wrong types, a missing consent and an unreachable person, field by field', async () => {
    const p = (await refused({ ...signup({ email: 42, consent: [] }), _meta: meta }, 422, /consent: is missing/)) as unknown as { errors: { field: string }[] };
    assert.deepEqual(p.errors.map((e) => e.field).sort(), ['consent', 'email']);
    await refused({ ...signup({ email: undefined }), _meta: meta }, 422, /an email address or a phone number is needed/);
    await refused({ ...signup({ id: 'short' }), _meta: meta }, 422, /id: should be 8 to 64/);
  });

  it('refuses a filled honeypot, a form sent too fast, and a write without form details', async () => {
    await refused({ ...signup(), _meta: { hp: 'http://spam.example', elapsed: 9000 } }, 422, /hidden from people was filled/);
    await refused({ ...signup(), _meta: { hp: '', elapsed: 300 } }, 422, /faster than a person/);
    await refused(signup(), 422, /Send _meta/);
  });

  it('stores script tags and formula strings as the text they are', async () => {
    const record = signup({ name: '<script>alert(1)</script>', message: '=HYPERLINK("http://x","y")' });
    assert.equal((await post(s.url, '/signups', { ...record, _meta: meta })).status, 201);
    const stored = JSON.parse((await s.store.get('signups', record.id))!.data);
    assert.equal(stored.name, '<script>alert(1)</script>');
    assert.equal(stored.message, '=HYPERLINK("http://x","y")');
  });

  it('lands posts as pending', async () => {
    const p = { id: clientId('post'), author: 'Zoé', text: 'Ma première marche !', consent: consent()[0], created: new Date().toISOString(), _meta: meta };
    const res = await post(s.url, '/posts', p);
    assert.deepEqual(await res.json(), { id: p.id, status: 'pending' });
    assert.equal((await s.store.get('posts', p.id))!.status, 'pending');
  });

  it('checks survey answers against the survey’s questions', async () => {
    const base = { survey: 'pret', created: new Date().toISOString(), _meta: meta };
    const ok = await post(s.url, '/surveys/pret/responses', { ...base, id: clientId('resp'), answers: { role: 'nouveau', ready: 5, host: 'oui' } });
    assert.equal(ok.status, 201);
    const bad = await post(s.url, '/surveys/pret/responses', { ...base, id: clientId('resp'), answers: { ready: 9, actions: ['danse'], nope: 1 } });
    assert.equal(bad.status, 422);
    const detail = ((await bad.json()) as { detail: string }).detail;
    assert.match(detail, /answers\.nope: this survey has no question "nope"/);
    assert.match(detail, /answers\.role: is required/);
    assert.match(detail, /answers\.ready: should be a number from 1 to 5/);
    assert.match(detail, /answers\.actions: should be a list of the question's options/);
    const shapeless = await post(s.url, '/surveys/pret/responses', { ...base, id: clientId('resp'), answers: { ready: 3 }, contact: 'léa@example.org' });
    assert.equal(shapeless.status, 422);
    assert.match(((await shapeless.json()) as { detail: string }).detail, /^contact: should be a record$/);
    const unknown = await post(s.url, '/surveys/ghost/responses', { ...base, survey: 'ghost', id: clientId('resp'), answers: {} });
    assert.equal(unknown.status, 404);
  });
});

describe('staff reads', () => {
  it('never shows sign-ups or responses without a valid token', async () => {
    for (const path of ['/signups', '/responses', '/moderation', '/signups?format=csv', '/surveys/pret/results']) {
      const res = await get(path);
      assert.equal(res.status, 401, path);
      assert.equal(res.headers.get('www-authenticate'), 'Bearer realm="archipel"');
    }
    assert.equal((await get('/signups', { authorization: 'Bearer arch_nope' })).status, 401);
  });

  it('refuses a revoked token', async () => {
    const token = await s.store.createToken('temporary');
    assert.equal((await get('/signups', { authorization: `Bearer ${token}` })).status, 200);
    await s.store.revokeToken('temporary');
    assert.equal((await get('/signups', { authorization: `Bearer ${token}` })).status, 401);
  });

  it('exports sign-ups as CSV with formula strings neutralised', async () => {
    const record = signup({ name: '=HYPERLINK("http://x")', message: '+33 6 12 34 56 78', postcode: '@SUM(1)' });
    await post(s.url, '/signups', { ...record, _meta: meta });
    const res = await get('/signups?format=csv', staff());
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    const line = (await res.text()).split('\r\n').find((l) => l.startsWith(record.id))!;
    assert.ok(line.includes(`"'=HYPERLINK(""http://x"")"`), line);
    assert.ok(line.includes("'+33 6 12 34 56 78"), line);
    assert.ok(line.includes("'@SUM(1)"), line);
  });

  it('moderates: approve, pin, hide, block an author (and their other posts)', async () => {
    const patch = (id: string, action: string) =>
      fetch(`${s.url}/api/posts/${id}`, { method: 'PATCH', headers: { ...staff(), 'content-type': 'application/json' }, body: JSON.stringify({ action }) });
    const queue = (await (await get('/moderation', staff())).json()) as { items: { id: string }[] };
    assert.ok(queue.items.some((p) => p.id === 'p2'));
    assert.equal((await patch('p2', 'approve')).status, 200);
    assert.equal((await patch('p2', 'pin')).status, 200);
    let pub = (await (await get('/posts')).json()) as { items: { id: string; pinned?: boolean }[] };
    assert.deepEqual(pub.items.map((p) => [p.id, Boolean(p.pinned)]), [['p1', false], ['p2', true]]);
    const before = new Date(Date.now() - 1000).toISOString();
    assert.equal((await patch('p1', 'block-author')).status, 200);
    pub = (await (await get('/posts')).json()) as { items: { id: string }[] };
    assert.deepEqual(pub.items.map((p) => p.id), ['p2']);
    // A wall syncing with `since` learns that p1 left, by id only: no hidden content is served.
    const sync = (await (await get(`/posts?since=${before}`)).json()) as { items: { id: string }[]; removed?: string[] };
    assert.deepEqual(sync.removed, ['p1']);
    assert.ok(!sync.items.some((p) => p.id === 'p1'));
    assert.deepEqual(((await (await get(`/posts?since=${before}&hashtag=other`)).json()) as { removed?: string[] }).removed, []);
    assert.equal(((await (await get('/posts')).json()) as { removed?: string[] }).removed, undefined, 'a full read lists what is, not what left');
    // A supporter's own post is blocked by its contact (moderation.node.test.ts), and its author told the same.
    const first = { id: clientId('post'), author: 'Ana', contact: 'ana@example.org', text: 'hello', consent: consent()[0], created: new Date().toISOString(), _meta: meta };
    await post(s.url, '/posts', first);
    assert.equal((await patch(first.id, 'block-author')).status, 200);
    const again = { ...first, id: clientId('post'), author: ' ana ', text: 'back again' };
    assert.deepEqual(await (await post(s.url, '/posts', again)).json(), { id: again.id, status: 'pending' });
    assert.equal((await s.store.get('posts', again.id))!.status, 'hidden');
    assert.equal((await patch('p2', 'dance')).status, 422);
    assert.equal((await fetch(`${s.url}/api/posts/p2`, { method: 'PATCH', body: '{"action":"hide"}', headers: { 'content-type': 'application/json' } })).status, 401);
  });

  it('computes survey results that match a hand count, filtered by chapter, region and date', async () => {
    const r = (await (await get('/surveys/pret/results', staff())).json()) as {
      total: number;
      questions: { id: string; counts: Record<string, number>; mean?: number; texts?: string[] }[];
      byChapter: { key: string; respondents: number; ready: Record<string, number>; readyAny: number }[];
    };
    const q = Object.fromEntries(r.questions.map((x) => [x.id, x]));
    assert.ok(r.total >= 4);
    const seeded = (await (await get('/surveys/pret/results?to=2026-11-21T00:00:00Z', staff())).json()) as typeof r;
    const sq = Object.fromEntries(seeded.questions.map((x) => [x.id, x]));
    assert.equal(seeded.total, 4);
    assert.deepEqual(sq.role!.counts, { nouveau: 2, bénévole: 1, organisateur: 1 });
    assert.deepEqual(sq.actions!.counts, { marche: 2, 'porte-à-porte': 1, formation: 1 });
    assert.equal(sq.ready!.mean, 3.5);
    assert.deepEqual(sq.host!.counts, { yes: 2, no: 2 });
    assert.deepEqual(sq.more!.texts, ['Merci !']);
    assert.deepEqual(seeded.byChapter.map((c) => [c.key, c.respondents, c.readyAny, c.ready.host ?? 0, c.ready.lead ?? 0]), [
      ['lyon', 2, 2, 2, 1],
      ['nantes', 2, 1, 0, 1],
    ]);
    assert.ok(q.role);
    const lyon = (await (await get('/surveys/pret/results?chapter=lyon&to=2026-11-21T00:00:00Z', staff())).json()) as typeof r;
    assert.equal(lyon.total, 2);
    const region = (await (await get('/surveys/pret/results?region=Pays%20de%20la%20Loire&to=2026-11-21T00:00:00Z', staff())).json()) as typeof r;
    assert.equal(region.total, 2);
    const dated = (await (await get('/surveys/pret/results?from=2026-11-11T00:00:00Z&to=2026-11-13T00:00:00Z', staff())).json()) as typeof r;
    assert.equal(dated.total, 2);
    const cross = (await (await get('/surveys/pret/results?question=role&by=chapter&to=2026-11-21T00:00:00Z', staff())).json()) as { crossTab: { counts: Record<string, Record<string, number>> } };
    assert.deepEqual(cross.crossTab.counts, { lyon: { nouveau: 1, bénévole: 1 }, nantes: { nouveau: 1, organisateur: 1 } });
  });

  it('shows a survey’s results without a token only when they are public', async () => {
    assert.equal((await get('/surveys/public/results')).status, 200);
    assert.equal((await get('/surveys/pret/results')).status, 401);
  });

  it('refuses a wrong token on public results too, rather than quietly giving the public figures', async () => {
    const wrong = await get('/surveys/public/results', { authorization: 'Bearer not-a-token' });
    assert.equal(wrong.status, 401);
    assert.equal((await get('/surveys/public/results', staff())).status, 200);
    // A staging site's Basic credentials, or an empty header, are not a staff token: the public figures come back.
    assert.equal((await get('/surveys/public/results', { authorization: 'Basic dXNlcjpwYXNz' })).status, 200);
    assert.equal((await get('/surveys/public/results', { authorization: '' })).status, 200);
  });
});

describe('guarding the server', () => {
  it('sets security headers on every answer', async () => {
    const res = await get('/actions');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    assert.equal(res.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
  });

  it('lets only the sites on its list call it from a browser', async () => {
    const guarded = await startTestServer({ cors: ['https://campaign.example'] });
    try {
      const ok = await fetch(`${guarded.url}/api/actions`, { headers: { origin: 'https://campaign.example' } });
      assert.equal(ok.headers.get('access-control-allow-origin'), 'https://campaign.example');
      const other = await fetch(`${guarded.url}/api/actions`, { headers: { origin: 'https://evil.example' } });
      assert.equal(other.headers.get('access-control-allow-origin'), null);
      const preflight = await fetch(`${guarded.url}/api/signups`, { method: 'OPTIONS', headers: { origin: 'https://campaign.example', 'access-control-request-method': 'POST' } });
      assert.equal(preflight.status, 204);
      assert.match(preflight.headers.get('access-control-allow-headers')!, /Content-Type/);
      const write = await post(guarded.url, '/signups', { ...signup(), _meta: meta }, { origin: 'https://evil.example' });
      assert.equal(write.status, 403);
      assert.match(((await write.json()) as { detail: string }).detail, /--cors/);
    } finally {
      await guarded.close();
    }
  });

  it('limits writes per client address and says when to come back', async () => {
    const limited = await startTestServer({ writesPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await post(limited.url, '/signups', { ...signup(), _meta: meta })).status);
      assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
      const res = await post(limited.url, '/signups', { ...signup(), _meta: meta });
      assert.ok(Number(res.headers.get('retry-after')) >= 1);
    } finally {
      await limited.close();
    }
  });

  it('migrates an SQLite file once and keeps its data when reopened', { skip: testDatabase() !== 'sqlite' && 'SQLite only' }, async () => {
    const { mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'archipel-')), 'campaign.db');
    const first = openDb(file);
    first.prepare("INSERT INTO tokens (name, hash, created) VALUES ('x', 'y', 'z')").run();
    first.close();
    const again = openDb(file);
    assert.equal(again.pragma('user_version', { simple: true }), migrate(again));
    assert.equal(again.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal((again.prepare('SELECT COUNT(*) AS n FROM tokens').get() as { n: number }).n, 1);
    again.close();
  });
});

describe('answers a careless client clearly', () => {
  it('marks spam refusals with a problem type URI and refuses empty form details', async () => {
    const res = await post(s.url, '/signups', { ...signup(), _meta: { hp: 'x', elapsed: 9000 } });
    assert.equal(((await res.json()) as { type: string }).type, 'https://archipel.example.org/problems/spam');
    assert.equal((await post(s.url, '/signups', { ...signup(), _meta: {} })).status, 422);
  });

  it('reads limit=2.5 as 2, revalidates weak and listed ETags, and names the Allow header on 405', async () => {
    assert.equal(((await (await get('/actions?limit=2.5')).json()) as { items: unknown[] }).items.length, 2);
    const etag = (await get('/actions')).headers.get('etag')!;
    assert.equal((await get('/actions', { 'if-none-match': `"other", W/${etag}` })).status, 304);
    const res = await fetch(`${s.url}/api/actions`, { method: 'PUT' });
    assert.equal(res.headers.get('allow'), 'GET, HEAD, OPTIONS');
  });

  it('gives public results as counts only, without free-text answers', async () => {
    const body = (await (await get('/surveys/public/results')).json()) as { questions: { texts?: unknown }[] };
    assert.ok(body.questions.every((q) => q.texts === undefined));
  });
});

describe('importing a folder of JSON files', () => {
  it('resolves relative image paths against where the files are published', async () => {
    const store = await testStorage();
    try {
      await importRecords(store, { posts: [{ id: 'p', author: 'A', created: '2026-11-01T10:00:00Z', image: 'images/a.svg' }, { id: 'q', author: 'B', created: '2026-11-01T10:00:00Z', image: 'https://cdn.example.org/b.jpg' }] }, { baseUrl: '/demo/data/' });
      assert.equal(JSON.parse((await store.get('posts', 'p'))!.data).image, '/demo/data/images/a.svg');
      assert.equal(JSON.parse((await store.get('posts', 'q'))!.data).image, 'https://cdn.example.org/b.jpg');
    } finally {
      await store.close();
    }
  });

  it('imports the same file again without undoing moderation or touching what did not change', async (t) => {
    const store = await testStorage();
    t.after(() => store.close());
    const file = {
      actions: [{ id: 'a', title: 'Marche', type: 'march', start: '2026-12-12T14:00', timezone: 'Europe/Paris', city: 'Lyon', lat: 45.76, lng: 4.84 }],
      posts: [
        { id: 'p', author: 'Ana', text: 'One', created: '2026-11-01T10:00:00Z' },
        { id: 'q', author: 'Bo', text: 'Two', created: '2026-11-01T10:00:00Z' },
      ],
    };
    await importRecords(store, file);
    await store.moderate('p', { status: 'hidden' });
    await store.moderate('q', { pinned: true });
    const row = async (c: string, id: string) => (await store.get(c, id))!;
    const stamp = async (c: string, id: string) => (await row(c, id)).updated;
    const before = { a: await stamp('actions', 'a'), p: await stamp('posts', 'p'), q: await stamp('posts', 'q') };
    await new Promise((r) => setTimeout(r, 5));
    await importRecords(store, file);
    assert.equal((await row('posts', 'p')).status, 'hidden', 'a hidden post came back with the import');
    assert.equal(JSON.parse((await row('posts', 'p')).data).status, 'hidden');
    assert.equal((await row('posts', 'q')).pinned, 1, 'a pin was lost with the import');
    assert.deepEqual({ a: await stamp('actions', 'a'), p: await stamp('posts', 'p'), q: await stamp('posts', 'q') }, before, 'unchanged records must keep their `updated`, or every `since` read returns them');
    // A changed record is updated, and keeps its moderation; a new post by a blocked author is hidden.
    await store.blockAuthor(authorKey('Cy'));
    await importRecords(store, { posts: [{ ...file.posts[1]!, text: 'Two, edited' }, { id: 'r', author: 'Cy', text: 'Three', created: '2026-11-02T10:00:00Z' }] });
    assert.equal(JSON.parse((await row('posts', 'q')).data).text, 'Two, edited');
    assert.equal((await row('posts', 'q')).pinned, 1);
    assert.notEqual(await stamp('posts', 'q'), before.q);
    assert.equal((await row('posts', 'r')).status, 'hidden');
    // Until a moderator decides, the file is the curation: its status and pin are taken.
    await importRecords(store, { posts: [{ id: 's', author: 'Di', text: 'Four', created: '2026-11-02T10:00:00Z', status: 'pending' }] });
    assert.equal((await row('posts', 's')).status, 'pending');
    await importRecords(store, { posts: [{ id: 's', author: 'Di', text: 'Four', created: '2026-11-02T10:00:00Z', status: 'approved', pinned: true }] });
    assert.deepEqual([(await row('posts', 's')).status, (await row('posts', 's')).pinned], ['approved', 1]);
    assert.equal((await row('posts', 's')).moderated, null);
    assert.ok((await row('posts', 'p')).moderated, 'a moderator’s decision is recorded');
  });

  it('filters posts by hashtag before paging, so a one-post page still finds it', async () => {
    const fresh = await startTestServer();
    try {
      // Inserted last: an unfiltered first page of one post would hold p1 and nothing else.
      await fresh.store.upsert('posts', [{ id: 'p9', author: 'Zed', created: '2026-10-01T10:00:00Z', status: 'approved', hashtags: ['Autre'] } as never]);
      const body = (await (await fetch(`${fresh.url}/api/posts?hashtag=autre&limit=1`)).json()) as { items: { id: string }[] };
      assert.deepEqual(body.items.map((p) => p.id), ['p9']);
    } finally {
      await fresh.close();
    }
  });
});

describe('what must never leak', () => {
  it('refuses a public cross-tab of a free-text question, which would show the answers', async () => {
    assert.equal((await get('/surveys/public/results?question=more&by=chapter')).status, 401);
    assert.equal((await get('/surveys/public/results?question=role&by=chapter')).status, 200);
    assert.equal((await get('/surveys/public/results?question=more&by=chapter', staff())).status, 200);
  });

  it('serves static files from their folder only, and answers a broken escape without a server error', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const root = mkdtempSync(join(tmpdir(), 'archipel-static-'));
    mkdirSync(join(root, 'pub'));
    mkdirSync(join(root, 'pub-private'));
    writeFileSync(join(root, 'pub', 'ok.txt'), 'public');
    writeFileSync(join(root, 'pub-private', 'key.txt'), 'secret');
    const srv = await startTestServer({ statics: { '/pub/': join(root, 'pub') } });
    try {
      assert.equal(await (await fetch(`${srv.url}/pub/ok.txt`)).text(), 'public');
      for (const path of ['/pub/..%2fpub-private/key.txt', '/pub/../pub-private/key.txt', '/pub/%2e%2e/pub-private/key.txt']) {
        const res = await fetch(`${srv.url}${path}`);
        assert.notEqual(await res.text(), 'secret', path);
      }
      assert.equal((await fetch(`${srv.url}/pub/%E0`)).status, 404);
      assert.equal((await fetch(`${srv.url}/api/%E0`)).status, 400);
    } finally {
      await srv.close();
    }
  });
});

describe('details a cache or a proxy could get wrong', () => {
  it('keeps a staff reader’s results (with free-text answers) out of shared caches', async () => {
    const pub = await get('/surveys/public/results');
    assert.equal(pub.headers.get('cache-control'), 'public, max-age=30');
    const mine = await get('/surveys/public/results', staff());
    assert.equal(mine.headers.get('cache-control'), 'private, no-store');
    assert.match(mine.headers.get('vary')!, /Authorization/);
  });

  it('finds hashtags whatever their case, accents included, and names the right methods on 405', async () => {
    const fresh = await startTestServer();
    try {
      await fresh.store.upsert('posts', [{ id: 'pé', author: 'Zoé', created: '2026-10-01T10:00:00Z', status: 'approved', hashtags: ['VagueÉté'] } as never]);
      const body = (await (await fetch(`${fresh.url}/api/posts?hashtag=vagueété`)).json()) as { items: { id: string }[] };
      assert.deepEqual(body.items.map((p) => p.id), ['pé']);
      assert.equal((await fetch(`${fresh.url}/api/posts/p1`, { method: 'GET' })).headers.get('allow'), 'PATCH, OPTIONS');
      assert.equal((await fetch(`${fresh.url}/api/surveys/pret/responses`)).headers.get('allow'), 'POST, OPTIONS');
    } finally {
      await fresh.close();
    }
  });
});
