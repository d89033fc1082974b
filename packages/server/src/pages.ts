/** Lists as pages: the records, and the cursor of the next page (the last row's sequence number) when this one is full. */
import type { Row } from './db.js';

export interface Page {
  items: unknown[];
  next: string | null;
  removed?: string[];
}

export function page(rows: Row[], limit: number, map: (data: Record<string, unknown>) => unknown = (d) => d): Page {
  const items = rows.map((r) => map(JSON.parse(r.data) as Record<string, unknown>));
  const next = rows.length === limit ? String(rows.at(-1)!.seq) : null;
  return { items, next };
}
