/**
 * The words of the forms to host an action and to join one, loaded with them.
 * One module a language (strings/<lang>/hosting.ts), loaded the first time it is needed in that language.
 */
import type { Words } from '@archipel/core';
import type en from './en/hosting.js';

export type HostingKey = keyof typeof en;
export const hostingWords: Words<HostingKey> = {
  name: 'hosting',
  languages: {
    en: () => import('./en/hosting.js'),
    fr: () => import('./fr/hosting.js'),
    es: () => import('./es/hosting.js'),
    pt: () => import('./pt/hosting.js'),
    de: () => import('./de/hosting.js'),
    it: () => import('./it/hosting.js'),
    nl: () => import('./nl/hosting.js'),
    ar: () => import('./ar/hosting.js'),
    sw: () => import('./sw/hosting.js'),
  },
};
