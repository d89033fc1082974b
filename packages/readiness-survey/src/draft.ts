/**
 * Answers in progress, kept in localStorage so a reload (a phone that drops
 * the tab, a mis-tap on "back") loses nothing. Contact details are not kept:
 * on a shared device the next person would find them. The draft also holds
 * the record's client id, so a form sent twice (reload mid-send) is one write.
 */
import type { AnswerValue } from '@archipel/core';

export interface Draft {
  answers: Record<string, AnswerValue>;
  postcode?: string;
  chapter?: string;
  step?: number;
  /** The client id of the record, once the person pressed send. */
  id?: string;
  /** Sent (or safely queued): the thank-you step shows until "answer again". */
  done?: boolean;
}

const key = (source: string, survey: string) => `archipel-survey:${source}:${survey}`;

export function loadDraft(source: string, survey: string): Draft {
  try {
    const d = JSON.parse(localStorage.getItem(key(source, survey)) ?? 'null') as Draft | null;
    if (d && typeof d.answers === 'object') return d;
  } catch {
    // Storage disabled or a corrupt entry: start afresh.
  }
  return { answers: {} };
}

export function saveDraft(source: string, survey: string, draft: Draft | undefined): void {
  try {
    if (draft) localStorage.setItem(key(source, survey), JSON.stringify(draft));
    else localStorage.removeItem(key(source, survey));
  } catch {
    // Private browsing with storage off: the form still works, without the safety net.
  }
}
