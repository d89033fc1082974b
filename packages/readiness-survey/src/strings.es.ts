/** The survey element's own words, in Spanish. */
import type en from './strings.en.js';

export default {
  unknownSurvey: 'Esta fuente no tiene ninguna encuesta «{id}».',
} satisfies Record<keyof typeof en, string>;
