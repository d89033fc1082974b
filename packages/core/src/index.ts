/**
 * @archipel/core, as widgets and developers use it in a browser. The reference server and Node tools use the
 * DOM-free entry, `@archipel/core/server`. What is not exported here is internal and may change.
 */

// The base element, and what it gives every widget.
export { ArchipelElement, baseStyles, VERSION } from './element.js';
export { CollectionController, type DataHost } from './collection.js';
export { FormController, type FormHost, type FormOutcome, type FormOptions, type CheckOptions, type Notice } from './form.js';
export { StaffSignIn, staffStyles, type StaffKey } from './staff.js';
export { memo } from './memo.js';
export { newId } from './ids.js';
export { yieldToPage, eachInSlices, Slicer } from './slices.js';
export { emit, type ArchipelEventName, type DetailOf, type LoadDetail, type SelectDetail, type SubmitDetail, type SubmittedDetail, type ErrorDetail, type WrittenRecord } from './events.js';
export { adapterContext, chapterContext, themeContext, localeContext } from './context.js';
export { warnOnce } from './warn.js';

// Sources: the adapter contract, reading, writing.
export {
  registerAdapter,
  resolveAdapter,
  provideAdapter,
  adapterKind,
  type Adapter,
  type AdapterKind,
  type Query,
  type ListResponse,
  type SubmitMeta,
  type SubmitResult,
  type StaffAccess,
  type ModerationAction,
  type PersonQuery,
  type PersonalData,
} from './adapter.js';
export { read, applyQuery, sortInSlices, type ReadResult, type ReadOptions } from './read.js';
export { outbox, type Outbox, type OutboxEntry } from './outbox.js';
export { AdapterError, asAdapterError, type AdapterErrorKind } from './errors.js';

// Records: readers (coercion, then the strict schema) and their types.
export { recordReader, type RecordReader, type ReaderOptions } from './reader.js';
export { parseCollection, hashText, type ParseReport, type SkippedRow } from './parse.js';
export { describeIssue, type Issue, type Say } from './issues.js';
export { issueInEnglish } from './issues-en.js';
export type { Collection, WriteCollection, RecordOf, ReaderOf } from './schema-types.js';
export { actionReader, ActionSchema, type Action } from './schemas/actions.js';
export { chapterReader, ChapterSchema, type Chapter, type Leader, type Link } from './schemas/chapters.js';
export { postReader, PostSchema, type Post } from './schemas/posts.js';
export { postWriteReader, PostWriteSchema, type PostWrite, type PostInput } from './schemas/post-write.js';
export { surveyReader, SurveySchema, type Survey, type Question } from './schemas/surveys.js';
export { responseReader, ResponseSchema, type SurveyResponse, type AnswerValue } from './schemas/responses.js';
export { signupReader, SignupSchema, type Signup, type SignupInput } from './schemas/signups.js';
export { proposalReader, ProposalSchema, rsvpReader, RsvpSchema, type Proposal, type Rsvp } from './schemas/proposals.js';
export { actionIcs } from './ics.js';

// Words, dates and numbers in the visitor's language; content in it when the record has it.
export { addWords, directionOf, format, formatNumber, formatDateTime, formatDateRange, formatRelative, LOCALES, type Locale, type Message, type Plural, type Catalogue, type Loader, type Words } from './i18n.js';
export { coreWords, type CoreKey } from './strings/core.js';
export { sendWords, type SendKey } from './strings/send.js';
export { surveyRows } from './survey-rows.js';
export { askedQuestions, keptAnswers, surveyWindow, answerProblem, answerColumn, answerCell, type AnswerProblem } from './survey-rules.js';
export { translated, type Shown, type ShownQuestion, type Translatable } from './translate.js';

// Places, themes, results, links, files.
export { PlaceIndex, nearestChapter, distanceKm, fold, geocode, locate, locateReasonKey, type Point, type Place, type Located, type LocateProblem } from './geo.js';
export { makeTheme, themeTokens, parseColour, toHex, contrast, mix, textOn, ensureContrast, standOut, FILL_CONTRAST, type Theme, type Rgb } from './theme.js';
export { aggregate, crossTab, filterResponses, isYes, type SurveyResults, type QuestionResult, type ReadinessRow, type ResultFilters } from './results.js';
export { safeUrl, hostOf } from './safe-url.js';
export { toCsv, csvField, neutralise } from './formula.js';
export { parseDateTime } from './time.js';
