/**
 * The console's words.
 * One module a language (strings/<lang>/archipel-console.ts), loaded the first time it is needed in that language.
 */
import type { Words } from '@archipel/core';
import type en from './en/archipel-console.js';

export type ConsoleKey = keyof typeof en;
export const consoleWords: Words<ConsoleKey> = {
  name: 'archipel-console',
  languages: {
    en: () => import('./en/archipel-console.js'),
    fr: () => import('./fr/archipel-console.js'),
    es: () => import('./es/archipel-console.js'),
    pt: () => import('./pt/archipel-console.js'),
    de: () => import('./de/archipel-console.js'),
    it: () => import('./it/archipel-console.js'),
    nl: () => import('./nl/archipel-console.js'),
    ar: () => import('./ar/archipel-console.js'),
    sw: () => import('./sw/archipel-console.js'),
  },
};
