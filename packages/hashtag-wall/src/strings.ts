/** The wall's own words, one module a language. The form, the moderation view and Mastodon bring theirs when they load. */
import type { Words } from '@archipel/core';
import type en from './strings.en.js';

export type WallKey = keyof typeof en;

export const wallWords: Words<WallKey> = {
  en: () => import('./strings.en.js'),
  fr: () => import('./strings.fr.js'),
  es: () => import('./strings.es.js'),
};
