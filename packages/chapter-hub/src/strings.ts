/** The hub's and the directory's words, one module a language. */
import type { Words } from '@archipel/core/shared';
import type en from './strings.en.js';

export type HubKey = keyof typeof en;

export const hubWords: Words<HubKey> = {
  en: () => import('./strings.en.js'),
  fr: () => import('./strings.fr.js'),
  es: () => import('./strings.es.js'),
};
