import { css } from 'lit';

/** The lightbox's styles, adopted when it first loads. */
export const lightboxStyles = css`
  dialog {
    width: min(48rem, 100vw - 1rem);
    max-height: calc(100vh - 1rem);
    padding: 0 1rem 1rem;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog::backdrop {
    background: #000b;
  }
  .big {
    padding: 0;
    border: 0;
    cursor: auto;
  }
  .bar span {
    margin-inline-end: auto;
  }
`;
