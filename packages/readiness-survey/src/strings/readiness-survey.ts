/**
 * The element's own words, before its survey or results view has loaded.
 * One module a language (strings/<lang>/readiness-survey.ts), loaded the first time it is needed in that language.
 */
import type { Words } from '@archipel/core';
import type en from './en/readiness-survey.js';

export type SurveyKey = keyof typeof en;
export const surveyWords: Words<SurveyKey> = {
  name: 'readiness-survey',
  languages: {
    en: () => import('./en/readiness-survey.js'),
    fr: () => import('./fr/readiness-survey.js'),
    es: () => import('./es/readiness-survey.js'),
    pt: () => import('./pt/readiness-survey.js'),
    de: () => import('./de/readiness-survey.js'),
    it: () => import('./it/readiness-survey.js'),
    nl: () => import('./nl/readiness-survey.js'),
    ar: () => import('./ar/readiness-survey.js'),
    sw: () => import('./sw/readiness-survey.js'),
  },
};
