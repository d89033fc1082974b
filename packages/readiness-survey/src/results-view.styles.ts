import { css } from 'lit';

/** The results' styles, adopted into the element's shadow root when the results view loads. */
export const resultsStyles = css`
  .staff-door {
    margin-top: 2em;
  }
  .staff-door summary {
    cursor: pointer;
    width: fit-content;
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6em;
    align-items: center;
  }
  .filters fieldset {
    /* A fieldset is as wide as its widest content by default: on a phone with large text, the page would scroll. */
    min-width: 0;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    padding: 0.5em 1em;
  }
  .chart-and-table,
  .tables {
    display: grid;
    gap: 1em 2em;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
    align-items: start;
  }
  .chart-box {
    /* The bars' colour, which the chart reads from here. */
    color: var(--archipel-survey-accent, var(--_brand-text));
    position: relative;
    min-width: 0;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.3em;
  }
  th,
  td {
    text-align: start;
    padding: 0.3em 0.5em;
    border-bottom: 1px solid var(--_line);
    /* Whole words in cells: on a narrow screen the table scrolls sideways rather than cutting "Lyon" in letters. */
    overflow-wrap: normal;
    hyphens: auto;
  }
  td {
    text-align: end;
  }
  .ranked li {
    margin-bottom: 0.2em;
  }
  .texts {
    padding-inline-start: 1.2em;
  }
  .texts li {
    margin-bottom: 0.4em;
  }
`;
