/** The survey element's own words, in French. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/readiness-survey.js';

export default {
  unknownSurvey: 'Cette source ne contient pas de questionnaire « {id} ».',
} satisfies Catalogue<keyof typeof en>;
