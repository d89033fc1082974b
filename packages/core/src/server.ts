/**
 * Core without the DOM: what the reference server, the import and export tools and Node scripts use.
 * Nothing here imports Lit, idb-keyval or anything that needs a browser.
 */

export { schemas, writeSchemas, readers, writeReaders, type Collection, type RecordOf } from './collections.js';
export { parseCollection, hashText, type ParseReport, type SkippedRow } from './parse.js';
export { adapterKind } from './adapter.js';
export { mergeSameActions } from './same-action.js';
export { issueWords, type Issue } from './issues.js';
export type { RecordReader } from './reader.js';
export { contract, contractSchemas } from './contract.js';
export { headerMap } from './headers.js';
export { parseDateTime } from './time.js';
export { publicRecord, publicFields, isPublicCollection, PUBLIC_COLLECTIONS, type PublicCollection } from './public-fields.js';
export { statusCell, STATUS_WORDS } from './schemas/cells.js';
export { toCsv, csvField, neutralise } from './formula.js';
export { aggregate, crossTab, filterResponses, isYes, type SurveyResults, type ResultFilters } from './results.js';
export type { Action } from './schemas/actions.js';
export type { Chapter } from './schemas/chapters.js';
export type { Post } from './schemas/posts.js';
export { surveyRows } from './survey-rows.js';
export { nearestChapter, distanceKm } from './geo.js';
export { askedQuestions, keptAnswers, surveyWindow, answerProblem, answerColumn, answerCell } from './survey-rules.js';
export type { Survey, Question } from './schemas/surveys.js';
export type { SurveyResponse } from './schemas/responses.js';
export type { Signup } from './schemas/signups.js';
export { rsvpContactKey, type Proposal, type Rsvp } from './schemas/proposals.js';
export { issueInEnglish as describeIssue } from './issues-en.js';
export { contrast, parseColour } from './theme.js';
export { actionIcs, foldLine, icsText, icsUtc, placeOf, vtimezone } from './ics.js';
