/** A post on the wall: a photo, a video, a link or a written testimony. */
import { text, required, opt, slug, url, hashtags, instant, bool, provenance, oneOf, record, type Output } from '../schema-kit.js';

export const PostStatus = oneOf(['pending', 'approved', 'hidden'] as const, 'a post status');

/** What a post says, whether it is read from a source or written by a supporter (post-write.ts). */
export const postContent = {
  author: required(120),
  text: opt(text(4000)),
  image: opt(url),
  video: opt(url),
  link: opt(url),
  hashtags: opt(hashtags),
  chapter: opt(slug),
  created: instant,
};

export const PostSchema = record({
  id: slug,
  ...postContent,
  status: opt(PostStatus),
  pinned: opt(bool),
  source: opt(text(40)),
  ...provenance,
});

export type Post = Output<typeof PostSchema>;
