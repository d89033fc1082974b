/**
 * A Google Sheet shared with "Anyone with the link", read without any key
 * through the Visualization API (gviz), which answers cross-origin. Each
 * collection is the tab of the same name. Read-only: writing needs the Apps
 * Script (apps-script.ts).
 *
 * Every visitor's browser shares the sheet's quota, so reads are cached and
 * never repeated within `interval` seconds (60 by default; `#interval=120` at
 * the end of the source sets it), identical reads in flight are shared (in
 * read.ts), and a 429 makes the adapter wait, doubling each time, before it
 * asks again; meanwhile widgets show what they saved.
 *
 * Source options, after `#`: `interval=<seconds>`, `format=json` (gviz JSON,
 * whose dates are exact whatever the sheet's locale) instead of CSV.
 */
import { csvParseRows } from 'd3-dsv';
import type { Adapter, ListResponse } from '../adapter.js';
import type { Collection } from '../schema-types.js';
import { AdapterError } from '../errors.js';
import { request } from '../http.js';
import { groupSurveyRows } from './survey-rows.js';

const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(.*)$/;

/**
 * Dates as gviz prints them follow the sheet's locale: 12/5/2026 is 5 December
 * in France and 12 May in the United States. Within a column the order is the
 * same, so one value with a second number above 12 tells month-first; such
 * columns are rewritten day-first, the order the schemas read.
 */
export function normaliseDayMonth(rows: Record<string, string>[]): void {
  const columns = new Set<string>();
  for (const row of rows) for (const [k, v] of Object.entries(row)) if (Number(SLASHED.exec(v)?.[2]) > 12) columns.add(k);
  for (const row of rows) {
    for (const k of columns) {
      const m = SLASHED.exec(row[k] ?? '');
      if (m) row[k] = `${m[2]}/${m[1]}/${m[3]}${m[4]}`;
    }
  }
}

/** Rows of a gviz JSON answer (`google.visualization.Query.setResponse({...});`), keyed by column label. */
export function parseGvizJson(text: string, tab: string): Record<string, unknown>[] {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  let body: {
    status: string;
    errors?: { reason: string; detailed_message?: string; message?: string }[];
    table?: { cols: { label: string; id: string }[]; rows: { c: ({ v: unknown; f?: string } | null)[] }[] };
  };
  try {
    body = JSON.parse(text.slice(start, end + 1));
  } catch {
    throw new AdapterError('config', `The sheet did not answer data for the tab "${tab}". Is it shared with "Anyone with the link"?`);
  }
  if (body.status === 'error') {
    const e = body.errors?.[0];
    throw new AdapterError('config', `Google Sheets says: ${e?.detailed_message ?? e?.message ?? e?.reason}. Check that a tab named "${tab}" exists.`);
  }
  const cols = body.table?.cols ?? [];
  return (body.table?.rows ?? []).map((r) => {
    const row: Record<string, unknown> = {};
    cols.forEach((col, i) => {
      const cell = r.c[i];
      if (cell && cell.v !== null && cell.v !== undefined) row[col.label || col.id] = cell.v;
    });
    return row;
  });
}

export class SheetsAdapter implements Adapter {
  readonly kind = 'sheets';
  readonly writable = false;
  readonly freshFor: number;
  private readonly base: string;
  private readonly format: 'csv' | 'json';
  private pauseUntil = 0;
  private pause = 0;

  constructor(readonly source: string) {
    const url = new URL(source);
    const match = /^(.*)\/spreadsheets\/d\/([^/]+)/.exec(url.pathname);
    if (!match) throw new AdapterError('config', `${source} is not a Google Sheet address (…/spreadsheets/d/<id>/…).`);
    const options = new URLSearchParams(url.hash.slice(1));
    this.freshFor = Math.max(10, Number(options.get('interval')) || 60);
    this.format = options.get('format') === 'json' ? 'json' : 'csv';
    this.base = `${url.origin}${match[1]}/spreadsheets/d/${match[2]}/gviz/tq`;
  }

  async list(collection: Collection): Promise<ListResponse> {
    if (collection === 'signups' || collection === 'responses') {
      throw new AdapterError('unauthorized', 'A shared sheet only shows public data. Staff views need the Apps Script address as source (see the README).');
    }
    const wait = Math.ceil((this.pauseUntil - Date.now()) / 1000);
    if (wait > 0) throw new AdapterError('network', `Google Sheets asked us to slow down; trying again in ${wait} s.`, 429, wait);
    const url = `${this.base}?tqx=out:${this.format}&headers=1&sheet=${encodeURIComponent(collection)}`;
    let res: Response;
    try {
      res = await request(url, { cache: 'no-cache' });
    } catch (e) {
      const err = e as AdapterError;
      if (err.status === 429) {
        this.pause = Math.min(15 * 60, this.pause ? this.pause * 2 : 60);
        this.pauseUntil = Date.now() + Math.max(this.pause, err.retryAfter ?? 0) * 1000;
      }
      if (err.kind === 'network' && err.status === undefined && globalThis.navigator?.onLine !== false) {
        throw new AdapterError('network', `Could not read the Google Sheet. If you are online, check that it is shared: Share → General access → "Anyone with the link" (Viewer).`);
      }
      throw err;
    }
    this.pause = 0;
    if ((res.headers.get('content-type') ?? '').includes('text/html')) {
      throw new AdapterError('config', 'Google answered a sign-in page: the sheet is not shared. Share → General access → "Anyone with the link" (Viewer).');
    }
    const text = await res.text();
    const rows = this.format === 'json' ? parseGvizJson(text, collection) : this.csvRows(text);
    return { rows: collection === 'surveys' ? groupSurveyRows(rows) : rows, firstRow: 2 };
  }

  /**
   * Rows keyed by their column's header. d3-dsv's csvParse builds each row with `new Function`, which a page
   * with a strict Content-Security-Policy forbids; csvParseRows gives plain arrays.
   */
  private csvRows(text: string): Record<string, string>[] {
    const [headers = [], ...cells] = csvParseRows(text.replace(/^\ufeff/, ''));
    const rows = cells.map((line) => Object.fromEntries(headers.map((h, i) => [h, line[i] ?? ''])));
    normaliseDayMonth(rows);
    return rows;
  }

  submit(): Promise<never> {
    return Promise.reject(
      new AdapterError('readonly', 'This Google Sheet can only be read. To collect sign-ups, posts or answers, deploy the Apps Script and use its /exec address as source (see the README).'),
    );
  }
}
