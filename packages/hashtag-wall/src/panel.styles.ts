import { css } from 'lit';

/** Styles of the form and the moderation view, adopted when either first loads. */
export const panelStyles = css`
  .share,
  .moderation {
    display: grid;
    /* A long option (a chapter's name) must not widen the form past a phone's screen. */
    grid-template-columns: minmax(0, 1fr);
    gap: 0.6rem;
    max-width: 40rem;
    margin-bottom: 1.5rem;
  }
  .moderation {
    max-width: 60rem;
  }
  /* The live region stays in the page (so what it says later is announced) but takes no room while silent. */
  .moderation > [role='status']:empty {
    margin: 0;
  }
  .share label {
    display: grid;
    gap: 0.2rem;
    font-weight: 600;
  }
  .share .check {
    display: block;
    font-weight: 400;
  }
  input:not([type]),
  [type='url'],
  [type='file'],
  textarea,
  select {
    padding: 0.5em;
    border: 1px solid var(--_field-line);
    border-radius: 0.3rem;
    background: var(--_field);
    min-width: 0;
    max-width: 100%;
    box-sizing: border-box;
  }
  .queue {
    padding: 0;
    list-style: none;
  }
  .queue li {
    margin-bottom: 1rem;
  }
  .queue article {
    cursor: auto;
  }
`;
