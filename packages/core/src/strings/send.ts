/**
 * Words every form needs to say where a record is: sent, kept on the device, refused, read-only.
 * One module a language (strings/<lang>/send.ts), loaded the first time it is needed in that language.
 */
import type { Words } from '../i18n.js';
import type en from './en/send.js';

export type SendKey = keyof typeof en;
export const sendWords: Words<SendKey> = {
  name: 'send',
  languages: {
    en: () => import('./en/send.js'),
    fr: () => import('./fr/send.js'),
    es: () => import('./es/send.js'),
    pt: () => import('./pt/send.js'),
    de: () => import('./de/send.js'),
    it: () => import('./it/send.js'),
    nl: () => import('./nl/send.js'),
    ar: () => import('./ar/send.js'),
    sw: () => import('./sw/send.js'),
  },
};
