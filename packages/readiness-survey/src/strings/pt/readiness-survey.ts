/** The survey element's own words, in Portuguese. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/readiness-survey.js';

export default {
  unknownSurvey: 'Não há nenhum questionário “{id}” nesta fonte.',
} satisfies Catalogue<keyof typeof en>;
