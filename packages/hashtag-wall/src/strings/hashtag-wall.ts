/**
 * The wall's own words.
 * One module a language (strings/<lang>/hashtag-wall.ts), loaded the first time it is needed in that language.
 */
import type { Words } from '@archipel/core';
import type en from './en/hashtag-wall.js';

export type WallKey = keyof typeof en;
export const wallWords: Words<WallKey> = {
  name: 'hashtag-wall',
  languages: {
    en: () => import('./en/hashtag-wall.js'),
    fr: () => import('./fr/hashtag-wall.js'),
    es: () => import('./es/hashtag-wall.js'),
    pt: () => import('./pt/hashtag-wall.js'),
    de: () => import('./de/hashtag-wall.js'),
    it: () => import('./it/hashtag-wall.js'),
    nl: () => import('./nl/hashtag-wall.js'),
    ar: () => import('./ar/hashtag-wall.js'),
    sw: () => import('./sw/hashtag-wall.js'),
  },
};
