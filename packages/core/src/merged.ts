/** Several sources read as one; loaded only on pages whose `source` names more than one. */
import type { Adapter, ListResponse, Query, SubmitMeta, SubmitResult } from './adapter.js';
import type { Collection, WriteCollection } from './schema-types.js';
import { AdapterError } from './errors.js';
import { sourceLabel } from './provenance.js';
import { warnOnce } from './warn.js';

/** Several sources read as one: rows keep their `origin`, writes go to the first writable one. */
export class MergedAdapter implements Adapter {
  readonly kind = 'merged';
  readonly writable: boolean;
  readonly filters: boolean;
  readonly freshFor?: number;

  constructor(
    readonly source: string,
    readonly parts: Adapter[],
  ) {
    this.writable = parts.some((p) => p.writable);
    this.filters = parts.every((p) => p.filters);
    this.freshFor = Math.max(0, ...parts.map((p) => p.freshFor ?? 0)) || undefined;
  }

  async list(collection: Collection, query?: Query): Promise<ListResponse> {
    const settled = await Promise.allSettled(this.parts.map((p) => p.list(collection, query)));
    const rows: unknown[] = [];
    const removed: string[] = [];
    const failures: ListResponse['failures'] = [];
    let filtered = true;
    settled.forEach((s, i) => {
      const origin = this.parts[i]!.source;
      if (s.status === 'rejected') {
        const message = (s.reason as Error).message;
        failures.push({ source: origin, message });
        warnOnce(`merged:${origin}`, `One of the merged sources could not be read; the others are shown without it. ${message.replace(/([^.])$/, '$1.')} Check ${origin} with the source checker (archipel-check.js), or remove it from the source attribute.`);
        return;
      }
      filtered &&= Boolean(s.value.filtered);
      removed.push(...(s.value.removed ?? []));
      // A row that does not say where it was published was published by its source, named as supporters can tell
      // it apart (its site, or the part of the address that differs), when it has a name at all.
      const label = sourceLabel(origin, this.parts.map((p) => p.source));
      const published = label && label !== origin ? { origins: [{ label }] } : {};
      for (const row of s.value.rows) rows.push(row && typeof row === 'object' ? { ...published, ...row, origin } : row);
    });
    if (failures.length === this.parts.length) throw (settled[0] as PromiseRejectedResult).reason;
    return { rows, filtered, removed, failures };
  }

  submit(collection: WriteCollection, record: object, meta?: SubmitMeta): Promise<SubmitResult> {
    const target = this.parts.find((p) => p.writable);
    if (!target) return Promise.reject(new AdapterError('readonly', 'None of these sources accepts writes.'));
    return target.submit(collection, record, meta);
  }

  subscribe(collection: Collection, onChange: () => void): () => void {
    const offs = this.parts.map((p) => p.subscribe?.(collection, onChange));
    return () => offs.forEach((off) => off?.());
  }
}
