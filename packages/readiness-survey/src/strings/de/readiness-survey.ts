/** The survey element's own words, in German. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/readiness-survey.js';

export default {
  unknownSurvey: 'In dieser Quelle gibt es keine Umfrage „{id}“.',
} satisfies Catalogue<keyof typeof en>;
