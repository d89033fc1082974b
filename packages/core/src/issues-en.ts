/** Issues in English, for the server, tools and the source checker, which have no visitor's language to speak. */
import english from './strings/en/core.js';
import { format, type Message } from './i18n.js';
import { describeIssue, type Issue } from './issues.js';

/** An issue in English words, after its field: `lat: "nord" is not a number`. */
export const issueInEnglish = (issue: Issue): string => describeIssue(issue, (key, vars) => format((english as Record<string, Message>)[key] ?? key, 'en', vars));
