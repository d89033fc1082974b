/** The survey element's own words, in English. */
export default {
  unknownSurvey: 'There is no survey "{id}" in this source.',
};
