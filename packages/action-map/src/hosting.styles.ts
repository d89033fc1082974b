/** The styles of the forms to host an action and to join one, adopted when they first open. */
import { css } from 'lit';

export const hostingStyles = css`
  dialog.host {
    width: min(36rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    overflow: auto;
    padding: 1rem 1.25rem;
    border: 1px solid currentColor;
    border-radius: var(--archipel-radius, 0.5rem);
    background: var(--archipel-color-surface, #fff);
    color: var(--archipel-color-text, #1d2327);
  }
  dialog.host::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .host-form,
  .join-form {
    display: grid;
    gap: 0.75rem;
    margin-block: 0.5rem;
  }
  .host-form .field,
  .join-form .field {
    display: grid;
    gap: 0.25rem;
  }
  .host-form .field.check,
  .join-form .field.check {
    grid-template-columns: auto 1fr;
    align-items: start;
  }
  .host-form .check .error,
  .join-form .check .error {
    grid-column: 1 / -1;
  }
  .host-form .when-fields {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .host-form input:not([type='checkbox']),
  .host-form select,
  .host-form textarea,
  .join-form input:not([type='checkbox']) {
    font: inherit;
    padding: 0.4rem 0.5rem;
    border: 1px solid #6b757d;
    border-radius: calc(var(--archipel-radius, 0.5rem) / 2);
    background: var(--archipel-color-surface, #fff);
    color: inherit;
  }
  .host-form fieldset {
    display: grid;
    gap: 0.75rem;
    border: 1px solid #c9ced2;
    border-radius: calc(var(--archipel-radius, 0.5rem) / 2);
  }
  .host-form .error,
  .join-form .error {
    margin: 0;
    color: var(--_danger);
  }
  .host-form .mark,
  .join-form .mark {
    color: var(--_muted);
  }
  .actions-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .host-form button,
  .join-form button,
  .actions-row button {
    font: inherit;
    padding: 0.45rem 0.9rem;
    border-radius: calc(var(--archipel-radius, 0.5rem) / 2);
    border: 1px solid currentColor;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  button.primary {
    background: var(--archipel-map-button-background, var(--archipel-color-brand, #1a7f5a));
    color: var(--archipel-map-button-color, var(--archipel-color-brand-contrast, #fff));
    border-color: transparent;
  }
  .notice[data-tone='error'] {
    color: var(--_danger);
  }
  @media (forced-colors: active) {
    button.primary {
      border-color: ButtonText;
    }
  }
`;
