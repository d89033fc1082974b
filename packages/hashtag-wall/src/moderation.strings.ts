/** The words of the staff moderation view, one module a language; they load with it. */
import type { Words } from '@archipel/core/shared';
import type en from './moderation.strings.en.js';

export type ModerationKey = keyof typeof en;

export const moderationWords: Words<ModerationKey> = {
  en: () => import('./moderation.strings.en.js'),
  fr: () => import('./moderation.strings.fr.js'),
  es: () => import('./moderation.strings.es.js'),
};
