/** Loading records into a database from JSON files: seeding, imports, the demo campaign. */
import { describeIssue, headerMap, parseCollection, readers } from '@archipel/core/server';
import type { Storage } from './storage.js';

const MEDIA = ['image', 'logo', 'video'] as const;

/**
 * Loads records into a database from JSON (seeding, imports); returns counts and skipped rows per collection.
 * Relative media paths ("images/x.svg", as a folder of JSON files holds them) are resolved against
 * `baseUrl`, the address where those files are published, so they still work when read through the API.
 */
export async function importRecords(store: Storage, data: Partial<Record<'actions' | 'chapters' | 'posts' | 'surveys' | 'responses', unknown[]>>, { baseUrl }: { baseUrl?: string } = {}) {
  const report: Record<string, { stored: number; skipped: { row: number; reason: string }[] }> = {};
  for (const [collection, rows] of Object.entries(data) as [keyof typeof readers, unknown[]][]) {
    if (!rows) continue;
    const parsed = parseCollection(collection, readers[collection] as never, rows, { aliases: headerMap });
    const located = baseUrl
      ? (parsed.items as Record<string, unknown>[]).map((item) => {
          const out = { ...item };
          for (const key of MEDIA) {
            const v = out[key];
            if (typeof v === 'string' && !/^[a-z][a-z0-9+.-]*:|^\//i.test(v)) out[key] = new URL(v, new URL(baseUrl, 'http://base.invalid')).href.replace('http://base.invalid', '');
          }
          return out;
        })
      : parsed.items;
    // Imported posts were curated by whoever wrote the file: without a status they are approved.
    const items = collection === 'posts' ? (located as { status?: string }[]).map((p) => ({ ...p, status: p.status ?? 'approved' })) : located;
    await store.upsert(collection, items as never);
    report[collection] = { stored: parsed.items.length, skipped: parsed.skipped.map((s) => ({ row: s.row, reason: describeIssue(s.issue) })) };
  }
  return report;
}
