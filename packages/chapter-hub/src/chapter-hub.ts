import { ChapterHub } from './chapter-hub.component.js';

ChapterHub.define('chapter-hub');

export { ChapterHub };
export type { Branding } from './branding.js';

// archipel-load, archipel-select ({chapter}) and archipel-error are declared once for every widget in core.
declare global {
  interface HTMLElementTagNameMap {
    'chapter-hub': ChapterHub;
  }
}
