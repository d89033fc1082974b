/**
 * The hub's and the directory's words.
 * One module a language (strings/<lang>/chapter-hub.ts), loaded the first time it is needed in that language.
 */
import type { Words } from '@archipel/core';
import type en from './en/chapter-hub.js';

export type HubKey = keyof typeof en;
export const hubWords: Words<HubKey> = {
  name: 'chapter-hub',
  languages: {
    en: () => import('./en/chapter-hub.js'),
    fr: () => import('./fr/chapter-hub.js'),
    es: () => import('./es/chapter-hub.js'),
    pt: () => import('./pt/chapter-hub.js'),
    de: () => import('./de/chapter-hub.js'),
    it: () => import('./it/chapter-hub.js'),
    nl: () => import('./nl/chapter-hub.js'),
    ar: () => import('./ar/chapter-hub.js'),
    sw: () => import('./sw/chapter-hub.js'),
  },
};
