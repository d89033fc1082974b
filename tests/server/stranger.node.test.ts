/**
 * A stranger reads nothing personal: every public route and every static mount of a server holding
 * sign-ups, survey contacts, leaders' emails and phones, private notes and consent records is crawled
 * without a token, and none of those details appears in any answer.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { clientId, consent, meta, post, signup, startTestServer, type TestServer, sqliteOf } from './support.ts';

/** Every detail below is personal: none may reach a stranger. */
const PERSONAL = [
  'lea@example.org',
  'leader.phone:+33611223344',
  'NOTE-PRIVEE-lyon',
  'Zoé Secretname',
  'zoe.secret@example.org',
  '+33 6 99 88 77 66',
  'contact.secret@example.org',
  'Camille Contactée',
  'Réponse libre très personnelle',
  'consent-text-of-a-poster',
  'NOT-YET-MODERATED',
  'HIDDEN-BY-A-MODERATOR',
  'proposer.waiting@example.org',
  'Hôte Enattente',
  'proposer.published@example.org',
  '+33 6 55 44 33 22',
  'rsvp.secret@example.org',
  'Rsvp Secretname',
];

/** An action a supporter proposed and the lead approved: public, while its proposer and the people coming are not. */
const HOSTED = 'hosted-action-1';

const chapterWithPersonalData = {
  id: 'lyon',
  name: 'Vague Climat Lyon',
  region: 'Auvergne-Rhône-Alpes',
  notes: 'NOTE-PRIVEE-lyon',
  leaders: [{ name: 'Léa M.', role: 'coordinatrice', email: 'lea@example.org', phone: 'leader.phone:+33611223344' }],
};

/** Every path the server routes, with its methods, from Fastify's route tree. */
function routes(tree: string): { path: string; methods: string[] }[] {
  const out: { path: string; methods: string[] }[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    out.push({ path: stack.join('').replace(/\/+/g, '/'), methods: m[3]!.split(', ') });
  }
  return out;
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));

