import { css } from 'lit';

export const consoleStyles = css`
  [part~='base'] {
    display: grid;
    gap: 1em;
  }
  form.filters,
  .who,
  .tabs {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem 0.75rem;
  }
  label {
    display: grid;
    gap: 0.2rem;
    font-weight: 600;
  }
  input,
  select {
    font: inherit;
    padding: 0.4em;
    border: 1px solid var(--archipel-console-field-border, var(--archipel-color-field-border, #6b7280));
    border-radius: 0.3rem;
    background: var(--archipel-console-field-background, var(--archipel-color-field, #fff));
    color: inherit;
  }
  input[type='checkbox'] {
    width: 1.25em;
    height: 1.25em;
  }
  button {
    font: inherit;
    padding: 0.45em 0.9em;
    border-radius: var(--archipel-radius, 0.5em);
    border: 1px solid var(--archipel-color-brand, #0b6e99);
    background: var(--archipel-color-brand, #0b6e99);
    color: var(--archipel-color-brand-contrast, #fff);
    cursor: pointer;
  }
  button.secondary,
  .tabs button[aria-pressed='false'] {
    background: transparent;
    color: var(--archipel-color-text, #1c2024);
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.35em 0.5em;
    border-bottom: 1px solid var(--archipel-color-border, #c9ced4);
    vertical-align: top;
  }
  .table {
    overflow-x: auto;
  }
  form.editor {
    display: grid;
    gap: 0.6rem;
    max-width: 40rem;
  }
  form.editor input:not([type='color']),
  textarea {
    font: inherit;
    width: 100%;
    box-sizing: border-box;
    padding: 0.4em;
  }
  .hint {
    margin: -0.4rem 0 0;
    font-size: 0.9em;
  }
  [role='alert'],
  [role='status'] {
    margin: 0;
  }
`;
