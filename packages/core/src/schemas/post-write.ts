import { text, opt, record, type Input } from '../schema-kit.js';
import { ConsentSchema, clientId } from './consent.js';
import { postContent } from './posts.js';

/** A post as a supporter writes it: the status is the server's to set. */
export const PostWriteSchema = record({
  id: clientId,
  ...postContent,
  consent: ConsentSchema,
  locale: opt(text(16)),
});

export type PostInput = Input<typeof PostWriteSchema>;
