/**
 * The sign-up form's words.
 * One module a language (strings/<lang>/hub-signup.ts), loaded the first time it is needed in that language.
 */
import type { Words } from '@archipel/core';
import type en from './en/hub-signup.js';

export type SignupKey = keyof typeof en;
export const signupWords: Words<SignupKey> = {
  name: 'hub-signup',
  languages: {
    en: () => import('./en/hub-signup.js'),
    fr: () => import('./fr/hub-signup.js'),
    es: () => import('./es/hub-signup.js'),
    pt: () => import('./pt/hub-signup.js'),
    de: () => import('./de/hub-signup.js'),
    it: () => import('./it/hub-signup.js'),
    nl: () => import('./nl/hub-signup.js'),
    ar: () => import('./ar/hub-signup.js'),
    sw: () => import('./sw/hub-signup.js'),
  },
};
