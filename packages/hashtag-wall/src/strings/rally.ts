/**
 * What a rally screen says (the full-screen button, the QR code), loaded only with `screen`.
 * One module a language (strings/<lang>/rally.ts), loaded the first time it is needed in that language.
 */
import type { Words } from '@archipel/core';
import type en from './en/rally.js';

export type RallyKey = keyof typeof en;
export const rallyWords: Words<RallyKey> = {
  name: 'rally',
  languages: {
    en: () => import('./en/rally.js'),
    fr: () => import('./fr/rally.js'),
    es: () => import('./es/rally.js'),
    pt: () => import('./pt/rally.js'),
    de: () => import('./de/rally.js'),
    it: () => import('./it/rally.js'),
    nl: () => import('./nl/rally.js'),
    ar: () => import('./ar/rally.js'),
    sw: () => import('./sw/rally.js'),
  },
};
