/**
 * The relational loop on the real server: a sign-up through a share link raises the recruiter's count in their
 * private view; the same email signing up again keeps one person and the first recruiter's credit; leads and staff
 * see the top recruiters of their chapter; a stranger reads nothing of who recruited whom. The storage part runs on
 * SQLite and, when it answers, on PostgreSQL (required under ARCHIPEL_REQUIRE_POSTGRES=1).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { clientId, meta, post, postgresUnavailable, signup, startTestServer, testStorage, useDatabase, type TestServer } from './support.ts';
import { personOf } from '../../packages/server/src/recruits.ts';
import type { Storage } from '../../packages/server/src/index.ts';

const pgUnavailable = await postgresUnavailable();
const databases = [['sqlite', undefined], ['postgres', pgUnavailable]] as const;

async function join(s: TestServer, extra: Record<string, unknown>) {
  const res = await post(s.url, '/signups', { ...signup({ id: clientId('signup'), ...extra }), _meta: meta });
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as { id: string; secret: string };
}

const get = (s: TestServer, path: string, token?: string) => fetch(`${s.url}/api${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

for (const [database, unavailable] of databases) {
  const skip = unavailable && process.env.ARCHIPEL_REQUIRE_POSTGRES !== '1' ? `${unavailable}; set ARCHIPEL_TEST_POSTGRES to another server` : false;

  describe(`the loop's storage on ${database}`, { skip }, () => {
    let store: Storage;
    before(async () => {
      useDatabase(database);
      store = await testStorage();
    });
    after(async () => {
      await store.close();
      useDatabase('sqlite');
    });
    const person = (email: string) => personOf(store.keyring(), { id: 'x', email });

    it('counts the people who joined through any of a person’s codes, once each, the first recruiter only', async () => {
      const ana = person('ana@example.org');
      await store.recruits.note(ana, { id: 's-ana', email: 'ana@example.org', chapter: 'lyon', ref: 'anacode1' });
      // A recruit whose sign-up arrives before their recruiter's second one still counts once it does.
      await store.recruits.note(person('bo@example.org'), { id: 's-bo', email: 'bo@example.org', chapter: 'lyon', ref: 'bocode11', referrer: 'anacode2' });
      assert.equal(await store.recruits.count(ana), 0);
      await store.recruits.note(ana, { id: 's-ana2', email: ' ANA@example.org ', chapter: 'lyon', ref: 'anacode2' });
      assert.equal(person(' ANA@example.org '), ana);
      assert.equal(await store.recruits.count(ana), 1);
      // Bo signs up again through someone else's link: Ana keeps the credit.
      await store.recruits.note(person('Bo@Example.org'), { id: 's-bo2', email: 'Bo@Example.org', chapter: 'lyon', ref: 'bocode22', referrer: 'cycode11' });
      await store.recruits.note(person('cy@example.org'), { id: 's-cy', email: 'cy@example.org', chapter: 'nantes', ref: 'cycode11' });
      assert.equal(await store.recruits.count(person('cy@example.org')), 0);
      assert.equal(await store.recruits.count(ana), 1);
      // The same sign-up again, and a person joining through their own link, change nothing.
      await store.recruits.note(person('bo@example.org'), { id: 's-bo', email: 'bo@example.org', chapter: 'lyon', ref: 'bocode11', referrer: 'anacode2' });
      await store.recruits.note(person('di@example.org'), { id: 's-di', email: 'di@example.org', chapter: 'nantes', ref: 'dicode11', referrer: 'dicode11' });
      assert.equal(await store.recruits.count(ana), 1);
      assert.equal(await store.recruits.count(person('di@example.org')), 0);
    });

    it('ranks recruiters by chapter, and forgets an erased person', async () => {
      // Two joined through Cy (nantes), one through Ana (lyon).
      await store.recruits.note(person('ed@example.org'), { id: 's-ed', email: 'ed@example.org', chapter: 'nantes', referrer: 'cycode11' });
      await store.recruits.note(person('fa@example.org'), { id: 's-fa', email: 'fa@example.org', chapter: 'nantes', referrer: 'cycode11' });
      // The ranking reads the recruiters' sign-ups.
      await store.upsert('signups', [
        { id: 's-ana', chapter: 'lyon', name: 'Ana', email: 'ana@example.org' } as never,
        { id: 's-cy', chapter: 'nantes', name: 'Cy', email: 'cy@example.org' } as never,
      ]);
      const all = await store.recruits.top({ limit: 10 });
      assert.deepEqual(all.map((r) => [JSON.parse(r.signup).name, r.recruits]), [['Cy', 2], ['Ana', 1]]);
      const lyon = await store.recruits.top({ chapter: 'lyon', limit: 10 });
      assert.deepEqual(lyon.map((r) => [JSON.parse(r.signup).name, r.recruits]), [['Ana', 1]]);
      await store.recruits.forget(['s-cy']);
      assert.deepEqual((await store.recruits.top({ limit: 10 })).map((r) => JSON.parse(r.signup).name), ['Ana']);
      assert.equal(await store.recruits.count(person('cy@example.org')), 0);
    });
    it('notes a sign-up’s person with its insert, on a retry too, never for a conflicting body', async () => {
      const recruiter = person('gus@example.org');
      await store.recruits.note(recruiter, { id: 's-gus', email: 'gus@example.org', ref: 'guscode1' });
      const write = (s: { id: string; email: string; ref: string; referrer?: string }, bodyHash: string) =>
        store.insertOnce('signups', s, { bodyHash, recruit: { person: person(s.email), signup: s } }, { id: s.id, status: 'stored' });
      const ha = { id: 's-ha', email: 'ha@example.org', ref: 'hacode11', referrer: 'guscode1' };
      assert.deepEqual(await write(ha, 'h1'), { receipt: '{"id":"s-ha","status":"stored"}', created: true, conflict: false });
      assert.equal(await store.recruits.count(recruiter), 1);
      // Another body under the same id is refused, and its person, their code and their recruiter are not noted.
      const other = { id: 's-ha', email: 'io@example.org', ref: 'iocode11', referrer: 'guscode1' };
      assert.equal((await write(other, 'h2')).conflict, true);
      assert.equal(await store.recruits.count(recruiter), 1);
      await store.recruits.note(person('ju@example.org'), { id: 's-ju', email: 'ju@example.org', referrer: 'iocode11' });
      assert.equal(await store.recruits.count(person('io@example.org')), 0);
      // A sign-up stored before its person was noted (an older server stopped between the two): its retry notes them.
      await store.insertOnce('signups', { id: 's-ka', email: 'ka@example.org' } as never, { bodyHash: 'h3' }, { id: 's-ka', status: 'stored' });
      const ka = { id: 's-ka', email: 'ka@example.org', ref: 'kacode11', referrer: 'guscode1' };
      assert.equal((await write(ka, 'h3')).created, false);
      assert.equal(await store.recruits.count(recruiter), 2);
    });
  });

  describe(`a sign-up through a share link, on ${database}`, { skip }, () => {
    let s: TestServer;
    let lyonLead: string;
    let nantesLead: string;
    before(async () => {
      useDatabase(database);
      s = await startTestServer();
      lyonLead = await s.store.createToken('Amina (Lyon)', { chapter: 'lyon' });
      nantesLead = await s.store.createToken('Noé (Nantes)', { chapter: 'nantes' });
    });
    after(async () => {
      await s.close();
      useDatabase('sqlite');
    });

    it('raises the recruiter’s count once a person, keeping the first recruiter', async () => {
      const zoe = await join(s, { name: 'Zoé Recruteuse', email: 'zoe.recruteuse@example.org', chapter: 'lyon', ref: 'zoecode7' });
      await join(s, { name: 'Yann', email: 'yann@example.org', chapter: 'lyon', ref: 'yanncod7' });
      const max = await join(s, { name: 'Max Recrue', email: 'max.recrue@example.org', chapter: 'lyon', ref: 'maxcode7', referrer: 'zoecode7' });
      // Max again, other case, through Yann's link; then Max's first sign-up retried.
      await join(s, { name: 'Max', email: 'MAX.Recrue@example.org', chapter: 'lyon', ref: 'maxcode8', referrer: 'yanncod7' });
      await join(s, { name: 'Ola', email: 'ola@example.org', chapter: 'lyon', referrer: 'zoecode7' });
      const counts = await (await get(s, '/console/recruiters', lyonLead)).json();
      assert.deepEqual(
        counts.items.map((r: { name: string; recruits: number }) => [r.name, r.recruits]),
        [['Zoé Recruteuse', 2]],
      );
      if (database === 'sqlite') {
        const mine = await (await post(s.url, '/me', { secret: zoe.secret })).json();
        assert.equal(mine.recruits, 2);
        // Only a count: nothing of who they are.
        assert.doesNotMatch(JSON.stringify(mine), /max\.recrue|Max Recrue|ola@/i);
        const maxs = await (await post(s.url, '/me', { secret: max.secret })).json();
        assert.equal(maxs.recruits, 0);
      }
    });

    it('shows a chapter’s lead their chapter’s recruiters only, and staff every chapter', async () => {
      assert.equal((await get(s, '/console/recruiters?chapter=lyon', nantesLead)).status, 403);
      const nantes = await (await get(s, '/console/recruiters', nantesLead)).json();
      assert.deepEqual(nantes.items, []);
      const staff = await get(s, '/console/recruiters', s.token);
      assert.equal(staff.status, 200);
      assert.equal(staff.headers.get('cache-control'), 'private, no-store');
      assert.deepEqual((await staff.json()).items.map((r: { email: string }) => r.email), ['zoe.recruteuse@example.org']);
      const log = await s.store.accessLog();
      assert.ok(log.some((e) => e.who === 'Amina (Lyon)' && e.what === 'top recruiters (chapter lyon)'));
    });

    it('lets a stranger read nothing of who recruited whom', async () => {
      for (const [path, token] of [['/console/recruiters', undefined], ['/console/recruiters?chapter=lyon', 'arch_not-a-token']] as const) {
        const res = await get(s, path, token);
        assert.equal(res.status, 401);
        assert.doesNotMatch(await res.text(), /zoe|recrue/i);
      }
      for (const path of ['/signups', '/chapters/lyon', '/chapters']) assert.doesNotMatch(await (await get(s, path)).text(), /zoecode7|zoe\.recruteuse|max\.recrue/i);
      if (database === 'sqlite') assert.equal((await post(s.url, '/me', { secret: 'me_guessing-a-secret-here' })).status, 403);
    });
  });
}
