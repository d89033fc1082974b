/**
 * Core without the DOM: what the reference server, the import and export tools and Node scripts use.
 * Nothing here imports Lit, idb-keyval or anything that needs a browser.
 */
export { schemas, writeSchemas, type Collection, type RecordOf } from './collections.js';
export { describeIssue, parseCollection, type ParseReport, type SkippedRow } from './parse.js';
export { headerMap } from './headers.js';
export { parseDateTime } from './time.js';
export { toCsv, csvField, neutralise } from './formula.js';
export { aggregate, crossTab, filterResponses, isYes, type SurveyResults, type ResultFilters } from './results.js';
export type { Action } from './schemas/actions.js';
export type { Chapter } from './schemas/chapters.js';
export type { Post } from './schemas/posts.js';
export type { Survey, Question } from './schemas/surveys.js';
export type { SurveyResponse } from './schemas/responses.js';
export type { Signup } from './schemas/signups.js';
