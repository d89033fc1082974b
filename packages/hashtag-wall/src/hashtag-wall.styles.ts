import { css } from 'lit';

/*
 * Written compactly on purpose: CSS inside a template literal is not minified
 * by the build, and every byte here counts against the wall's budget.
 */
export const wallStyles = css`
  .wall {
    --_gap: var(--archipel-wall-gap, 1rem);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-block-end: 1rem;
  }
  #h {
    margin: 0;
    margin-inline-end: auto;
    font-size: 1.4em;
  }
  button {
    cursor: pointer;
    min-height: 2.75rem;
    padding: 0.4em 1em;
    border: 2px solid var(--_brand);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_brand-text);
    font-weight: 600;
  }
  [part='share-button'],
  .share [type='submit'],
  .more {
    background: var(--_brand);
    color: var(--_on-brand);
  }
  .skip,
  .end {
    position: absolute;
    clip-path: inset(50%);
  }
  .skip:focus,
  .end:focus {
    position: static;
    clip-path: none;
  }
  .feed {
    --_col: var(--archipel-wall-column-width, 16rem);
    position: relative;
    column-gap: var(--_gap);
    contain: layout;
  }
  .feed:not(.paged *) > article {
    position: absolute;
  }
  .paged .feed {
    display: grid;
    gap: var(--_gap);
  }
  article {
    overflow: hidden;
    padding: 1rem;
    border: 1px solid var(--archipel-wall-card-border, var(--_line));
    border-radius: var(--_radius);
    background: var(--archipel-wall-card-background, var(--_surface));
    color: var(--_text);
    cursor: pointer;
  }
  .pinned {
    border: 2px solid var(--_brand);
  }
  .new,
  .paged:not(.still) article {
    animation: in 0.6s ease-out;
  }
  .still article {
    animation: none !important;
  }
  @keyframes in {
    from {
      opacity: 0;
      transform: translateY(1rem);
    }
  }
  article header {
    gap: 0 0.5rem;
    margin: 0 0 0.5rem;
  }
  .who {
    margin: 0;
    flex: 1 1 60%;
  }
  time,
  .who span,
  small {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .pin {
    padding: 0 0.5em;
    border-radius: 1em;
    background: var(--_brand);
    color: var(--_on-brand);
    font-size: 0.8em;
  }
  .media {
    position: relative;
    display: grid;
    margin: 0 -1rem 0.75rem;
    aspect-ratio: 4/3;
    background: var(--_notice);
    place-items: center;
  }
  .media img,
  iframe,
  video {
    width: 100%;
    height: 100%;
    object-fit: cover;
    border: 0;
  }
  .big .media img {
    object-fit: contain;
  }
  .broken img {
    visibility: hidden;
  }
  .video img {
    position: absolute;
    inset: 0;
  }
  .video small {
    position: absolute;
    inset: auto 0 0;
    padding: 0.3em 0.6em;
    background: var(--_surface);
  }
  .platform {
    position: absolute;
    top: 1rem;
    font-weight: 700;
  }
  .play {
    z-index: 1;
    background: #111c;
    color: #fff;
    border-color: #fff;
  }
  .text {
    white-space: pre-line;
  }
  .text p {
    margin: 0 0 0.5em;
  }
  .clamp {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 12;
    overflow: hidden;
  }
  .grid .clamp {
    -webkit-line-clamp: 4;
  }
  .invisible {
    display: none;
  }
  .ellipsis::after {
    content: '…';
  }
  a {
    color: var(--_link);
  }
  .link {
    display: inline-block;
    margin-top: 0.5rem;
  }
  .pager,
  .bar,
  .actions,
  .tabs {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin: 1rem 0;
  }
  .pager {
    justify-content: center;
  }
  [aria-pressed='true'] {
    background: var(--_brand);
    color: var(--_on-brand);
  }
  :host([screen]) .wall {
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    height: 100vh;
    height: 100dvh;
    overflow: hidden;
    padding: 1.5vh 1.5rem;
    background: var(--archipel-wall-screen-background, #101418);
    color: #fff;
    font-size: clamp(1rem, 2.2vh, 1.6rem);
  }
  :host([screen]) header {
    margin-block-end: 1vh;
  }
  :host([screen]) .feed {
    --_col: var(--archipel-wall-column-width, 24rem);
    flex: 1 1 0;
    min-height: 0;
    grid-template-rows: repeat(2, minmax(0, 1fr));
  }
  [part='cta'] {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 1.5rem;
    margin-top: 1vh;
    padding: 0.5rem 1.5rem;
    border-radius: var(--_radius);
    background: var(--_brand);
    color: var(--_on-brand);
    font-size: 1.6em;
    font-weight: 700;
    text-align: center;
  }
  @media (forced-colors: active) {
    article,
    .pin,
    [part='cta'] {
      border: 1px solid CanvasText;
    }
    [aria-pressed='true'] {
      outline: 2px solid Highlight;
    }
  }
`;
