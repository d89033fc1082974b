import { HubSignup } from './hub-signup.component.js';

HubSignup.define('hub-signup');

export { HubSignup };
export type { SignupSubmitDetail, SignupSubmittedDetail } from './hub-signup.component.js';

declare global {
  interface HTMLElementTagNameMap {
    'hub-signup': HubSignup;
  }
}
