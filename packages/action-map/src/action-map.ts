import { ActionMap } from './action-map.component.js';

ActionMap.define('action-map');

export { ActionMap };

declare global {
  interface HTMLElementTagNameMap {
    'action-map': ActionMap;
  }
}
