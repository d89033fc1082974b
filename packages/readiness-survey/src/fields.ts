/**
 * One question as form controls: radios for single choice, yes/no and
 * scales, checkboxes for multiple choice, a list for a dropdown, a number or
 * a date field, a text area for free text. Every group is a fieldset with its
 * legend, so a screen reader names each option with its question, and arrow
 * keys move within a radio group. A choice that offers "Other" shows a text
 * box once it is chosen; the answer is then the text typed.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Question, AnswerValue, Shown, ShownQuestion } from '@archipel/core';

export interface FieldContext {
  /** The question's label and options in the visitor's language, when the survey has them (the values stay the original options). */
  shown: ShownQuestion;
  value: AnswerValue | undefined;
  error?: string;
  set(value: AnswerValue | undefined): void;
  /** Whether "Other" is chosen (it may be chosen before anything is typed). */
  otherChosen: boolean;
  chooseOther(on: boolean): void;
  /** The visible "(required)" / "(optional)", yes/no and "Other" words. */
  words: { required: string; optional: string; yes: string; no: string; other: string; otherText: string; choose: string; scaleOf: (v: number, max: number) => string };
}

/** Text from the survey, in its language and its own direction. */
const words = (w: Shown) => html`<span dir="auto" lang=${w.lang ?? nothing}>${w.text}</span>`;

const choice = (type: 'radio' | 'checkbox', name: string, value: string, label: Shown | string, checked: boolean, onChange: (e: Event) => void) =>
  html`<label class="option" part="option"><input type=${type} name=${name} .value=${value} .checked=${checked} @change=${onChange} />${typeof label === 'string' ? html`<span>${label}</span>` : words(label)}</label>`;

/** The typed "Other" answer of a choice: what is not one of its options. */
const otherOf = (q: Question, v: AnswerValue | undefined): string => {
  const outside = (x: unknown) => typeof x === 'string' && !(q.options ?? []).includes(x);
  if (Array.isArray(v)) return v.find(outside) ?? '';
  return outside(v) ? (v as string) : '';
};

