/** The map's words, one module a language; any of them can be replaced per element through `strings`. */
import type { Words } from '@archipel/core';
import type en from './strings.en.js';

export type MapKey = keyof typeof en;

export const mapWords: Words<MapKey> = {
  en: () => import('./strings.en.js'),
  fr: () => import('./strings.fr.js'),
  es: () => import('./strings.es.js'),
};
