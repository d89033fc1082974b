/**
 * The "share your story" form's words, loaded with it.
 * One module a language (strings/<lang>/share-form.ts), loaded the first time it is needed in that language.
 */
import type { Words } from '@archipel/core';
import type en from './en/share-form.js';

export type ShareFormKey = keyof typeof en;
export const shareFormWords: Words<ShareFormKey> = {
  name: 'share-form',
  languages: {
    en: () => import('./en/share-form.js'),
    fr: () => import('./fr/share-form.js'),
    es: () => import('./es/share-form.js'),
    pt: () => import('./pt/share-form.js'),
    de: () => import('./de/share-form.js'),
    it: () => import('./it/share-form.js'),
    nl: () => import('./nl/share-form.js'),
    ar: () => import('./ar/share-form.js'),
    sw: () => import('./sw/share-form.js'),
  },
};
