/** Words every widget needs for its states, one module a language. Widgets add their own catalogues. */
import type { Words } from './i18n.js';
import type en from './strings.en.js';

export type CoreKey = keyof typeof en;

export const coreWords: Words<CoreKey> = {
  en: () => import('./strings.en.js'),
  fr: () => import('./strings.fr.js'),
  es: () => import('./strings.es.js'),
};
