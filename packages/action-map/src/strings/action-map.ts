/**
 * The map's words.
 * One module a language (strings/<lang>/action-map.ts), loaded the first time it is needed in that language.
 */
import type { Words } from '@archipel/core';
import type en from './en/action-map.js';

export type MapKey = keyof typeof en;
export const mapWords: Words<MapKey> = {
  name: 'action-map',
  languages: {
    en: () => import('./en/action-map.js'),
    fr: () => import('./fr/action-map.js'),
    es: () => import('./es/action-map.js'),
    pt: () => import('./pt/action-map.js'),
    de: () => import('./de/action-map.js'),
    it: () => import('./it/action-map.js'),
    nl: () => import('./nl/action-map.js'),
    ar: () => import('./ar/action-map.js'),
    sw: () => import('./sw/action-map.js'),
  },
};
