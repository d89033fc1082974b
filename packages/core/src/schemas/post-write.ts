import * as z from 'zod/mini';
import { text, required, opt, slug, url, hashtags, instant } from '../schema-kit.js';
import { ConsentSchema, clientId } from './consent.js';

/** A post as a supporter writes it: the status is the server's to set. */
export const PostWriteSchema = z.object({
  id: clientId,
  author: required(120),
  text: opt(text(4000)),
  image: opt(url),
  video: opt(url),
  link: opt(url),
  hashtags: opt(hashtags),
  chapter: opt(slug),
  consent: ConsentSchema,
  locale: opt(text(16)),
  created: instant,
});


export type PostInput = z.input<typeof PostWriteSchema>;
