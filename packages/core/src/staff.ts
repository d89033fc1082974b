/**
 * The staff sign-in of the staff views (the wall's moderation, the survey's
 * results): a password field for a staff token, shown when the view has none,
 * while a typed one is checked, and after the source refused one. The token
 * goes to the element's `token` property and nowhere else: not an attribute,
 * not storage, so it is forgotten when the page closes. A password manager
 * may offer to keep it. Loaded only with a staff view.
 */
import { css, html, type TemplateResult } from 'lit';
import type { ArchipelElement } from './element.js';
import { staffWords, type StaffKey } from './strings/staff.js';

export type { StaffKey };

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
    border: 1px solid var(--_field-line);
    border-radius: 0.3rem;
    background: var(--_field);
    width: min(20rem, 100%);
    box-sizing: border-box;
  }
`;

/** What a staff view needs of its element. */
type StaffHost = ArchipelElement<StaffKey> & { token?: string };

/**
 * The sign-in of one staff view. The view shows `render()` while it has no
 * token, while a typed token is being checked (`checking`) and after a
 * refusal, and calls `settled()` when a read with the token has ended. Focus
 * follows: back to the field after a refusal, to `landing` once accepted.
 */
export class StaffSignIn {
  /** A token typed here is being checked. */
  checking = false;

  constructor(
    private readonly host: StaffHost,
    /** Reads again with the same token (the source may have been down, or the token created since). */
    private readonly retry: () => void,
    /** Where focus goes once the token is accepted. */
    private readonly landing: string,
  ) {
    host.learn([staffWords], staffStyles);
  }

  /** A read with the token has ended; `refused` when the source did not accept it. */
  async settled(refused: boolean): Promise<void> {
    if (!this.checking) return;
    this.checking = false;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const target = this.host.renderRoot.querySelector<HTMLElement>(refused ? '[part=sign-in] input' : this.landing);
    if (!target) return;
    if (!refused) target.tabIndex = -1;
    target.focus();
  }

  private submit = (e: SubmitEvent) => {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
    const token = input.value.trim();
    if (!token) return input.focus();
    if (this.checking) return;
    input.value = '';
    this.checking = true;
    if (token === this.host.token) this.retry();
    else this.host.token = token;
    this.host.requestUpdate();
  };

  render(): TemplateResult {
    const { host } = this;
    return html`<form class="staff-sign-in" part="sign-in" aria-busy=${this.checking ? 'true' : 'false'} @submit=${this.submit}>
      <label>${host.t('staffToken')}
        <input name="token" type="password" autocomplete="current-password" spellcheck="false" autocapitalize="off" part="input" />
      </label>
      <button part="button">${host.t('staffOpen')}</button>
      <span role="status">${this.checking ? host.t('loading') : ''}</span>
    </form>`;
  }
}
