import { HashtagWall } from './hashtag-wall.component.js';
import type { WallPost } from './card.js';
import type { PostInput } from '@archipel/core';

HashtagWall.define('hashtag-wall');

export { HashtagWall };

/**
 * The wall's exact event details. The events themselves are declared once for
 * every widget in core (collection.ts), with details these fit.
 */
export type WallSelectDetail = { post: WallPost };
export type WallSubmitDetail = { record: PostInput };
export type WallSubmittedDetail = { status: 'sent' | 'queued'; record: PostInput };

declare global {
  interface HTMLElementTagNameMap {
    'hashtag-wall': HashtagWall;
  }
}
