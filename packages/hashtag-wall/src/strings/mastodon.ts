/**
 * What the wall says about a Mastodon server, loaded only with `mastodon`.
 * One module a language (strings/<lang>/mastodon.ts), loaded the first time it is needed in that language.
 */
import type { Words } from '@archipel/core';
import type en from './en/mastodon.js';

export type MastodonKey = keyof typeof en;
export const mastodonWords: Words<MastodonKey> = {
  name: 'mastodon',
  languages: {
    en: () => import('./en/mastodon.js'),
    fr: () => import('./fr/mastodon.js'),
    es: () => import('./es/mastodon.js'),
    pt: () => import('./pt/mastodon.js'),
    de: () => import('./de/mastodon.js'),
    it: () => import('./it/mastodon.js'),
    nl: () => import('./nl/mastodon.js'),
    ar: () => import('./ar/mastodon.js'),
    sw: () => import('./sw/mastodon.js'),
  },
};
