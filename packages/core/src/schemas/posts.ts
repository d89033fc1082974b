/** A post on the wall: a photo, a video, a link or a written testimony. */
import * as z from 'zod/mini';
import { text, required, slug, url, instant, provenance, inLanguages } from './fields.js';
import { recordReader } from '../reader.js';
import { hashtagCell, statusCell } from './cells.js';

export const PostStatus = z.enum(['pending', 'approved', 'hidden']);

/** What a post says, whether it is read from a source or written by a supporter (post-write.ts). */
export const postContent = {
  author: required(120),
  text: z.optional(text(4000)),
  image: z.optional(url),
  /** What the photo shows, for people who cannot see it: its alternative text. */
  alt: z.optional(text(1000)),
  video: z.optional(url),
  link: z.optional(url),
  /** Without their "#". */
  hashtags: z.optional(z.array(required(140))),
  chapter: z.optional(slug),
  created: instant,
};

/** A post's text in another language. A supporter's post is sent without any (post-write.ts). */
export const PostTranslationSchema = z.strictObject({ text: z.optional(text(4000)) });

export const PostSchema = z.object({
  id: slug,
  ...postContent,
  status: z.optional(PostStatus),
  pinned: z.optional(z.boolean()),
  source: z.optional(text(40)),
  /** The author's account on the network a collected post came from (`@user@instance`, `@handle.bsky.social`): public there, and what blocking them names. */
  account: z.optional(text(320)),
  ...inLanguages(PostTranslationSchema),
  ...provenance,
});

export type Post = z.infer<typeof PostSchema>;

export const postReader = recordReader(PostSchema, { fields: { hashtags: hashtagCell, status: statusCell } });
