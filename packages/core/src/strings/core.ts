/**
 * Words every widget needs: its states, and what is wrong with a value (issues.ts).
 * One module a language (strings/<lang>/core.ts), loaded the first time it is needed in that language.
 */
import type { Words } from '../i18n.js';
import type en from './en/core.js';

export type CoreKey = keyof typeof en;
export const coreWords: Words<CoreKey> = {
  name: 'core',
  languages: {
    en: () => import('./en/core.js'),
    fr: () => import('./fr/core.js'),
    es: () => import('./es/core.js'),
    pt: () => import('./pt/core.js'),
    de: () => import('./de/core.js'),
    it: () => import('./it/core.js'),
    nl: () => import('./nl/core.js'),
    ar: () => import('./ar/core.js'),
    sw: () => import('./sw/core.js'),
  },
};
