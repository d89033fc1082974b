/**
 * Every collection by name, with its schema: for servers, sheets and tests,
 * which handle all of them. Widgets import only the schemas they read, so a
 * page with a sign-up form never downloads the action or survey schemas.
 */
import type { Field } from './schema-kit.js';
import { ActionSchema } from './schemas/actions.js';
import { ChapterSchema } from './schemas/chapters.js';
import { PostSchema } from './schemas/posts.js';
import { SurveySchema } from './schemas/surveys.js';
import { SignupSchema } from './schemas/signups.js';
import { ResponseSchema } from './schemas/responses.js';
import { PostWriteSchema } from './schemas/post-write.js';
import type { Collection, RecordOf } from './schema-types.js';

/** How each collection is read. */
export const schemas = {
  actions: ActionSchema,
  chapters: ChapterSchema,
  posts: PostSchema,
  surveys: SurveySchema,
  signups: SignupSchema,
  responses: ResponseSchema,
} satisfies Record<Collection, Field<unknown, any>>;

/** How each collection is written. */
export const writeSchemas = {
  signups: SignupSchema,
  posts: PostWriteSchema,
  responses: ResponseSchema,
};

export type { Collection, RecordOf };
