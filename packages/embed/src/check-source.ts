/**
 * archipel-check.js: reads every public collection of a source the way the
 * widgets do, and says what it found: how many records, which rows were
 * skipped and why, which columns were not recognised, what failed. The demo's
 * "check your source" page uses it; a webmaster can run it on their sheet.
 *
 * A Google Sheet that anyone can read is also checked for personal data, which
 * must never be there: tabs of sign-ups or survey answers, and columns of
 * email addresses or phone numbers (a chapter's own public address aside).
 * Such a sheet is refused, with what to do in plain words.
 *
 * Several sources separated by spaces are checked one by one, each check naming its source, so that the one
 * that fails is found. A calendar (iCalendar, Mobilizon) holds actions only, and only they are checked.
 *
 * It is a build of its own (dist/archipel-check.js, one file) with its own copy of the adapters, so a source
 * kind a developer registered with the widgets' registerAdapter() is not known here: register it with this
 * file's export too.
 */
import { csvParseRows } from 'd3-dsv';
import { adapterKind, resolveAdapter, read, AdapterError, describeIssue, issueInEnglish, actionReader, chapterReader, postReader, surveyReader, type ReadResult, type Collection, type Say } from '@archipel/core';
import { headerMap } from '@archipel/core/server';

export { registerAdapter } from '@archipel/core';

const readers = { actions: actionReader, chapters: chapterReader, posts: postReader, surveys: surveyReader };
type PublicCollection = keyof typeof readers;
const PUBLIC: readonly PublicCollection[] = ['actions', 'chapters', 'posts', 'surveys'];
/** Tabs that hold nothing but personal data: with the Apps Script, they live in its private spreadsheet. */
const PERSONAL_TABS = ['signups', 'responses'] as const;

export interface CollectionCheck {
  /** The source checked: one of the addresses given. */
  source: string;
  collection: Collection;
  count: number;
  skipped: { row: number; reason: string }[];
  unknownColumns: string[];
  error?: string;
  /** Personal data that anyone can read here: the headers of the columns that hold it, or the whole tab ("*"). */
  personal?: string[];
}

/**
 * Reads every public collection of `source`; `say` words what is wrong with a row (English by default).
 * For a publicly readable Google Sheet, a tab of sign-ups or responses comes as a check of its own, and a
 * column of personal data makes its tab's check an error.
 */
export async function checkSource(source: string, say?: Say): Promise<CollectionCheck[]> {
  const parts = source.trim().split(/\s+/);
  if (parts.length > 1) return (await Promise.all(parts.map((part) => checkSource(part, say)))).flat();
  const [checks, found] = await Promise.all([Promise.all(collectionsOf(source).map((collection) => checkCollection(source, collection, say))), gvizBase(source) ? personalData(source) : undefined]);
  if (found) {
    for (const check of checks) {
      const columns = found.columns[check.collection as PublicCollection];
      if (!columns) continue;
      check.personal = columns;
      const these = columns.length > 1 ? 'these columns' : 'this column';
      const advice =
        `Anyone with this sheet's address can read the personal data in ${columns.map((c) => `"${c}"`).join(', ')}. Remove ${these} from the shared sheet.` +
        (check.collection === 'chapters' ? ' A chapter’s public address goes in its "email" column; leaders, with their names and roles only.' : '');
      check.error = check.error ? `${check.error} ${advice}` : advice;
    }
    checks.push(...found.tabs);
  }
  return checks;
}

/** The public collections a source can hold: all of them, unless its kind says fewer (a calendar's actions). */
function collectionsOf(source: string): PublicCollection[] {
  try {
    const holds = adapterKind(source).collections;
    return holds ? PUBLIC.filter((c) => holds.includes(c)) : [...PUBLIC];
  } catch {
    // Not an address: every collection's check says so.
    return [...PUBLIC];
  }
}

async function checkCollection(source: string, collection: PublicCollection, say?: Say): Promise<CollectionCheck> {
  let last: ReadResult<unknown> | undefined;
  try {
    // read() reports a source's trouble through its result; an address that is not one throws here.
    await read(resolveAdapter(source), collection, readers[collection] as never, {}, (r) => (last = r as ReadResult<unknown>), { force: true });
  } catch (e) {
    return { source, collection, count: 0, skipped: [], unknownColumns: [], error: e instanceof AdapterError ? e.message : String(e) };
  }
  return {
    source,
    collection,
    count: last?.items.length ?? 0,
    skipped: (last?.skipped ?? []).map((s) => ({ row: s.row, reason: say ? describeIssue(s.issue, say) : issueInEnglish(s.issue) })),
    unknownColumns: last?.unknownColumns ?? [],
    error: last?.error?.message,
  };
}

