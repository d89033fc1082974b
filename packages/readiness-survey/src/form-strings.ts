/** The survey form's words, one module a language: loaded with its code (survey-form.ts), as the results' are with theirs. */
import type { Words } from '@archipel/core';
import type { WriteKey } from '@archipel/core/write-strings';
import type en from './form-strings.en.js';

type Key = keyof typeof en;
export type FormKey = Key | WriteKey;

export const surveyFormWords: Words<Key> = {
  en: () => import('./form-strings.en.js'),
  fr: () => import('./form-strings.fr.js'),
  es: () => import('./form-strings.es.js'),
};
