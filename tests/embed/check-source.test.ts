import { expect } from '@open-wc/testing';
import { checkSource } from '../../packages/embed/src/check-source.ts';
import { registerAdapter } from '../../packages/core/src/adapter.ts';
import { SheetsAdapter } from '../../packages/core/src/adapters/sheets.ts';

// The test server mounts Google's formats under /__google/; teach resolution that, as one would for a proxy.
registerAdapter({ kind: 'sheets', writable: false, test: (u) => u.pathname.startsWith('/__google/spreadsheets/d/'), create: (s) => new SheetsAdapter(s) });

describe('checking a source before pasting it into a widget', () => {
  it('reports, per collection, what was read, what was skipped and why, and what failed', async () => {
    const report = await checkSource(new URL('../fixtures/json-folder/', import.meta.url).href);
    const by = Object.fromEntries(report.map((r) => [r.collection, r]));
    expect(by.actions!.count).to.equal(3);
    expect(by.actions!.skipped.map((s) => s.row)).to.deep.equal([3, 4]);
    expect(by.chapters!.count).to.equal(2);
    expect(by.posts!.error).to.match(/posts\.json \(404\)/);
  });

  it('names the unrecognised columns of a Google Sheet tab', async () => {
    const report = await checkSource(`${location.origin}/__google/spreadsheets/d/sheet-us/edit`);
    const chapters = report.find((r) => r.collection === 'chapters')!;
    expect(chapters.error).to.match(/No row has a "name" column/);
  });
});