// ------------------------------------------------- personal data in a public sheet

interface Findings {
  tabs: CollectionCheck[];
  columns: Partial<Record<PublicCollection, string[]>>;
}

/** The Visualization API address of a Google Sheet source, or undefined for any other kind of source. */
function gvizBase(source: string): string | undefined {
  let url: URL;
  try {
    url = new URL(source, globalThis.document?.baseURI);
  } catch {
    return undefined;
  }
  const match = /^(.*)\/spreadsheets\/d\/([^/]+)/.exec(url.pathname);
  return match ? `${url.origin}${match[1]}/spreadsheets/d/${match[2]}/gviz/tq` : undefined;
}

/** A tab as anyone can download it, or undefined when the sheet is not readable by anyone (then nothing leaks from it). */
async function tabText(base: string, tab: string): Promise<string | undefined> {
  try {
    const res = await fetch(`${base}?tqx=out:csv&headers=1&sheet=${encodeURIComponent(tab)}`, { credentials: 'omit', cache: 'no-store' });
    if (res.ok && !res.headers.get('content-type')?.includes('html')) return await res.text();
  } catch {
    // Unreachable: nobody can read it from here either.
  }
  return undefined;
}

async function personalData(source: string): Promise<Findings> {
  const base = gvizBase(source)!;
  const findings: Findings = { tabs: [], columns: {} };
  // Google answers a tab that does not exist with the first tab, so a tab is there when its answer differs from
  // that of a name no tab has.
  const [none, ...answers] = await Promise.all(['archipel-no-such-tab', ...PUBLIC, ...PERSONAL_TABS].map((tab) => tabText(base, tab)));
  if (none === undefined) return findings;
  PUBLIC.forEach((collection, i) => {
    const columns = personalColumns(collection, rowsOf(answers[i]));
    if (columns.length) findings.columns[collection] = columns;
  });
  PERSONAL_TABS.forEach((collection, i) => {
    const text = answers[PUBLIC.length + i];
    if (text === undefined || text === none) return;
    const count = rowsOf(text).length - 1;
    findings.tabs.push({
      source,
      collection,
      count,
      skipped: [],
      unknownColumns: [],
      personal: ['*'],
      error: `Anyone with this sheet's address can download its "${collection}" tab (${count} ${count === 1 ? 'row' : 'rows'}). Open the sheet and click Archipel → Move personal data out of this sheet (the Apps Script's movePersonalData), or delete the tab.`,
    });
  });
  return findings;
}

function rowsOf(text = ''): string[][] {
  return csvParseRows(text).filter((row) => row.some((cell) => cell.trim()));
}

/** Email and phone headers in our three languages, compared as the widgets compare headers (no case, accents or spaces). */
const PERSONAL_HEADER = /mail|courriel|correo|phone|telefono|^tel$|mobile|movil|portable|celular|whatsapp/;
const EMAIL = /\S@\S+\.[a-z]/i;
const PHONE = /\d[\d\s().-]{7,}\d/;

/**
 * Headers of a public tab's columns that hold personal data. A column the widgets read as a public field is
 * public by design (a chapter's own address in "email"), except a chapter's leaders, who are public without
 * their addresses and phones. Any other column is personal when its header says email or phone, or when
 * most of its cells are email addresses.
 */
function personalColumns(collection: PublicCollection, [headers = [], ...rows]: string[][]): string[] {
  const fields = headerMap(readers[collection].fields);
  return headers.filter((header, i) => {
    const key = header.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');
    const values = rows.map((row) => row[i] ?? '').filter((v) => v.trim());
    const field = fields.get(key);
    if (field === 'leaders') return values.some((v) => EMAIL.test(v) || PHONE.test(v));
    return !field && key && (PERSONAL_HEADER.test(key) || (values.length && values.filter((v) => EMAIL.test(v)).length * 2 >= values.length));
  });
}
