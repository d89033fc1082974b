/**
 * Words only forms need (sending, kept on the device, refused, read-only): they load with the forms, so
 * a page with only a map or a wall never downloads them. Archipel's forms spread them into their own
 * catalogue in each language, one file to download; a form of your own may list `writeWords` after its own.
 */
import type { Words } from './i18n.js';
import type en from './write-strings.en.js';

export type WriteKey = keyof typeof en;

export const writeWords: Words<WriteKey> = {
  en: () => import('./write-strings.en.js'),
  fr: () => import('./write-strings.fr.js'),
  es: () => import('./write-strings.es.js'),
};
