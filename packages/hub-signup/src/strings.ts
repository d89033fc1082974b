/** The sign-up form's words, one module a language; any of them can be replaced per element through `strings`. */
import type { Words } from '@archipel/core';
import type en from './strings.en.js';

export type SignupKey = keyof typeof en;

export const signupWords: Words<SignupKey> = {
  en: () => import('./strings.en.js'),
  fr: () => import('./strings.fr.js'),
  es: () => import('./strings.es.js'),
};