describe('a stranger', () => {
  let s: TestServer;
  const dir = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'archipel-stranger-'));
  let secondToken: string;
  /** A photo sent with a story still waiting for review: not a stranger's to see. */
  let pendingPhoto: string;

  before(async () => {
    // A folder of JSON files as a campaign might leave it: personal details in public files, and personal files.
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'chapters.json'), JSON.stringify([chapterWithPersonalData]));
    writeFileSync(
      join(dir, 'data', 'posts.json'),
      JSON.stringify({
        posts: [
          { id: 'x', author: 'Ana', created: '2026-11-01T10:00:00Z', consent: { text: 'consent-text-of-a-poster' } },
          { id: 'y', author: 'Bob', text: 'NOT-YET-MODERATED', created: '2026-11-01T10:00:00Z', status: 'en attente' },
          { id: 'z', author: 'Cy', text: 'HIDDEN-BY-A-MODERATOR', created: '2026-11-01T10:00:00Z', status: 'masqué' },
        ],
      }),
    );
    writeFileSync(join(dir, 'data', 'responses.json'), JSON.stringify([{ contact: { email: 'contact.secret@example.org' } }]));
    writeFileSync(join(dir, 'data', 'signups.csv'), 'name,email\nZoé Secretname,zoe.secret@example.org\n');
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Campaign</title>');
    s = await startTestServer({ statics: { '/site/': dir }, photos: join(dir, '..', `${dir.split('/').at(-1)}-photos`) });
    sqliteOf(s).upsert('chapters', [chapterWithPersonalData]);
    secondToken = sqliteOf(s).createToken('second staff');
    assert.equal((await post(s.url, '/signups', { ...signup({ name: 'Zoé Secretname', email: 'zoe.secret@example.org', phone: '+33 6 99 88 77 66', chapter: 'lyon' }), _meta: meta })).status, 201);
    const answer = {
      id: clientId('resp'),
      survey: 'public',
      chapter: 'lyon',
      answers: { role: 'nouveau', ready: 4, more: 'Réponse libre très personnelle' },
      contact: { name: 'Camille Contactée', email: 'contact.secret@example.org', consent: consent()[0] },
      created: new Date().toISOString(),
      _meta: meta,
    };
    assert.equal((await post(s.url, '/surveys/public/responses', answer)).status, 201);
    const story = { id: clientId('post'), author: 'Ana', text: 'Une histoire', created: new Date().toISOString(), consent: { ...consent()[0], text: 'consent-text-of-a-poster' }, locale: 'fr', _meta: meta };
    assert.equal((await post(s.url, '/posts', story)).status, 201);
    // Approved, so that the story itself is public and its consent record is what must stay behind.
    const approve = await fetch(`${s.url}/api/posts/${story.id}`, { method: 'PATCH', headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' }, body: '{"action":"approve"}' });
    assert.equal(approve.status, 200);
    const proposal = (id: string, proposer: object) => ({ id, title: 'Pique-nique', start: '2027-03-27T12:30', timezone: 'Europe/Paris', city: 'Lyon', chapter: 'lyon', capacity: 10, proposer, consent: consent(), created: new Date().toISOString(), _meta: meta });
    assert.equal((await post(s.url, '/actions/proposals', proposal('waiting-action-1', { name: 'Hôte Enattente', email: 'proposer.waiting@example.org' }))).status, 201);
    assert.equal((await post(s.url, '/actions/proposals', proposal(HOSTED, { name: 'Hôte Publié', email: 'proposer.published@example.org', phone: '+33 6 55 44 33 22' }))).status, 201);
    assert.equal((await post(s.url, `/console/proposals/${HOSTED}/approve`, {}, { authorization: `Bearer ${s.token}` })).status, 200);
    const rsvp = { id: clientId('rsvp'), name: 'Rsvp Secretname', email: 'rsvp.secret@example.org', consent: consent(), created: new Date().toISOString(), _meta: meta };
    assert.equal((await post(s.url, `/actions/${HOSTED}/rsvps`, rsvp)).status, 201);
    const upload = await fetch(`${s.url}/api/photos`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: new Uint8Array(readFileSync(new URL('../fixtures/photos/gps.jpg', import.meta.url))) });
    pendingPhoto = ((await upload.json()) as { id: string }).id;
    const waiting = { id: clientId('post'), author: 'Ana', text: 'NOT-YET-MODERATED', image: `/api/photos/${pendingPhoto}`, alt: 'A photo', created: new Date().toISOString(), consent: consent()[0], _meta: meta };
    assert.equal((await post(s.url, '/posts', waiting)).status, 201);
    assert.equal((await fetch(`${s.url}/api/photos/${pendingPhoto}`, { headers: { authorization: `Bearer ${s.token}` } })).status, 200);
  });
  after(() => s.close());

  it('finds the personal details through a staff token, so the crawl below looks for what is really there', async () => {
    const seen = [];
    for (const path of ['/api/signups', '/api/responses', '/api/moderation?status=approved', '/api/console/proposals', '/api/console/proposals?status=approved', `/api/console/actions/${HOSTED}/rsvps`]) seen.push(await (await fetch(`${s.url}${path}`, { headers: { authorization: `Bearer ${s.token}` } })).text());
    const all = seen.join('\n');
    for (const detail of ['zoe.secret@example.org', '+33 6 99 88 77 66', 'contact.secret@example.org', 'Réponse libre très personnelle', 'proposer.waiting@example.org', 'proposer.published@example.org', 'rsvp.secret@example.org']) assert.ok(all.includes(detail), detail);
    assert.match(sqliteOf(s).get('chapters', 'lyon')!.data, /NOTE-PRIVEE-lyon.*lea@example\.org/);
  });

  it('reads no personal detail and no token on any route or static file', async () => {
    const secrets = [...PERSONAL, s.token, secondToken];
    const table = routes(s.app.printRoutes({ commonPrefix: false }));
    const urls = new Set<string>();
    for (const { path, methods } of table) {
      if (!methods.includes('GET')) continue;
      if (path.endsWith('*')) {
        const prefix = path.slice(0, -1);
        for (const f of filesUnder(dir)) urls.add(`${prefix}${relative(dir, f)}`);
        urls.add(prefix);
        continue;
      }
      const expanded = (path.includes('/:id') ? ['pret', 'public', 'lyon', 'x', HOSTED, pendingPhoto].map((id) => path.replace(':id', id)) : [path]).map((p) => p.replace(':width', '400'));
      for (const p of expanded) {
        assert.doesNotMatch(p, /:/, `a route this crawl cannot fill in: ${path}; teach it the route`);
        for (const q of ['', '?since=2000-01-01T00:00:00Z', '?chapter=lyon', '?format=csv', '?question=more&by=chapter', '?question=role&by=chapter']) urls.add(`${p}${q}`);
      }
    }
    assert.ok(urls.size > 50, `only ${urls.size} addresses to crawl`);
    const answered = new Map<number, number>();
    for (const url of urls) {
      for (const headers of [{}, { accept: 'text/csv' }, { authorization: 'Basic c3RhZmY6c3RhZmY=' }] as Record<string, string>[]) {
        const res = await fetch(`${s.url}${url}`, { headers });
        const body = await res.text();
        answered.set(res.status, (answered.get(res.status) ?? 0) + 1);
        for (const secret of secrets) assert.ok(!body.includes(secret), `${url} (${JSON.stringify(headers)}) gave away "${secret}"`);
      }
    }
    // The crawl reached real data: public lists and files answered, staff lists refused.
    assert.ok((answered.get(200) ?? 0) > 30, JSON.stringify([...answered]));
    assert.ok((answered.get(401) ?? 0) > 10, JSON.stringify([...answered]));
    // The photo of a story still waiting for review was among the addresses crawled, and is nobody's to see.
    assert.equal((await fetch(`${s.url}/api/photos/${pendingPhoto}/400`)).status, 404);
  });

  it('reads the hosted action and how many come, not who proposed it or who comes', async () => {
    const { items } = (await (await fetch(`${s.url}/api/actions`)).json()) as { items: Record<string, unknown>[] };
    const hosted = items.find((a) => a.id === HOSTED)!;
    assert.equal(hosted.going, 1);
    assert.ok(!items.some((a) => a.id === 'waiting-action-1'), 'a proposal waiting for approval is not public');
  });

  it('gets public files with their public fields only, and never a file of personal data', async () => {
    const chapters = (await (await fetch(`${s.url}/site/data/chapters.json`)).json()) as Record<string, unknown>[];
    assert.deepEqual(chapters, [{ id: 'lyon', name: 'Vague Climat Lyon', region: 'Auvergne-Rhône-Alpes', leaders: [{ name: 'Léa M.', role: 'coordinatrice' }] }]);
    const posts = (await (await fetch(`${s.url}/site/data/posts.json`)).json()) as { posts: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(posts.posts[0]!).sort(), ['author', 'created', 'id']);
    assert.equal((await fetch(`${s.url}/site/data/responses.json`)).status, 404);
    assert.equal((await fetch(`${s.url}/site/data/signups.csv`)).status, 404);
    const chapter = (await (await fetch(`${s.url}/api/chapters`)).json()) as { items: Record<string, unknown>[] };
    assert.deepEqual(chapter.items.find((c) => c.id === 'lyon')!.leaders, [{ name: 'Léa M.', role: 'coordinatrice' }]);
    assert.equal(chapter.items.find((c) => c.id === 'lyon')!.notes, undefined);
  });
});
