/**
 * The staff sign-in's words (staff.ts), loaded with a staff view.
 * One module a language (strings/<lang>/staff.ts), loaded the first time it is needed in that language.
 */
import type { Words } from '../i18n.js';
import type en from './en/staff.js';

export type StaffKey = keyof typeof en;
export const staffWords: Words<StaffKey> = {
  name: 'staff',
  languages: {
    en: () => import('./en/staff.js'),
    fr: () => import('./fr/staff.js'),
    es: () => import('./es/staff.js'),
    pt: () => import('./pt/staff.js'),
    de: () => import('./de/staff.js'),
    it: () => import('./it/staff.js'),
    nl: () => import('./nl/staff.js'),
    ar: () => import('./ar/staff.js'),
    sw: () => import('./sw/staff.js'),
  },
};
