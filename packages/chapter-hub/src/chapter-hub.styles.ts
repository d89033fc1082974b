import { css } from 'lit';

/*
 * Lengths in em, not rem: the base part fixes the font size, while a page's
 * root font size (which its own CSS may set) must not resize the hub.
 * Every colour is a global token (core's --_ locals): the hub sets the brand and
 * accent tokens itself (on .base, so that every nested and slotted widget
 * inherits them), while fonts, radius, surface and text come from the page.
 * Logos sit on a white tile whatever the scheme: they are drawn for one.
 */
export const hubStyles = css`
  .base {
    --_radius: var(--archipel-radius, 0.5em);
    --_gap: var(--archipel-hub-gap, 1.5em);
  }
  a {
    color: var(--_link);
    text-underline-offset: 0.15em;
  }
  button {
    cursor: pointer;
    padding: 0.55em 1em;
    border-radius: var(--_radius);
    border: 2px solid var(--_brand-text);
    background: transparent;
    color: var(--_brand-text);
    font-weight: 600;
    min-height: 44px;
  }
  :is(h1, h2, h3, h4, h5, h6) {
    margin: 0 0 0.5em;
    line-height: 1.2;
  }
  .section-heading {
    font-size: 1.25em;
    color: var(--_brand-text);
  }
  p {
    margin: 0 0 0.75em;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 1em;
    padding: 1.25em;
    border-radius: var(--_radius);
    background: var(--_brand);
    color: var(--_on-brand);
    border-bottom: 0.4em solid var(--_accent);
  }
  .logo {
    flex: none;
    display: grid;
    place-items: center;
    width: 4.5em;
    height: 4.5em;
    border-radius: var(--_radius);
    background: #fff;
    color: #1c2024;
    font-weight: 700;
    overflow: hidden;
  }
  .logo span {
    font-size: 2em;
  }
  .logo img {
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  .title {
    flex: 1 1 14em;
    min-width: 0;
  }
  #name {
    font-size: 1.75em;
    margin: 0;
  }
  #name:focus {
    outline: none;
  }
  .title p {
    margin: 0.25em 0 0;
  }
  .where {
    font-size: 0.9em;
  }
  .actions-more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  .join {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_on-accent);
  }
  .back {
    margin-bottom: 0.75em;
  }
  .arrow:dir(rtl) {
    display: inline-block;
    transform: scaleX(-1);
  }
  .sections {
    display: grid;
    gap: var(--_gap);
    margin-top: var(--_gap);
  }
  .leaders,
  .links {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .leaders {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 13em), 1fr));
  }
  .leaders li {
    padding: 0.75em 1em;
    border-radius: var(--_radius);
    border-inline-start: 0.3em solid var(--_brand);
    background: var(--_notice);
  }
  .leader-name {
    font-weight: 700;
  }
  .role {
    display: block;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.5em;
  }
  .notice p:last-child {
    margin-bottom: 0;
  }
  /* The directory */
  .search label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25em;
  }
  .inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .inline input {
    flex: 1 1 12em;
    min-width: 0;
    min-height: 44px;
    padding: 0.5em 0.75em;
    border: 1px solid var(--archipel-hub-field-border, var(--_field-line));
    border-radius: var(--_radius);
    background: var(--archipel-hub-field-background, var(--_field));
    color: var(--_text);
  }
  .inline button[type='submit'] {
    background: var(--_brand);
    color: var(--_on-brand);
    border-color: var(--_brand);
  }
  .count {
    margin: 0.75em 0;
  }
  .entries {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16em), 1fr));
    gap: 0.75em;
  }
  .entry {
    display: flex;
    gap: 0.75em;
    align-items: center;
    padding: 0.75em;
    border: 1px solid var(--archipel-hub-entry-border, var(--_line));
    border-radius: var(--_radius);
  }
  .badge {
    flex: none;
    display: grid;
    place-items: center;
    width: 2.75em;
    height: 2.75em;
    border-radius: 50%;
    overflow: hidden;
    background: #fff;
    border: 0.25em solid var(--_swatch, var(--_brand));
    color: #1c2024;
    font-weight: 700;
  }
  .badge img {
    width: 100%;
    height: 100%;
    object-fit: contain;
  }
  .entry-text {
    min-width: 0;
  }
  .entry .name {
    display: block;
    font-weight: 700;
    font-size: 1.05em;
    text-align: start;
  }
  .entry button.name {
    border: 0;
    padding: 0;
    min-height: 0;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .meta {
    font-size: 0.9em;
  }
  @media (forced-colors: active) {
    .header,
    .join,
    .inline button[type='submit'] {
      border: 1px solid CanvasText;
    }
    .badge {
      border-color: CanvasText;
    }
  }
`;
