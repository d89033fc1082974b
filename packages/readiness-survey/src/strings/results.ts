/**
 * The results view's words, loaded with it, so supporters never download them.
 * One module a language (strings/<lang>/results.ts), loaded the first time it is needed in that language.
 */
import type { Words } from '@archipel/core';
import type en from './en/results.js';

export type ResultsKey = keyof typeof en;
export const resultsWords: Words<ResultsKey> = {
  name: 'results',
  languages: {
    en: () => import('./en/results.js'),
    fr: () => import('./fr/results.js'),
    es: () => import('./es/results.js'),
    pt: () => import('./pt/results.js'),
    de: () => import('./de/results.js'),
    it: () => import('./it/results.js'),
    nl: () => import('./nl/results.js'),
    ar: () => import('./ar/results.js'),
    sw: () => import('./sw/results.js'),
  },
};
