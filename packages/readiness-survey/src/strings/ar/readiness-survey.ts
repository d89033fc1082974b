/** The survey element's own words, in Arabic. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/readiness-survey.js';

export default {
  unknownSurvey: 'لا يوجد استبيان «{id}» في هذا المصدر.',
} satisfies Catalogue<keyof typeof en>;
