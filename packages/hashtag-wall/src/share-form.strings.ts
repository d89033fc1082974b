/** The words of the "share your story" form, one module a language; they load with it. */
import type { Words } from '@archipel/core/shared';
import type { WriteKey } from '@archipel/core/write-strings';
import type en from './share-form.strings.en.js';

type Key = keyof typeof en;
export type FormKey = Key | WriteKey;

export const shareFormWords: Words<Key> = {
  en: () => import('./share-form.strings.en.js'),
  fr: () => import('./share-form.strings.fr.js'),
  es: () => import('./share-form.strings.es.js'),
};