export function renderQuestion(q: Question, c: FieldContext): TemplateResult {
  const name = `q-${q.id}`;
  const help = c.shown.help ? html`<p class="hint" id=${`${name}-help`} dir="auto" lang=${c.shown.help.lang ?? nothing}>${c.shown.help.text}</p>` : nothing;
  const described = [c.shown.help && `${name}-help`, c.error && `${name}-error`].filter(Boolean).join(' ') || undefined;
  const hint = html`<span class="mark">${q.required ? c.words.required : c.words.optional}</span>`;
  const error = c.error ? html`<p class="error" id=${`${name}-error`} part="error">${c.error}</p>` : nothing;
  const v = c.value;
  const label = words(c.shown);
  // The answers keep the original options; a person reads them in their language.
  const optionText = (i: number) => c.shown.options[i] ?? { text: q.options![i]! };
  const invalid = c.error ? 'true' : 'false';
  const other = q.other ? otherOf(q, v) : '';
  const otherOn = c.otherChosen || Boolean(other);
  const otherBox = (onText: (typed: string) => void) =>
    otherOn
      ? html`<div class="other" part="other"><label for=${`${name}-other`}>${c.words.otherText}</label>
          <input id=${`${name}-other`} name=${`${name}-other`} maxlength="200" .value=${other} aria-invalid=${invalid}
            @input=${(e: Event) => onText((e.target as HTMLInputElement).value.trim())} /></div>`
      : nothing;

  if (q.type === 'text' || q.type === 'number' || q.type === 'date') {
    const control =
      q.type === 'text'
        ? html`<textarea id=${name} name=${name} rows="4" maxlength="4000" aria-invalid=${invalid} aria-describedby=${described ?? nothing}
            .value=${typeof v === 'string' ? v : ''} @input=${(e: Event) => c.set((e.target as HTMLTextAreaElement).value)}></textarea>`
        : q.type === 'number'
          ? html`<input id=${name} name=${name} type="number" inputmode="decimal" min=${q.min ?? nothing} max=${q.max ?? nothing} step=${q.step ?? 'any'}
              aria-invalid=${invalid} aria-describedby=${described ?? nothing} .value=${v === undefined ? '' : String(v)}
              @input=${(e: Event) => {
                const input = e.target as HTMLInputElement;
                c.set(input.value === '' || !Number.isFinite(input.valueAsNumber) ? undefined : input.valueAsNumber);
              }} />`
          : html`<input id=${name} name=${name} type="date" min=${q.from ?? nothing} max=${q.until ?? nothing} aria-invalid=${invalid} aria-describedby=${described ?? nothing}
              .value=${typeof v === 'string' ? v : ''} @input=${(e: Event) => c.set((e.target as HTMLInputElement).value || undefined)} />`;
    return html`<div class="question" part="question" data-question=${q.id}>
      <label class="legend" for=${name}>${label} ${hint}</label>
      ${help} ${error} ${control}
    </div>`;
  }

  if (q.type === 'dropdown') {
    const OTHER = '\u0000other';
    const selected = otherOn ? OTHER : typeof v === 'string' ? v : '';
    return html`<div class="question" part="question" data-question=${q.id}>
      <label class="legend" for=${name}>${label} ${hint}</label>
      ${help} ${error}
      <select id=${name} name=${name} aria-invalid=${invalid} aria-describedby=${described ?? nothing}
        @change=${(e: Event) => {
          const chosen = (e.target as HTMLSelectElement).value;
          c.chooseOther(chosen === OTHER);
          c.set(chosen === OTHER || chosen === '' ? undefined : chosen);
        }}>
        <option value="" ?selected=${selected === ''}>${c.words.choose}</option>
        ${(q.options ?? []).map((o, i) => html`<option .value=${o} ?selected=${selected === o} dir="auto" lang=${optionText(i).lang ?? nothing}>${optionText(i).text}</option>`)}
        ${q.other ? html`<option .value=${OTHER} ?selected=${selected === OTHER}>${c.words.other}</option>` : nothing}
      </select>
      ${otherBox((typed) => c.set(typed || undefined))}
    </div>`;
  }

  let options: TemplateResult[];
  let after: unknown = nothing;
  if (q.type === 'multi') {
    const chosen = Array.isArray(v) ? v : [];
    const ofOptions = (list: string[]) => (q.options ?? []).filter((x) => list.includes(x));
    const withOther = (list: string[], typed: string) => (typed ? [...ofOptions(list), typed] : ofOptions(list));
    options = (q.options ?? []).map((o, i) =>
      choice('checkbox', name, o, optionText(i), chosen.includes(o), (e) => {
        const on = (e.target as HTMLInputElement).checked;
        const next = withOther((q.options ?? []).filter((x) => (x === o ? on : chosen.includes(x))), other);
        c.set(next.length ? next : undefined);
      }),
    );
    if (q.other) {
      options.push(
        choice('checkbox', name, '', c.words.other, otherOn, (e) => {
          const on = (e.target as HTMLInputElement).checked;
          c.chooseOther(on);
          const next = withOther(chosen, on ? other : '');
          c.set(next.length ? next : undefined);
        }),
      );
      after = otherBox((typed) => {
        const next = withOther(chosen, typed);
        c.set(next.length ? next : undefined);
      });
    }
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
    options = (q.options ?? []).map((o, i) =>
      choice('radio', name, o, optionText(i), !otherOn && v === o, () => {
        c.chooseOther(false);
        c.set(o);
      }),
    );
    if (q.other) {
      options.push(
        choice('radio', name, '', c.words.other, otherOn, () => {
          c.chooseOther(true);
          c.set(other || undefined);
        }),
      );
      after = otherBox((typed) => c.set(typed || undefined));
    }
  }
  // A scale may name its two ends with two options: ["Not at all", "Completely"].
  const ends = q.type === 'scale' && q.options?.length === 2 ? html`<p class="ends" aria-hidden="true">${words(optionText(0))}${words(optionText(1))}</p>` : nothing;
  return html`<fieldset class="question" part="question" data-question=${q.id} aria-describedby=${described ?? nothing}>
    <legend class="legend">${label} ${hint}</legend>
    ${help} ${error}
    <div class=${q.type === 'scale' ? 'options scale' : 'options'}>${options}</div>
    ${after} ${ends}
  </fieldset>`;
}
