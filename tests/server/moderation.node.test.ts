/**
 * Moderation that holds (#24): a native post's author is blocked by a keyed hash of their contact, never by
 * their display name; unblocking brings their new posts back to the queue; bulk decisions; a log of every
 * decision with who made it; a count of what waits; a chapter's lead moderates their own chapter's posts only;
 * a stranger reads none of it. On SQLite here, and on PostgreSQL through server.postgres.node.test.ts.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { clientId, consent, meta, post, startTestServer, testDatabase, type TestServer } from './support.ts';
import { normalContact } from '../../packages/server/src/storage.ts';

interface Item {
  id: string;
  author?: string;
  status?: string;
}

describe(`moderation that holds (${testDatabase()})`, () => {
  let s: TestServer;
  let lead: string;
  const as = (token: string | undefined, path: string, init: RequestInit = {}) =>
    fetch(`${s.url}/api${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}) } });
  const patch = (id: string, action: string, token = s.token) => as(token, `/posts/${id}`, { method: 'PATCH', body: JSON.stringify({ action }) });
  const write = async (author: string, contact: string | undefined, extra: Record<string, unknown> = {}) => {
    const body = { id: clientId('post'), author, ...(contact ? { contact } : {}), text: `by ${author}`, consent: consent()[0], created: new Date().toISOString(), _meta: meta, ...extra };
    const res = await post(s.url, '/posts', body);
    assert.equal(res.status, 201, await res.clone().text());
    // Whatever became of it, the author is told the same.
    assert.deepEqual(await res.json(), { id: body.id, status: 'pending' });
    return body.id;
  };
  const status = async (id: string) => (await s.store.get('posts', id))!.status;
  const queue = async (token = s.token) => ((await (await as(token, '/moderation?limit=500')).json()) as { items: Item[] }).items.map((p) => p.id);

  before(async () => {
    s = await startTestServer();
    lead = await s.store.createToken('Léa (lead, lyon)', { chapter: 'lyon' });
  });
  after(() => s.close());

  it('folds a contact written in other ways to one: case, spaces, lookalike letters, accents, +tags, phone punctuation', () => {
    assert.equal(normalContact(' Sarah.C+wall@Example.ORG '), 'sarah.c@example.org');
    // Cyrillic "С", "а" and "е": other letters that look alike.
    assert.equal(normalContact('Sаrah.\u0421@exampl\u0435.org'), 'sarah.c@example.org');
    assert.equal(normalContact('+33 6 12-34.56 78'), normalContact('+33612345678'));
    assert.notEqual(normalContact('sarah.d@example.org'), normalContact('sarah.c@example.org'));
  });

  it('keeps a blocked author hidden when they come back renamed, or with a Cyrillic "С", and never stores the contact', async () => {
    const first = await write('Sarah C', 'sarah.c@example.org');
    const row = (await s.store.get('posts', first))!;
    assert.doesNotMatch(row.data, /sarah\.c@example\.org/, 'the contact is not kept with the post');
    assert.doesNotMatch(JSON.stringify(row), /sarah\.c@/, 'nor in any column');
    assert.equal((await patch(first, 'block-author')).status, 200);
    assert.equal(await status(first), 'hidden');
    const renamed = await write('Sarah Connor', 'SARAH.C@example.org');
    const cyrillic = await write('Sarah \u0421', 'sarah.\u0441@example.org');
    const other = await write('Sarah C', 'someone.else@example.org');
    assert.equal(await status(renamed), 'hidden');
    assert.equal(await status(cyrillic), 'hidden');
    // The display name alone blocks no one: another person called "Sarah C" still reaches the queue.
    assert.equal(await status(other), 'pending');
    const waiting = await queue();
    assert.ok(!waiting.includes(renamed) && !waiting.includes(cyrillic) && waiting.includes(other));
  });

  it('unblocks: the author’s posts sent while blocked come back to the queue, and their next ones reach it', async () => {
    const blocked = await write('Tom', 'tom@example.org');
    await patch(blocked, 'block-author');
    const whileBlocked = await write('Tommy', 'tom@example.org');
    assert.equal(await status(whileBlocked), 'hidden');
    assert.equal((await patch(whileBlocked, 'unblock-author')).status, 200);
    // The post a moderator hid by blocking stays hidden; the one no moderator saw waits for one.
    assert.equal(await status(blocked), 'hidden');
    assert.equal(await status(whileBlocked), 'pending');
    const after = await write('T.', 'tom@example.org');
    assert.equal(await status(after), 'pending');
    assert.ok((await queue()).includes(after));
  });

  it('refuses to block the author of a post that names no one, saying to hide it', async () => {
    const anonymous = await write('Anon', undefined);
    const res = await patch(anonymous, 'block-author');
    assert.equal(res.status, 422);
    assert.match(((await res.json()) as { detail: string }).detail, /hide the post instead/);
  });

  it('approves three posts at once, counts what waits, and logs each decision with who made it', async () => {
    const ids = [await write('One', undefined), await write('Two', undefined), await write('Three', undefined)];
    const count = async (token = s.token, q = '') => ((await (await as(token, `/moderation/count${q}`)).json()) as { waiting: number }).waiting;
    const before = await count();
    assert.equal(before, (await queue()).length);
    const res = await as(s.token, '/moderation/bulk', { method: 'POST', body: JSON.stringify({ action: 'approve', ids }) });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { waiting: number }).waiting, before - 3);
    assert.equal(await count(), before - 3);
    for (const id of ids) assert.equal(await status(id), 'approved');
    const pub = ((await (await as(undefined, '/posts?limit=500')).json()) as { items: Item[] }).items.map((p) => p.id);
    assert.ok(ids.every((id) => pub.includes(id)));
    const log = ((await (await as(s.token, '/moderation/log')).json()) as { items: { who: string; action: string; post: string; at: string }[] }).items;
    for (const id of ids) assert.ok(log.some((e) => e.post === id && e.action === 'approve' && e.who === 'test staff' && !Number.isNaN(Date.parse(e.at))), `no log entry for ${id}`);
    assert.ok(log.some((e) => e.action === 'block-author') && log.some((e) => e.action === 'unblock-author'));
    assert.equal((await as(s.token, '/moderation/bulk', { method: 'POST', body: JSON.stringify({ action: 'dance', ids }) })).status, 422);
  });

  it('lets a chapter’s lead moderate their own chapter’s posts, not another’s, even among many', async () => {
    const lyon = await write('Lyonnaise', undefined, { chapter: 'lyon' });
    const nantes = await write('Nantaise', undefined, { chapter: 'nantes' });
    assert.equal((await patch(nantes, 'approve', lead)).status, 403);
    const bulk = await as(lead, '/moderation/bulk', { method: 'POST', body: JSON.stringify({ action: 'approve', ids: [lyon, nantes] }) });
    assert.equal(bulk.status, 403);
    assert.equal(await status(lyon), 'pending', 'a refused bulk action changes nothing');
    assert.equal(await status(nantes), 'pending');
    assert.equal((await patch(lyon, 'hide', lead)).status, 200);
    assert.equal((await patch(lyon, 'block-author', lead)).status, 403);
    const counted = ((await (await as(lead, '/moderation/count')).json()) as { waiting: number }).waiting;
    assert.equal(counted, (await queue(lead)).length);
    assert.equal((await as(lead, '/moderation/count?chapter=nantes')).status, 403);
    const log = ((await (await as(lead, '/moderation/log')).json()) as { items: { who: string; post: string; post_chapter: string }[] }).items;
    assert.ok(log.length > 0 && log.every((e) => e.post_chapter === 'lyon'), 'a lead reads their chapter’s decisions only');
    assert.ok(log.some((e) => e.post === lyon && e.who === 'Léa (lead, lyon)'));
  });

  it('lets a stranger read neither the queue, its count, nor the log, nor decide anything', async () => {
    for (const path of ['/moderation', '/moderation/count', '/moderation/log']) {
      const res = await as(undefined, path);
      assert.equal(res.status, 401, path);
      assert.doesNotMatch(await res.text(), /Sarah|test staff/);
      assert.equal((await as('arch_not-a-token', path)).status, 401);
    }
    assert.equal((await as(undefined, '/moderation/bulk', { method: 'POST', body: JSON.stringify({ action: 'approve', ids: ['p2'] }) })).status, 401);
    assert.equal(await status('p2'), 'pending');
  });
});
