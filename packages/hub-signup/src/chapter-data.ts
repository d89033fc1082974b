/**
 * The data behind the chapter field: the chapters to choose from and, to
 * place a postcode, the actions (chapters rarely carry a postcode of their
 * own). A chunk of its own, loaded only by forms that show the chapter field,
 * so the default form does not pay for these schemas.
 */
import { CollectionController, type ArchipelElement, chapterReader, actionReader } from '@archipel/core';
import { locate, nearest } from './nearest.js';

export interface ChapterData {
  chapters: CollectionController<'chapters'>;
  /** The chapter nearest to a postcode, if the data can place it. */
  nearestTo(postcode: string): string | undefined;
}

/** `wantsPlaces` says when a postcode has been typed: actions are read only from then on. */
export function chapterData(host: ArchipelElement<string>, wantsPlaces: () => boolean): ChapterData {
  const chapters = new CollectionController(host, 'chapters', chapterReader);
  const actions = new CollectionController(host, 'actions', actionReader, () => (wantsPlaces() ? {} : undefined));
  return {
    chapters,
    nearestTo(postcode) {
      const at = locate(postcode, [...chapters.items, ...actions.items]);
      return at && nearest(at, chapters.items)?.id;
    },
  };
}
