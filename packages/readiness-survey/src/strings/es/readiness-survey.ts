/** The survey element's own words, in Spanish. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/readiness-survey.js';

export default {
  unknownSurvey: 'Esta fuente no tiene ninguna encuesta «{id}».',
} satisfies Catalogue<keyof typeof en>;
