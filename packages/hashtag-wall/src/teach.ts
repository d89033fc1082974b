import { LOCALES, type Catalogues } from '@archipel/core/shared';
import type { CSSResult } from 'lit';
import type { HashtagWall } from './hashtag-wall.component.js';

/**
 * Adds what a part that loads on demand (the lightbox, the form, moderation,
 * Mastodon) brings: its words, to the wall's catalogues, and its styles, to
 * the wall's shadow root. A page that never opens the form never downloads its
 * sentences in three languages nor its CSS.
 */
export function teach(host: HashtagWall, own?: Catalogues<string>, styles?: CSSResult): void {
  const all = (host.constructor as typeof HashtagWall).catalogues;
  if (own) for (const l of LOCALES) for (const [k, v] of Object.entries(own[l])) (all[l] as Record<string, string>)[k] ??= v;
  const root = host.renderRoot as ShadowRoot;
  const sheet = styles?.styleSheet;
  if (sheet && root.adoptedStyleSheets && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
