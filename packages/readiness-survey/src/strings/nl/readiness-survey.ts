/** The survey element's own words, in Dutch. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/readiness-survey.js';

export default {
  unknownSurvey: 'Er is geen vragenlijst ‘{id}’ in deze bron.',
} satisfies Catalogue<keyof typeof en>;
