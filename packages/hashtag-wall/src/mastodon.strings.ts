/** What the wall says about a Mastodon server, one module a language; these load only with `mastodon`. */
import type { Words } from '@archipel/core/shared';
import type en from './mastodon.strings.en.js';

export type MastodonKey = keyof typeof en;

export const mastodonWords: Words<MastodonKey> = {
  en: () => import('./mastodon.strings.en.js'),
  fr: () => import('./mastodon.strings.fr.js'),
  es: () => import('./mastodon.strings.es.js'),
};
