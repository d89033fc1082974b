/** A local chapter: its place, brand colours, links and leaders (whose emails are never shown). */
import { text, required, opt, slug, url, country, between, colour, provenance, hostOf, field, inner, listOf, problem, Problem, record, type Output } from '../schema-kit.js';

export const LeaderSchema = record({
  name: required(120),
  role: opt(text(120)),
  pronouns: opt(text(40)),
  email: opt(text(200)),
});

export const LinkSchema = record({ label: required(80), url: required(2000) });

export const ChapterSchema = record({
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
  /** Links as records, as addresses (["https://…"]) or as one cell ("https://… https://…"). */
  links: opt(
    field<Link[], Array<Link | string> | string>((v) => {
      const items = typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : v;
      if (!Array.isArray(items)) return problem('should be a list of links');
      const out: Link[] = [];
      for (const [i, l] of items.entries()) {
        const link = typeof l === 'string' ? { label: hostOf(l), url: l.trim() } : inner(LinkSchema, l, [i]);
        if (link instanceof Problem) return link;
        out.push(link);
      }
      return out;
    }),
  ),
  leaders: opt(listOf(LeaderSchema)),
  ...provenance,
});


export type Chapter = Output<typeof ChapterSchema>;
export type Leader = Output<typeof LeaderSchema>;
export type Link = Output<typeof LinkSchema>;
