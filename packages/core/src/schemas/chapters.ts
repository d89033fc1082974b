/** A local chapter: its place, brand colours, links and leaders (whose emails are never shown). */
import * as z from 'zod/mini';
import { text, required, opt, slug, url, country, between, colour, provenance, hostOf } from '../schema-kit.js';

export const LeaderSchema = z.object({
  name: required(120),
  role: opt(text(120)),
  pronouns: opt(text(40)),
  email: opt(text(200)),
});

export const LinkSchema = z.object({ label: required(80), url: required(2000) });

export const ChapterSchema = z.object({
  id: slug,
  name: required(200),
  slogan: opt(text(200)),
  description: opt(text(4000)),
  city: opt(text(120)),
  region: opt(text(120)),
  country: opt(country),
  postcode: opt(text(16)),
  lat: opt(between(-90, 90)),
  lng: opt(between(-180, 180)),
  logo: opt(url),
  color: opt(colour),
  accent: opt(colour),
  website: opt(url),
  email: opt(text(200)),
  links: opt(
    z.pipe(
      z.union([z.array(z.union([LinkSchema, z.string()])), z.string()]),
      z.transform((v) =>
        (Array.isArray(v) ? v : v.split(/[\s,;]+/).filter(Boolean)).map((l) =>
          typeof l === 'string' ? { label: hostOf(l), url: l.trim() } : l,
        ),
      ),
    ),
  ),
  leaders: opt(z.array(LeaderSchema)),
  ...provenance,
});


export type Chapter = z.infer<typeof ChapterSchema>;
export type Leader = z.infer<typeof LeaderSchema>;
