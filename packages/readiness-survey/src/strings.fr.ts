/** The survey element's own words, in French. */
import type en from './strings.en.js';

export default {
  unknownSurvey: 'Cette source ne contient pas de questionnaire « {id} ».',
} satisfies Record<keyof typeof en, string>;
