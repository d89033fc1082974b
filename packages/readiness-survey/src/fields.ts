/**
 * One question as form controls: radios for single choice, yes/no and
 * scales, checkboxes for multiple choice, a text area for free text. Every
 * group is a fieldset with its legend, so a screen reader names each option
 * with its question, and arrow keys move within a radio group.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Question, AnswerValue, Shown, ShownQuestion } from '@archipel/core';

export interface FieldContext {
  /** The question's label and options in the visitor's language, when the survey has them (the values stay the original options). */
  shown: ShownQuestion;
  value: AnswerValue | undefined;
  error?: string;
  set(value: AnswerValue | undefined): void;
  /** The visible "(required)" / "(optional)" and yes/no words. */
  words: { required: string; optional: string; yes: string; no: string; scaleOf: (v: number, max: number) => string };
}

/** Text from the survey, in its language and its own direction. */
const words = (w: Shown) => html`<span dir="auto" lang=${w.lang ?? nothing}>${w.text}</span>`;

const choice = (type: 'radio' | 'checkbox', name: string, value: string, label: Shown | string, checked: boolean, onChange: (e: Event) => void) =>
  html`<label class="option" part="option"><input type=${type} name=${name} .value=${value} .checked=${checked} @change=${onChange} />${typeof label === 'string' ? html`<span>${label}</span>` : words(label)}</label>`;

export function renderQuestion(q: Question, c: FieldContext): TemplateResult {
  const name = `q-${q.id}`;
  const err = c.error ? `${name}-error` : undefined;
  const hint = html`<span class="mark">${q.required ? c.words.required : c.words.optional}</span>`;
  const error = c.error ? html`<p class="error" id=${err!} part="error">${c.error}</p>` : nothing;
  const v = c.value;
  const label = words(c.shown);
  // The answers keep the original options; a person reads them in their language.
  const optionText = (i: number) => c.shown.options[i] ?? { text: q.options![i]! };

  if (q.type === 'text') {
    return html`<div class="question" part="question" data-question=${q.id}>
      <label class="legend" for=${name}>${label} ${hint}</label>
      ${error}
      <textarea id=${name} name=${name} rows="4" maxlength="4000" aria-invalid=${c.error ? 'true' : 'false'} aria-describedby=${err ?? nothing}
        .value=${typeof v === 'string' ? v : ''} @input=${(e: Event) => c.set((e.target as HTMLTextAreaElement).value)}></textarea>
    </div>`;
  }

  let options: TemplateResult[];
  if (q.type === 'multi') {
    const chosen = Array.isArray(v) ? v : [];
    options = (q.options ?? []).map((o, i) =>
      choice('checkbox', name, o, optionText(i), chosen.includes(o), (e) => {
        const on = (e.target as HTMLInputElement).checked;
        const next = (q.options ?? []).filter((x) => (x === o ? on : chosen.includes(x)));
        c.set(next.length ? next : undefined);
      }),
    );
  } else if (q.type === 'yesno') {
    options = [true, false].map((b) => choice('radio', name, String(b), b ? c.words.yes : c.words.no, v === b, () => c.set(b)));
  } else if (q.type === 'scale') {
    const min = q.min ?? 1;
    const max = q.max ?? 5;
    const named = q.options?.length === 2 ? [optionText(0).text, optionText(1).text] : undefined;
    options = [];
    for (let n = min; n <= max; n++) {
      const end = named && (n === min ? named[0] : n === max ? named[1] : undefined);
      options.push(html`<label class="option step" part="option"><input type="radio" name=${name} .value=${String(n)} .checked=${v === n} @change=${() => c.set(n)}
        aria-label=${c.words.scaleOf(n, max) + (end ? ` (${end})` : '')} /><span aria-hidden="true">${n}</span></label>`);
    }
  } else {
    options = (q.options ?? []).map((o, i) => choice('radio', name, o, optionText(i), v === o, () => c.set(o)));
  }
  // A scale may name its two ends with two options: ["Not at all", "Completely"].
  const ends = q.type === 'scale' && q.options?.length === 2 ? html`<p class="ends" aria-hidden="true">${words(optionText(0))}${words(optionText(1))}</p>` : nothing;
  return html`<fieldset class="question" part="question" data-question=${q.id} aria-describedby=${err ?? nothing}>
    <legend class="legend">${label} ${hint}</legend>
    ${error}
    <div class=${q.type === 'scale' ? 'options scale' : 'options'}>${options}</div>
    ${ends}
  </fieldset>`;
}
