import { css } from 'lit';

/** The form's styles, adopted into the element's shadow root when the survey view loads. */
export const formStyles = css`
  fieldset,
  .question {
    border: 0;
    margin: 0 0 1.5em;
    padding: 0;
    min-width: 0;
  }
  .legend {
    display: block;
    font-weight: 600;
    margin-bottom: 0.5em;
    padding: 0;
  }
  .options {
    display: grid;
    gap: 0.4em;
  }
  .option {
    display: flex;
    gap: 0.6em;
    align-items: flex-start;
    padding: 0.55em 0.75em;
    border: 1px solid var(--_field-line);
    border-radius: var(--_radius);
    cursor: pointer;
    min-height: 44px;
  }
  .option:has(:checked) {
    border-color: var(--_choice);
    box-shadow: inset 0 0 0 1px var(--_choice);
  }
  .option input {
    margin: 0.2em 0 0;
    width: 1.15em;
    height: 1.15em;
    flex: none;
    accent-color: var(--_choice);
  }
  .scale {
    grid-auto-flow: column;
    grid-auto-columns: 1fr;
  }
  .scale .option {
    flex-direction: column;
    align-items: center;
    gap: 0.2em;
    padding: 0.4em 0.2em;
  }
  .ends {
    display: flex;
    justify-content: space-between;
    margin: 0.3em 0 0;
    font-size: 0.9em;
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
    margin: 0 0 0.4em;
  }
  .consent {
    margin-top: 0.5em;
  }
  .progress {
    margin-bottom: 1em;
    font-weight: 600;
  }
  progress {
    display: block;
    width: 100%;
    height: 0.5em;
    accent-color: var(--_choice);
  }
  .thanks [data-focus] {
    font-size: 1.4em;
  }
  a {
    color: var(--_brand-text);
  }
`;
