import { ReadinessSurvey } from './readiness-survey.component.js';

ReadinessSurvey.define('readiness-survey');

declare global {
  interface HTMLElementTagNameMap {
    'readiness-survey': ReadinessSurvey;
  }
}
