/**
 * Archipel's events: their details, declared once for every widget in `GlobalEventHandlersEventMap`, and
 * `emit()`, the one way to fire them (from an element or from a controller on its behalf). Every event
 * bubbles and crosses shadow roots, so a page listens on the widget or on any ancestor.
 */
import type { Collection, RecordOf, WriteCollection } from './schema-types.js';
import type { Action } from './schemas/actions.js';
import type { Chapter } from './schemas/chapters.js';
import type { Post } from './schemas/posts.js';
import type { PostWrite } from './schemas/post-write.js';

export interface LoadDetail {
  collection: Collection;
  source: string;
  count: number;
  /** Rows that could not be read: their number and why, in the widget's language. */
  skipped: { row: number; reason: string }[];
  /** True when the source could not be reached and the saved copy is shown. */
  fromCache: boolean;
  offline: boolean;
  /** Merged sources that could not be read while the others were (their rows are missing). */
  failures?: { source: string; message: string }[];
}

/** `archipel-select`: a person opened an action, a post or a chapter. */
export interface SelectDetail {
  action?: Action;
  post?: Post;
  chapter?: Chapter;
}

/** A record a form writes. */
export type WrittenRecord = RecordOf<'signups'> | RecordOf<'responses'> | PostWrite;

/** `archipel-submit` (cancelable): a form is about to send this record. */
export interface SubmitDetail<R = WrittenRecord> {
  collection: WriteCollection;
  record: R;
}

/** `archipel-submitted`: sent, or kept on the device to be sent automatically. A refusal is an `archipel-error`. */
export interface SubmittedDetail<R = WrittenRecord> extends SubmitDetail<R> {
  status: 'sent' | 'queued';
}

/** `archipel-error`: a read failed (`collection`), or a source refused a record a form sent (`collection` and `record`). */
export interface ErrorDetail {
  collection?: Collection | WriteCollection;
  record?: object;
  error: unknown;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'archipel-load': CustomEvent<LoadDetail>;
    'archipel-error': CustomEvent<ErrorDetail>;
    'archipel-select': CustomEvent<SelectDetail>;
    'archipel-submit': CustomEvent<SubmitDetail>;
    'archipel-submitted': CustomEvent<SubmittedDetail>;
  }
}

/** The name of every Archipel event. */
export type ArchipelEventName = Extract<keyof GlobalEventHandlersEventMap, `archipel-${string}`>;
/** The detail an Archipel event carries. */
export type DetailOf<K extends ArchipelEventName> = GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Fires `name` from `target`, bubbling and composed; false when a listener cancelled it (`cancelable` only). */
export function emit<K extends ArchipelEventName>(target: EventTarget, name: K, detail: DetailOf<K>, { cancelable = false } = {}): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}
