/** A post as a supporter writes it: its status is the source's to set. */
import * as z from 'zod/mini';
import { text, clientId } from './fields.js';
import { ConsentSchema } from './consent.js';
import { postContent } from './posts.js';
import { recordReader } from '../reader.js';
import { hashtagCell } from './cells.js';

export const PostWriteSchema = z.object({
  id: clientId,
  ...postContent,
  consent: ConsentSchema,
  /** The author's email or phone, never published nor kept: the server keeps a keyed hash of it, for blocking an author. */
  contact: z.optional(text(320)),
  locale: z.optional(text(16)),
});

export type PostInput = z.input<typeof PostWriteSchema>;
export type PostWrite = z.infer<typeof PostWriteSchema>;

export const postWriteReader = recordReader(PostWriteSchema, { fields: { hashtags: hashtagCell } });
