/** Collection names and their record types, without importing any schema code. */
import type * as z from 'zod/mini';
import type { actionReader } from './schemas/actions.js';
import type { chapterReader } from './schemas/chapters.js';
import type { postReader } from './schemas/posts.js';
import type { surveyReader } from './schemas/surveys.js';
import type { signupReader } from './schemas/signups.js';
import type { responseReader } from './schemas/responses.js';

interface Readers {
  actions: typeof actionReader;
  chapters: typeof chapterReader;
  posts: typeof postReader;
  surveys: typeof surveyReader;
  signups: typeof signupReader;
  responses: typeof responseReader;
}

/** Every collection a source can be read from (sign-ups and responses with a staff token only). */
export type Collection = keyof Readers;
/** The collections a source can be written to. */
export type WriteCollection = 'signups' | 'posts' | 'responses' | 'proposals' | 'rsvps';
/** A collection's reader, as `read()` and `parseCollection()` take it. */
export type ReaderOf<C extends Collection> = Readers[C];
export type RecordOf<C extends Collection> = z.output<Readers[C]['schema']>;
