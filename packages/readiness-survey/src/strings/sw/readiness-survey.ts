/** The survey element's own words, in Swahili. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/readiness-survey.js';

export default {
  unknownSurvey: 'Hakuna dodoso “{id}” katika chanzo hiki.',
} satisfies Catalogue<keyof typeof en>;
