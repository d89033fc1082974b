/**
 * The staff moderation view's words, loaded with it.
 * One module a language (strings/<lang>/moderation.ts), loaded the first time it is needed in that language.
 */
import type { Words } from '@archipel/core';
import type en from './en/moderation.js';

export type ModerationKey = keyof typeof en;
export const moderationWords: Words<ModerationKey> = {
  name: 'moderation',
  languages: {
    en: () => import('./en/moderation.js'),
    fr: () => import('./fr/moderation.js'),
    es: () => import('./es/moderation.js'),
    pt: () => import('./pt/moderation.js'),
    de: () => import('./de/moderation.js'),
    it: () => import('./it/moderation.js'),
    nl: () => import('./nl/moderation.js'),
    ar: () => import('./ar/moderation.js'),
    sw: () => import('./sw/moderation.js'),
  },
};
