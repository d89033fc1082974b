/** Collection names and their record types, without importing any schema code. */
import type { Output } from './schema-kit.js';
import type { ActionSchema } from './schemas/actions.js';
import type { ChapterSchema } from './schemas/chapters.js';
import type { PostSchema } from './schemas/posts.js';
import type { SurveySchema } from './schemas/surveys.js';
import type { SignupSchema } from './schemas/signups.js';
import type { ResponseSchema } from './schemas/responses.js';

interface Schemas {
  actions: typeof ActionSchema;
  chapters: typeof ChapterSchema;
  posts: typeof PostSchema;
  surveys: typeof SurveySchema;
  signups: typeof SignupSchema;
  responses: typeof ResponseSchema;
}

/** Every collection a source can be read from (sign-ups and responses with a staff token only). */
export type Collection = keyof Schemas;
/** The collections a source can be written to. */
export type WriteCollection = 'signups' | 'posts' | 'responses';
export type RecordOf<C extends Collection> = Output<Schemas[C]>;
/** A schema as parse() needs it: a record schema made by schema-kit. */
export type SchemaOf<C extends Collection> = Schemas[C];
