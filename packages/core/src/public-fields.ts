/**
 * What anyone may read of each public collection: the fields of the contract's public schemas (contract.ts),
 * and nothing else. A stored record may hold more (a leader's email, a post's consent record, a column a
 * campaign added for its own notes); a public read keeps only these, so the list lives in one place, the
 * schemas, for the server's API, its static mounts, `publish` and any tool that writes public files.
 */
import { ActionSchema } from './schemas/actions.js';
import { PublicChapterSchema, PublicLeaderSchema, LinkSchema } from './schemas/chapters.js';
import { PostSchema } from './schemas/posts.js';
import { QuestionSchema, SurveySchema } from './schemas/surveys.js';

/** The public collections: everything else (sign-ups, responses) is personal and never public. */
export const PUBLIC_COLLECTIONS = ['actions', 'chapters', 'posts', 'surveys'] as const;
export type PublicCollection = (typeof PUBLIC_COLLECTIONS)[number];

const fieldsOf = (schema: unknown) => Object.keys((schema as { _zod: { def: { shape: object } } })._zod.def.shape);

/** Each public collection's fields, from its schema. */
export const publicFields: Record<PublicCollection, readonly string[]> = {
  actions: fieldsOf(ActionSchema),
  chapters: fieldsOf(PublicChapterSchema),
  posts: fieldsOf(PostSchema),
  surveys: fieldsOf(SurveySchema),
};

/** Fields of records nested in a public record: a chapter's leaders and links, a survey's questions. */
const nested: Partial<Record<PublicCollection, Record<string, readonly string[]>>> = {
  chapters: { leaders: fieldsOf(PublicLeaderSchema), links: fieldsOf(LinkSchema) },
  surveys: { questions: fieldsOf(QuestionSchema) },
};

const pick = (record: Record<string, unknown>, fields: readonly string[]) => {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (record[f] !== undefined) out[f] = record[f];
  return out;
};

export const isPublicCollection = (name: string): name is PublicCollection => (PUBLIC_COLLECTIONS as readonly string[]).includes(name);

/** A record as anyone may read it: its public fields only, nested lists included. */
export function publicRecord(collection: PublicCollection, record: Record<string, unknown>): Record<string, unknown> {
  const out = pick(record, publicFields[collection]);
  for (const [field, fields] of Object.entries(nested[collection] ?? {})) {
    const list = out[field];
    if (Array.isArray(list)) out[field] = list.map((item) => (item && typeof item === 'object' ? pick(item as Record<string, unknown>, fields) : item));
  }
  return out;
}
