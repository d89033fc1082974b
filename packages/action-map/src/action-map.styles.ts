import { css } from 'lit';

export const styles = css`
  .base {
    container-type: inline-size;
    --_height: var(--archipel-map-height, 34rem);
    --_urgent: var(--archipel-map-pin-urgent, #c0392b);
    --_row-selected: var(--archipel-map-row-selected, var(--_selected));
  }
  @supports (color: light-dark(#000, #fff)) {
    .base {
      --_urgent: var(--archipel-map-pin-urgent, light-dark(#c0392b, #ff9486));
    }
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6rem 1rem;
    align-items: flex-end;
    margin-bottom: 0.6rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    min-width: 9rem;
  }
  .field.grow {
    flex: 2 1 12rem;
  }
  .field.place {
    flex: 3 1 26rem;
  }
  label,
  summary {
    font-weight: 600;
    font-size: 0.9em;
  }
  .inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }
  .inline input {
    flex: 1;
    min-width: 9rem;
  }
  .inline button {
    white-space: nowrap;
  }
  input,
  select {
    min-height: 2.75rem;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--_field-line);
    border-radius: var(--_radius);
    background: var(--_field);
  }
  button {
    min-height: 2.75rem;
    padding: 0.4rem 0.9rem;
    border: 1px solid var(--_brand);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_brand-text);
    font-weight: 600;
    cursor: pointer;
  }
  button[type='submit'],
  .toggle button[aria-pressed='true'],
  .rsvp {
    background: var(--archipel-map-button-background, var(--_brand));
    color: var(--archipel-map-button-color, var(--_on-brand));
  }
  .more {
    flex-basis: 100%;
  }
  .more summary {
    cursor: pointer;
    min-height: 2.75rem;
    display: flex;
    align-items: center;
  }
  .more-fields {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6rem 1rem;
    align-items: flex-end;
  }
  .place-message {
    flex-basis: 100%;
    margin: 0;
    color: var(--_muted);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0 1rem;
  }
  .count {
    flex: 1 1 12rem;
    margin: 0.3rem 0;
    font-weight: 600;
  }
  /* The count wraps under a long place ("19 actions within 50 km of 69007"); the buttons keep their words. */
  .toggle {
    display: none;
    flex: none;
    gap: 0.3rem;
  }
  .toggle button {
    white-space: nowrap;
  }
  .panes {
    position: relative;
    display: grid;
    grid-template-columns: minmax(16rem, 2fr) 3fr;
    grid-template-areas: 'list map';
    gap: 0.8rem;
  }
  .list-pane {
    grid-area: list;
    min-width: 0;
  }
  .map-pane {
    grid-area: map;
    position: relative;
    min-height: var(--_height);
  }
  .list-scroll {
    height: var(--_height);
    overflow-y: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
  }
  .rows {
    position: relative;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .row {
    content-visibility: auto;
    contain-intrinsic-size: auto 5.5em;
  }
  .virtual .row {
    position: absolute;
    inset: 0 0 auto 0;
    height: 5.5em;
    content-visibility: visible;
  }
  .row-button {
    display: flex;
    flex-direction: column;
    justify-content: center;
    width: 100%;
    min-height: 5.5em;
    padding: 0.4rem 0.8rem;
    border: 0;
    border-bottom: 1px solid var(--_line);
    border-radius: 0;
    background: transparent;
    color: inherit;
    font-weight: 400;
    text-align: start;
  }
  .row-button:hover,
  .row-button.selected {
    background: var(--_row-selected);
  }
  .row-button.selected {
    box-shadow: inset 4px 0 0 var(--_brand);
  }
  :host(:dir(rtl)) .row-button.selected {
    box-shadow: inset -4px 0 0 var(--_brand);
  }
  .virtual .row-button {
    height: 100%;
  }
  .row-button:focus-visible {
    outline-offset: -3px;
  }
  .row-title {
    font-weight: 700;
    max-width: 100%;
    overflow-wrap: anywhere;
  }
  .row-meta {
    color: var(--_muted);
    font-size: 0.9em;
    max-width: 100%;
    overflow-wrap: anywhere;
  }
  /* Rows of one height: a long line is cut with an ellipsis rather than overlapping the next row. */
  .virtual .row-title,
  .virtual .row-meta {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .urgent {
    color: var(--_urgent);
  }
  .map {
    position: absolute;
    inset: 0;
    overflow: hidden;
    border-radius: var(--_radius);
    background: var(--archipel-map-water, #cfe3ec);
  }
  .map canvas {
    position: absolute;
    inset: 0;
  }
  .map :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .map-message {
    position: absolute;
    inset: auto 0.5rem 0.5rem 0.5rem;
  }
  .zoom {
    position: absolute;
    top: 0.5rem;
    inset-inline-end: 0.5rem;
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
  }
  .zoom button {
    width: 2.75rem;
    padding: 0;
    font-size: 1.3rem;
  }
  .streets-ask {
    position: absolute;
    top: 0.5rem;
    inset-inline-start: 0.5rem;
    max-width: calc(100% - 4.5rem);
  }
  .attribution {
    position: absolute;
    inset-inline-end: 0;
    bottom: 0;
    margin: 0;
    padding: 0.1rem 0.4rem;
    font-size: 0.75rem;
    background: rgb(255 255 255 / 0.85);
    color: #1c2024;
  }
  .card {
    position: absolute;
    z-index: 2;
    top: 0.5rem;
    inset-inline-end: 3.8rem;
    width: min(24rem, calc(100% - 5rem));
    max-height: calc(var(--_height) - 1rem);
    overflow-y: auto;
    padding: 1rem 1.2rem;
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 4px 24px rgb(0 0 0 / 0.2);
  }
  #card-title {
    margin: 0;
    margin-block-end: 0.4rem;
    margin-inline-end: 2rem;
    font-size: 1.2em;
    line-height: 1.3;
  }
  .card p {
    margin: 0.3rem 0;
  }
  .card .origins {
    margin: 0.3rem 0;
    padding: 0;
    list-style: none;
  }
  .card .kind,
  .card .origin,
  .card .local {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .card .close {
    position: absolute;
    top: 0.4rem;
    inset-inline-end: 0.4rem;
    width: 2.75rem;
    padding: 0;
    border-color: transparent;
    font-size: 1.4rem;
  }
  .rsvp,
  .card .join,
  .card .calendar,
  .host-one {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
    margin-top: 0.6rem;
    margin-inline-end: 0.5rem;
    padding: 0.4rem 1rem;
    border-radius: var(--_radius);
    font: inherit;
    font-weight: 700;
    text-decoration: none;
    cursor: pointer;
  }
  .card .join {
    border: 0;
    background: var(--archipel-map-button-background, var(--_brand));
    color: var(--archipel-map-button-color, var(--_on-brand));
  }
  .card .calendar,
  .host-one {
    border: 1px solid currentColor;
    background: transparent;
    color: inherit;
  }
  .attendance {
    margin: 0.4rem 0 0;
  }
  .empty {
    margin-bottom: 0.6rem;
  }
  @container (max-width: 600px) {
    .toggle {
      display: flex;
    }
    .panes {
      grid-template-columns: 1fr;
      grid-template-areas: 'list';
    }
    .base[data-view='list'] .map-pane,
    .base[data-view='map'] .list-pane {
      display: none;
    }
    .base[data-view='map'] .map-pane {
      grid-area: list;
    }
    .card {
      position: fixed;
      inset: auto 0 0 0;
      width: auto;
      max-height: 70vh;
      border-radius: var(--_radius) var(--_radius) 0 0;
    }
  }
  @media (forced-colors: active) {
    .row-button.selected {
      outline: 3px solid Highlight;
    }
    button[aria-pressed='true'] {
      border-width: 3px;
    }
  }
`;
