/**
 * Words only forms need (sending, kept on the device, refused, read-only): they load with the forms, so
 * a page with only a map or a wall never downloads them. Forms list them after their own catalogues.
 */
import type { Words } from './i18n.js';
import type en from './write-strings.en.js';

export type WriteKey = keyof typeof en;

export const writeWords: Words<WriteKey> = {
  en: () => import('./write-strings.en.js'),
  fr: () => import('./write-strings.fr.js'),
  es: () => import('./write-strings.es.js'),
};
