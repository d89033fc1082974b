/**
 * `archipel-server publish DIR`: the public JSON files a folder-of-files source serves (actions.json,
 * chapters.json, posts.json, surveys.json), written from the database with each collection's public fields only
 * and approved posts only, so a campaign can publish on any static host what the API would give a stranger.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLIC_COLLECTIONS, publicRecord } from '@archipel/core/server';
import type { Storage } from './storage.js';

const PAGE = 5000;

/** Writes the public files into `dir`; returns how many records each holds. */
export async function publish(store: Storage, dir: string): Promise<Record<string, number>> {
  mkdirSync(dir, { recursive: true });
  const counts: Record<string, number> = {};
  for (const collection of PUBLIC_COLLECTIONS) {
    const records: Record<string, unknown>[] = [];
    for (let after: number | undefined; ; ) {
      const rows = await store.list(collection, { limit: PAGE, after, status: collection === 'posts' ? ['approved'] : undefined });
      for (const row of rows) records.push(publicRecord(collection, JSON.parse(row.data) as Record<string, unknown>));
      if (rows.length < PAGE) break;
      after = rows.at(-1)!.seq;
    }
    writeFileSync(join(dir, `${collection}.json`), `${JSON.stringify(records, null, 2)}\n`);
    counts[collection] = records.length;
  }
  return counts;
}
