/** The words the element itself needs before its survey or results view has loaded, one module a language. */
import type { Words } from '@archipel/core';
import type en from './strings.en.js';

export type ShellKey = keyof typeof en;

export const shellWords: Words<ShellKey> = {
  en: () => import('./strings.en.js'),
  fr: () => import('./strings.fr.js'),
  es: () => import('./strings.es.js'),
};
