/** A local chapter: its place, brand colours, links and leaders (whose emails are never public). */
import * as z from 'zod/mini';
import { text, required, slug, url, country, between, colour, provenance, inLanguages } from './fields.js';
import { recordReader } from '../reader.js';
import { linksCell, upperCase } from './cells.js';

export const LeaderSchema = z.object({
  name: required(120),
  role: z.optional(text(120)),
  pronouns: z.optional(text(40)),
  email: z.optional(text(200)),
});

export const LinkSchema = z.object({ label: required(80), url: required(2000) });

/** A chapter's words in another language: its slogan and its description (its name is its name). */
export const ChapterTranslationSchema = z.strictObject({
  slogan: z.optional(text(200)),
  description: z.optional(text(4000)),
});

export const ChapterSchema = z.object({
  id: slug,
  name: required(200),
  slogan: z.optional(text(200)),
  description: z.optional(text(4000)),
  city: z.optional(text(120)),
  region: z.optional(text(120)),
  country: z.optional(country),
  postcode: z.optional(text(16)),
  lat: z.optional(between(-90, 90)),
  lng: z.optional(between(-180, 180)),
  logo: z.optional(url),
  color: z.optional(colour),
  accent: z.optional(colour),
  website: z.optional(url),
  email: z.optional(text(200)),
  links: z.optional(z.array(LinkSchema)),
  leaders: z.optional(z.array(LeaderSchema)),
  ...inLanguages(ChapterTranslationSchema),
  ...provenance,
});

/** A leader as anyone may read them: their email is for staff only. */
export const PublicLeaderSchema = z.omit(LeaderSchema, { email: true });
/** A chapter as anyone may read it: its leaders without their emails. */
export const PublicChapterSchema = z.extend(ChapterSchema, { leaders: z.optional(z.array(PublicLeaderSchema)) });

export type Chapter = z.infer<typeof ChapterSchema>;
export type Leader = z.infer<typeof LeaderSchema>;
export type Link = z.infer<typeof LinkSchema>;

export const chapterReader = recordReader(ChapterSchema, { fields: { links: linksCell, country: upperCase } });
