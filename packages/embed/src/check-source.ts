/**
 * archipel-check.js: reads every public collection of a source the way the
 * widgets do, and says what it found: how many records, which rows were
 * skipped and why, which columns were not recognised, what failed. The demo's
 * "check your source" page uses it; a webmaster can run it on their sheet.
 *
 * It is a build of its own (dist/archipel-check.js, one file) with its own copy of the adapters, so a source
 * kind a developer registered with the widgets' registerAdapter() is not known here: register it with this
 * file's export too.
 */
import { resolveAdapter, read, AdapterError, describeIssue, issueInEnglish, actionReader, chapterReader, postReader, surveyReader, type ReadResult, type Collection, type Say } from '@archipel/core';

export { registerAdapter } from '@archipel/core';

const readers = { actions: actionReader, chapters: chapterReader, posts: postReader, surveys: surveyReader };


export interface CollectionCheck {
  collection: Collection;
  count: number;
  skipped: { row: number; reason: string }[];
  unknownColumns: string[];
  error?: string;
}

/** Reads every public collection of `source`; `say` words what is wrong with a row (English by default). */
export async function checkSource(source: string, say?: Say): Promise<CollectionCheck[]> {
  const collections = ['actions', 'chapters', 'posts', 'surveys'] as const;
  return Promise.all(
    collections.map(async (collection) => {
      let last: ReadResult<unknown> | undefined;
      try {
        // read() reports a source's trouble through its result; an address that is not one throws here.
        await read(resolveAdapter(source), collection, readers[collection] as never, {}, (r) => (last = r as ReadResult<unknown>), { force: true });
      } catch (e) {
        return { collection, count: 0, skipped: [], unknownColumns: [], error: e instanceof AdapterError ? e.message : String(e) };
      }
      return {
        collection,
        count: last?.items.length ?? 0,
        skipped: (last?.skipped ?? []).map((s) => ({ row: s.row, reason: say ? describeIssue(s.issue, say) : issueInEnglish(s.issue) })),
        unknownColumns: last?.unknownColumns ?? [],
        error: last?.error?.message,
      };
    }),
  );
}
