import { ArchipelConsole } from './archipel-console.component.js';

ArchipelConsole.define('archipel-console');

export { ArchipelConsole };

declare global {
  interface HTMLElementTagNameMap {
    'archipel-console': ArchipelConsole;
  }
}
