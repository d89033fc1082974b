/**
 * What is wrong with a value, in words: zod's issues (and the few of our own) turned into a sentence a
 * webmaster or a supporter can act on, in their language: `start: "bientôt" is not a date (write
 * 2026-12-12 14:00)`. The words are catalogue entries (`issue…` keys of core's strings), so a widget says
 * them in its visitor's language and the server in English.
 */
import type * as z from 'zod/mini';

/** A problem with a value: where it is, and what. zod's issues, and ours (a row that is not a record, an id seen twice). */
export type Issue = z.core.$ZodIssue | { code: 'custom'; path: PropertyKey[]; message: string; input?: unknown };

/** Looks a word up and fills its `{placeholders}`: an element's `t()`, or English on the server. */
export type Say = (key: string, vars?: Record<string, unknown>) => string;

/** Our own issues, named by their `error` in the schemas. */
const NAMED = new Set(['timeZone', 'endBeforeStart', 'contactNeeded', 'consentMissing', 'questionsMissing', 'answer', 'notRecord', 'duplicateId', 'lang']);
const FORMATS = new Set(['email', 'phone', 'slug', 'colour', 'country', 'clientId', 'datetime', 'lang']);

const key = (name: string) => `issue${name[0]!.toUpperCase()}${name.slice(1)}`;
const shown = (v: unknown) => (typeof v === 'string' ? v.slice(0, 60) : String(v));

/** The catalogue key and values that say what `issue` is. */
export function issueWords(issue: Issue): [key: string, vars: Record<string, unknown>] {
  const input = 'input' in issue ? issue.input : undefined;
  const vars = { input: shown(input) };
  if (NAMED.has(issue.message)) return [key(issue.message), vars];
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected as string;
      if (input === undefined) return [key('missing'), vars];
      if (expected === 'number' || expected === 'int') return [key(typeof input === 'string' ? 'notNumber' : 'number'), vars];
      if (expected === 'boolean') return [key(typeof input === 'string' ? 'notYesNo' : 'yesNo'), vars];
      if (expected === 'array') return [key('list'), vars];
      if (expected === 'object' || expected === 'record') return [key('record'), vars];
      return [key('text'), vars];
    }
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') return [key('missing'), vars];
      return [key('atLeast'), { min: issue.minimum }];
    case 'too_big':
      if (issue.origin === 'string') return [key('tooLong'), { max: issue.maximum }];
      if (issue.origin === 'array') return [key('tooMany'), { max: issue.maximum }];
      return [key('atMost'), { max: issue.maximum }];
    case 'invalid_format':
      return [key(FORMATS.has(issue.format) ? issue.format : 'format'), vars];
    case 'invalid_value':
      return [key('oneOf'), { ...vars, values: issue.values.join(', ') }];
    case 'invalid_key':
      // A key that is not what the record's keys must be (a translation's language): what is wrong with it.
      return issue.issues[0] ? issueWords({ ...issue.issues[0], input } as Issue) : [key('invalid'), vars];
    case 'unrecognized_keys':
      return [key('unknownKeys'), { keys: issue.keys.join(', ') }];
    default:
      return [key('invalid'), vars];
  }
}

/** An issue in words, after the field it concerns: `lat: "nord" is not a number`. */
export function describeIssue(issue: Issue, say: Say): string {
  const [k, vars] = issueWords(issue);
  return (issue.path.length ? `${issue.path.join('.')}: ` : '') + say(k, vars);
}
