/**
 * The survey form's words, loaded with it (survey-form.ts).
 * One module a language (strings/<lang>/survey-form.ts), loaded the first time it is needed in that language.
 */
import type { Words } from '@archipel/core';
import type en from './en/survey-form.js';

export type SurveyFormKey = keyof typeof en;
export const surveyFormWords: Words<SurveyFormKey> = {
  name: 'survey-form',
  languages: {
    en: () => import('./en/survey-form.js'),
    fr: () => import('./fr/survey-form.js'),
    es: () => import('./es/survey-form.js'),
    pt: () => import('./pt/survey-form.js'),
    de: () => import('./de/survey-form.js'),
    it: () => import('./it/survey-form.js'),
    nl: () => import('./nl/survey-form.js'),
    ar: () => import('./ar/survey-form.js'),
    sw: () => import('./sw/survey-form.js'),
  },
};
