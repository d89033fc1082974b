/**
 * Every collection by name, with its schema and its reader: for the server, sheets, tools and tests, which
 * handle all of them. Widgets import only the readers they use, so a page with a sign-up form never
 * downloads the action or survey schemas.
 */
import { ActionSchema, actionReader } from './schemas/actions.js';
import { ChapterSchema, chapterReader } from './schemas/chapters.js';
import { PostSchema, postReader } from './schemas/posts.js';
import { SurveySchema, surveyReader } from './schemas/surveys.js';
import { SignupSchema, signupReader } from './schemas/signups.js';
import { ResponseSchema, responseReader } from './schemas/responses.js';
import { PostWriteSchema, postWriteReader } from './schemas/post-write.js';
import { ProposalSchema, proposalReader, RsvpSchema, rsvpReader } from './schemas/proposals.js';
import type { Collection, RecordOf, WriteCollection } from './schema-types.js';

/** The contract of each collection as read: strict zod schemas. */
export const schemas = {
  actions: ActionSchema,
  chapters: ChapterSchema,
  posts: PostSchema,
  surveys: SurveySchema,
  signups: SignupSchema,
  responses: ResponseSchema,
};

/** The contract of each collection as written. */
export const writeSchemas = {
  signups: SignupSchema,
  posts: PostWriteSchema,
  responses: ResponseSchema,
  proposals: ProposalSchema,
  rsvps: RsvpSchema,
};

/** How each collection is read from a source: cells coerced, then checked against its schema. */
export const readers = {
  actions: actionReader,
  chapters: chapterReader,
  posts: postReader,
  surveys: surveyReader,
  signups: signupReader,
  responses: responseReader,
};

/** How each collection is checked when written. */
export const writeReaders = {
  signups: signupReader,
  posts: postWriteReader,
  responses: responseReader,
  proposals: proposalReader,
  rsvps: rsvpReader,
} satisfies Record<WriteCollection, unknown>;

export type { Collection, RecordOf };
