/**
 * The staff sign-in of the staff views (the wall's moderation, the survey's
 * results): a password field for a staff token, shown when the view has none
 * or the source refused it. The token goes to the element's `token` property
 * and nowhere else: not an attribute, not storage, so it is forgotten when
 * the page closes. A password manager may offer to keep it. Loaded only with
 * a staff view.
 */
import { css, html, type TemplateResult } from 'lit';
import type { Catalogue, Catalogues } from './i18n.js';
import type { ArchipelElement } from './element.js';

const en = {
  staffToken: 'Staff token',
  staffOpen: 'Open',
};

export type StaffKey = keyof typeof en;

const fr: Catalogue<StaffKey> = {
  staffToken: 'Jeton d’équipe',
  staffOpen: 'Ouvrir',
};

const es: Catalogue<StaffKey> = {
  staffToken: 'Token de equipo',
  staffOpen: 'Abrir',
};

export const staffWords: Catalogues<StaffKey> = { en, fr, es };

export const staffStyles = css`
  .staff-sign-in {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem 0.75rem;
    margin: 0.5em 0 1em;
  }
  .staff-sign-in label {
    display: grid;
    gap: 0.2rem;
    font-weight: 600;
  }
  .staff-sign-in input {
    padding: 0.5em;
    border: 1px solid #6c757d;
    border-radius: 0.3rem;
    background: #fff;
    width: min(20rem, 100%);
    box-sizing: border-box;
  }
`;

/** What a staff view needs of its element. */
type StaffHost = ArchipelElement<StaffKey> & { token?: string };

/** Adds the sign-in's words and styles to `host`; a staff view calls it once, when it loads. */
export function learnStaff(host: StaffHost): void {
  host.learn(staffWords, staffStyles);
}

/**
 * The sign-in form. Sending it sets `host.token`, which makes the view read
 * again; `retry` reads again when the same token is sent twice (the source
 * may have been down, or the token created since).
 */
export function staffSignIn(host: StaffHost, retry: () => void): TemplateResult {
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
    const token = input.value.trim();
    input.value = '';
    if (!token) input.focus();
    else if (token === host.token) retry();
    else host.token = token;
  };
  return html`<form class="staff-sign-in" part="sign-in" @submit=${submit}>
    <label>${host.t('staffToken')}
      <input name="token" type="password" autocomplete="current-password" spellcheck="false" autocapitalize="off" part="input" />
    </label>
    <button part="button">${host.t('staffOpen')}</button>
  </form>`;
}
