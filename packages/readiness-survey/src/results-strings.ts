/** The results view's words, one module a language: loaded with its code, so supporters never download them. */
import type { Words } from '@archipel/core';
import type en from './results-strings.en.js';

export type ResultsKey = keyof typeof en;

export const resultsWords: Words<ResultsKey> = {
  en: () => import('./results-strings.en.js'),
  fr: () => import('./results-strings.fr.js'),
  es: () => import('./results-strings.es.js'),
};
