/**
 * Public JSON files hold public data only: `archipel-server publish DIR` writes them from a database holding
 * personal data, and the demo's own public folder holds none.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publicRecord, isPublicCollection } from '../../packages/core/src/server.ts';
import { importRecords, openDb, SqliteStorage, Store } from '../../packages/server/src/index.ts';
import { consent, seed, signup } from './support.ts';

describe('archipel-server publish DIR', () => {
  it('writes the public collections with public fields and approved posts only', async () => {
    const dir = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'archipel-publish-'));
    const db = join(dir, 'campaign.db');
    const store = new Store(openDb(db));
    await importRecords(new SqliteStorage(store.db), seed);
    store.upsert('chapters', [{ ...seed.chapters[1]!, notes: 'NOTE-PRIVEE', leaders: [{ name: 'Marc', email: 'marc@example.org', phone: '+33 6 00 00 00 01' }] }] as never);
    store.insertOnce('signups', signup({ email: 'zoe@example.org' }), {}, {});
    const answer = { id: 'resp-contact', survey: 'pret', answers: { role: 'nouveau' }, contact: { email: 'contact@example.org', consent: consent()[0] }, created: new Date().toISOString() };
    store.insertOnce('responses', answer, {}, {});
    store.db.close();
    const out = join(dir, 'public');
    const said = execFileSync(process.execPath, ['--import', 'tsx', 'packages/server/src/cli.ts', 'publish', out, '--db', db], { encoding: 'utf8' });
    assert.match(said, /3 actions, 2 chapters, 1 posts, 2 surveys/);
    assert.deepEqual(readdirSync(out).sort(), ['actions.json', 'chapters.json', 'posts.json', 'surveys.json']);
    const text = readdirSync(out).map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
    for (const secret of ['lea@example.org', 'marc@example.org', '+33 6 00 00 00 01', 'NOTE-PRIVEE', 'zoe@example.org', 'contact@example.org', 'Still pending', 'Hidden']) assert.ok(!text.includes(secret), secret);
    const chapters = JSON.parse(readFileSync(join(out, 'chapters.json'), 'utf8')) as { id: string; leaders?: unknown[] }[];
    assert.deepEqual(chapters.find((c) => c.id === 'nantes')!.leaders, [{ name: 'Marc' }]);
  });
});

describe('the demo’s public folder (demo/data)', () => {
  it('holds the public collections with public fields only, and no sign-ups or responses', () => {
    const files = readdirSync('demo/data').filter((f) => f.endsWith('.json'));
    assert.deepEqual(files.sort(), ['actions.json', 'chapters.json', 'posts.json', 'surveys.json']);
    for (const file of files) {
      const collection = file.slice(0, -5);
      assert.ok(isPublicCollection(collection));
      for (const record of JSON.parse(readFileSync(join('demo/data', file), 'utf8')) as Record<string, unknown>[]) {
        assert.deepEqual(record, publicRecord(collection, record), `${file}: ${String(record.id)}`);
      }
    }
    const text = files.map((f) => readFileSync(join('demo/data', f), 'utf8')).join('\n');
    // Chapters' own addresses are public (lyon@vagueclimat…); a person's (first.last@…) is not.
    assert.doesNotMatch(text, /"[a-z-]+\.[a-z.-]+@/);
    assert.ok(!existsSync('demo/data/responses.json') && !existsSync('demo/data/signups.json'));
  });
});
