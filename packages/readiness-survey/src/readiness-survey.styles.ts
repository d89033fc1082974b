import { css } from 'lit';

/** What both views share; each view adds its own sheet when it loads (survey-form.styles.ts, results-view.styles.ts). */
export const styles = css`
  .base {
    --_choice: var(--archipel-survey-accent, var(--_brand));
    --_button: var(--archipel-survey-button-background, var(--_brand));
    --_button-text: var(--archipel-survey-button-color, var(--_on-brand));
    max-width: var(--archipel-survey-max-width, 42rem);
  }
  :host([view='results']) .base {
    max-width: none;
  }
  .header > .title {
    font-size: 1.5em;
    line-height: 1.2;
    margin: 0 0 0.5em;
  }
  :is(h1, h2, h3, h4, h5, h6):not(.title) {
    font-size: 1.15em;
    margin: 1.2em 0 0.3em;
  }
  .header p,
  .hint {
    margin: 0 0 0.75em;
  }
  .hint,
  .mark {
    color: var(--_muted);
    font-size: 0.9em;
    font-weight: normal;
  }
  label {
    display: block;
  }
  input:not([type='radio'], [type='checkbox']),
  select,
  textarea {
    display: block;
    width: 100%;
    padding: 0.5em 0.6em;
    border: 1px solid var(--_field-line);
    border-radius: var(--_radius);
    background: var(--_field);
    min-height: 44px;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
  }
  .pair {
    display: grid;
    gap: 0.75em;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    margin-bottom: 0.75em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6em;
    align-items: center;
  }
  button {
    min-height: 44px;
    padding: 0.5em 1.1em;
    border: 2px solid var(--_button);
    border-radius: var(--_radius);
    background: var(--_button);
    color: var(--_button-text);
    font-weight: 600;
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--_brand-text);
    border-color: currentColor;
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  @media (forced-colors: active) {
    .option:has(:checked) {
      outline: 2px solid Highlight;
    }
    button {
      border-color: ButtonText;
    }
  }
`;
