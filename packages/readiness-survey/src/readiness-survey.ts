import { ReadinessSurvey } from './readiness-survey.component.js';

ReadinessSurvey.define('readiness-survey');

export { ReadinessSurvey };

declare global {
  interface HTMLElementTagNameMap {
    'readiness-survey': ReadinessSurvey;
  }
}
