/**
 * A map's view of a large campaign (#23): `GET /api/actions?bbox=w,s,e,n` gives the actions inside the box,
 * in pages, through an index, and the first page of any list of actions says how many there are in all
 * (`total`). On SQLite, and on PostgreSQL when one answers (required with ARCHIPEL_REQUIRE_POSTGRES=1).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { importRecords, SqliteStorage } from '../../packages/server/src/index.ts';
import { coordinate } from '../../packages/server/src/storage-postgres.ts';
import { POSTGRES_URL, postgresUnavailable, startTestServer, useDatabase, type TestDatabase, type TestServer } from './support.ts';

/** A grid of actions one degree apart over Western Europe: lat 40…51, lng -5…9, and a few with no place. */
const grid = () => {
  const out: Record<string, unknown>[] = [];
  for (let lat = 40; lat <= 51; lat++) for (let lng = -5; lng <= 9; lng++) out.push({ id: `g${lat}_${lng}`, title: `Action ${lat} ${lng}`, start: '2031-05-01T10:00:00Z', lat, lng });
  out.push({ id: 'online', title: 'En ligne', start: '2031-05-01T10:00:00Z', virtual: true });
  // Across the 180th meridian, for a box whose west edge lies east of its east edge.
  out.push({ id: 'fiji', title: 'Suva', start: '2031-05-01T10:00:00Z', lat: -18.1, lng: 178.4 }, { id: 'samoa', title: 'Apia', start: '2031-05-01T10:00:00Z', lat: -13.8, lng: -171.8 });
  return out;
};

const get = async (server: TestServer, query: string) => {
  const res = await fetch(`${server.url}/api/actions?${query}`);
  return { status: res.status, body: (await res.json()) as { items: { id: string; lat?: number; lng?: number }[]; next: string | null; total?: number; detail?: string; title?: string } };
};

const unavailable = await postgresUnavailable();
const databases: TestDatabase[] = ['sqlite', ...(unavailable ? [] : (['postgres'] as const))];
if (unavailable && process.env.ARCHIPEL_REQUIRE_POSTGRES === '1') it('bbox reads on PostgreSQL (required by ARCHIPEL_REQUIRE_POSTGRES=1)', () => assert.fail(unavailable));
else if (unavailable) it('bbox reads on PostgreSQL', { skip: `${unavailable}; set ARCHIPEL_TEST_POSTGRES to another server` }, () => {});

for (const database of databases) {
  describe(`actions in a box of the map, on ${database}`, () => {
    let server: TestServer;
    before(async () => {
      useDatabase(database);
      server = await startTestServer();
      await importRecords(server.store, { actions: grid() });
    });
    after(async () => {
      await server.close();
      useDatabase('sqlite');
    });

    it('gives only the actions inside the box, edges included', async () => {
      const { status, body } = await get(server, 'bbox=2,43,4.5,45');
      assert.equal(status, 200);
      const ids = body.items.map((a) => a.id).sort();
      // lat 43, 44, 45 × lng 2, 3, 4.
      assert.deepEqual(ids, ['g43_2', 'g43_3', 'g43_4', 'g44_2', 'g44_3', 'g44_4', 'g45_2', 'g45_3', 'g45_4']);
      assert.equal(body.total, 9);
      assert.equal(body.next, null);
    });

    it('pages through a box as through any list, and says the total on the first page only', async () => {
      const first = await get(server, 'bbox=-5,40,9,51&limit=50');
      assert.equal(first.body.items.length, 50);
      assert.equal(first.body.total, 12 * 15);
      const seen = new Set(first.body.items.map((a) => a.id));
      let next = first.body.next;
      while (next) {
        const page = await get(server, `bbox=-5,40,9,51&limit=50&cursor=${next}`);
        assert.equal(page.body.total, undefined, 'a later page does not count again');
        page.body.items.forEach((a) => seen.add(a.id));
        next = page.body.next;
      }
      assert.equal(seen.size, 12 * 15);
    });

    it('crosses the 180th meridian when the west edge is east of the east edge', async () => {
      const { body } = await get(server, 'bbox=170,-25,-165,-5');
      assert.deepEqual(body.items.map((a) => a.id).sort(), ['fiji', 'samoa']);
    });

    it('says how many actions a whole list holds on its first page, with or without a box', async () => {
      const { body } = await get(server, 'limit=10');
      // The three seeded actions, the grid, the online one and the two in the Pacific.
      assert.equal(body.total, 3 + 12 * 15 + 3);
      assert.equal(body.items.length, 10);
    });

    it('refuses a box it cannot read, saying what a box is', async () => {
      for (const bad of ['1,2,3', '2,45,4,43', 'a,b,c,d', '-190,0,0,10', '0,-95,10,0']) {
        const { status, body } = await get(server, `bbox=${encodeURIComponent(bad)}`);
        assert.equal(status, 400, bad);
        assert.match(body.detail ?? '', /west,south,east,north/, bad);
      }
    });

    it('reads the box through the index on latitude', async () => {
      if (server.store instanceof SqliteStorage) {
        const plan = server.store.db
          .prepare("EXPLAIN QUERY PLAN SELECT * FROM items WHERE collection = 'actions' AND json_extract(data, '$.lat') BETWEEN 43 AND 45 ORDER BY seq LIMIT 1000")
          .all() as { detail: string }[];
        assert.match(plan.map((p) => p.detail).join('\n'), /items_by_lat/);
        return;
      }
      const client = new pg.Client(POSTGRES_URL);
      await client.connect();
      try {
        // Too few rows for the planner to prefer an index by itself: told to avoid scanning the table, it shows it can.
        await client.query(`SET search_path TO ${(server.store as unknown as { schema: string }).schema}`);
        await client.query('SET enable_seqscan = off');
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT * FROM items WHERE collection = 'actions' AND (${coordinate('lat')}) BETWEEN 43 AND 45`);
        assert.match(rows.map((r) => r['QUERY PLAN']).join('\n'), /items_by_lat/);
      } finally {
        await client.end();
      }
    });
  });
}
