/**
 * The REST contract's record schemas, by the names the OpenAPI document gives them: the zod schemas every
 * widget and the reference server use, registered once. `scripts/openapi.ts` writes them into
 * packages/server/openapi.yaml with `z.toJSONSchema()`, beside the hand-written prose.
 */
import * as z from 'zod/mini';
import { slug, clientId, instant, country, colour, timeZone, lang } from './schemas/fields.js';
import { ActionSchema, ActionTranslationSchema } from './schemas/actions.js';
import { ChapterTranslationSchema, LinkSchema, PublicChapterSchema, PublicLeaderSchema } from './schemas/chapters.js';
import { PostSchema, PostTranslationSchema } from './schemas/posts.js';
import { QuestionSchema, QuestionTranslationSchema, SurveySchema, SurveyTranslationSchema } from './schemas/surveys.js';
import { ConsentSchema } from './schemas/consent.js';
import { SignupSchema, UtmSchema } from './schemas/signups.js';
import { PostWriteSchema } from './schemas/post-write.js';
import { AnswerSchema, ContactSchema, ResponseSchema } from './schemas/responses.js';
import { ProposalSchema, ProposerSchema, RsvpSchema } from './schemas/proposals.js';

export const contract = z.registry<{ id: string }>();

/** Each schema with its name in the contract. */
export const named: readonly [schema: z.core.$ZodType, name: string][] = [
  [slug, 'Slug'],
  [clientId, 'ClientId'],
  [instant, 'Instant'],
  [country, 'Country'],
  [colour, 'Colour'],
  [timeZone, 'TimeZone'],
  [lang, 'Lang'],
  [ActionTranslationSchema, 'ActionTranslation'],
  [ActionSchema, 'Action'],
  [PublicLeaderSchema, 'Leader'],
  [LinkSchema, 'Link'],
  [ChapterTranslationSchema, 'ChapterTranslation'],
  [PublicChapterSchema, 'Chapter'],
  [PostTranslationSchema, 'PostTranslation'],
  [PostSchema, 'Post'],
  [QuestionSchema, 'Question'],
  [QuestionTranslationSchema, 'QuestionTranslation'],
  [SurveyTranslationSchema, 'SurveyTranslation'],
  [SurveySchema, 'Survey'],
  [ConsentSchema, 'Consent'],
  [UtmSchema, 'Utm'],
  [SignupSchema, 'Signup'],
  [PostWriteSchema, 'PostWrite'],
  [AnswerSchema, 'AnswerValue'],
  [ContactSchema, 'ResponseContact'],
  [ResponseSchema, 'SurveyResponse'],
  [ProposerSchema, 'Proposer'],
  [ProposalSchema, 'ActionProposal'],
  [RsvpSchema, 'Rsvp'],
];
for (const [schema, id] of named) contract.add(schema, { id });

/** The contract's schemas as JSON Schema (draft 2020-12, as OpenAPI 3.1 reads it), referring to one another by `#/components/schemas/<name>`. */
export function contractSchemas(): Record<string, Record<string, unknown>> {
  const { schemas } = z.toJSONSchema(contract, { uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Record<string, unknown>> };
  for (const s of Object.values(schemas)) {
    delete s.$schema;
    delete s.$id;
  }
  return schemas;
}
