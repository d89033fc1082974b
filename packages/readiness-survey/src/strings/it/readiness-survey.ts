/** The survey element's own words, in Italian. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/readiness-survey.js';

export default {
  unknownSurvey: 'In questa fonte non c’è nessun questionario «{id}».',
} satisfies Catalogue<keyof typeof en>;
