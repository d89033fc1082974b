import { css } from 'lit';

/**
 * A form that reads well on a cheap phone: 16px text (no zoom on focus),
 * touch targets of at least 44px, fields side by side only when there is room.
 */
export const signupStyles = css`
  [part~='base'] {
    --_button: var(--archipel-signup-button-background, var(--_brand));
    --_border: var(--archipel-signup-field-border, var(--_field-line));
  }
  [part~='heading'] {
    margin: 0 0 0.5em;
    font-size: 1.4em;
    line-height: 1.25;
  }
  [part~='heading']:focus {
    outline: none;
  }
  form,
  .grid,
  [part='thanks'] {
    display: grid;
    gap: 1em;
  }
  [part='consent'] {
    display: grid;
    gap: 0.4em;
  }
  .grid {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14em), 1fr));
  }
  p {
    margin: 0;
  }
  label,
  legend {
    display: block;
    font-weight: 600;
    padding: 0;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  input:not([type='checkbox']),
  select,
  textarea {
    display: block;
    width: 100%;
    min-height: 2.75em;
    margin-top: 0.25em;
    padding: 0.5em 0.7em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--archipel-signup-field-background, var(--_field));
    color: var(--_text);
  }
  textarea {
    min-height: 6em;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
  .check {
    display: flex;
    gap: 0.6em;
    align-items: flex-start;
    font-weight: 400;
    margin-top: 0.4em;
  }
  .check input {
    flex: none;
    width: 1.3em;
    height: 1.3em;
    margin: 0.1em 0 0;
    accent-color: var(--_button);
  }
  .error {
    color: var(--_danger);
    font-size: 0.95em;
    margin-top: 0.25em;
  }
  .error::before {
    content: '⚠ ';
  }
  .note,
  .mark,
  .count {
    font-size: 0.9em;
    color: var(--_muted);
  }
  a {
    color: var(--_link);
  }
  button,
  .targets a {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 2.75em;
    padding: 0.5em 1.2em;
    border-radius: var(--_radius);
    border: 2px solid var(--_button);
    background: none;
    color: var(--_brand-text);
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
  }
  button[type='submit'] {
    justify-self: start;
    background: var(--_button);
    color: var(--archipel-signup-button-color, var(--_on-brand));
    font-size: 1.05em;
  }
  button[disabled] {
    cursor: progress;
    opacity: 0.8;
  }
  .row,
  .targets {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    padding: 0;
    margin: 0;
    list-style: none;
  }
  .row input {
    flex: 1 1 14em;
    margin: 0.25em 0 0;
  }
  .row button {
    margin-top: 0.25em;
  }
  @media (forced-colors: active) {
    button[type='submit'] {
      border-color: ButtonText;
    }
    [aria-invalid='true'] {
      border-color: Mark;
    }
  }
  /* The private link's view: what is held, as a list of terms and values, and the consents to withdraw. */
  .held {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.25em 1em;
  }
  .held dt {
    font-weight: 600;
  }
  .held dd {
    margin: 0;
  }
  .consents {
    padding: 0;
    list-style: none;
  }
  .consents li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    margin-block: 0.5em;
  }
  .danger {
    color: var(--_danger);
  }
  [part='private-link'] input {
    width: 100%;
  }
`;
