/** The moderation view's words, in German. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/moderation.js';

export default {
  modTitle: 'Moderation',
  modNoToken: 'Nur fürs Team: Gib deinen Zugangscode ein, um die Beiträge zu moderieren.',
  modUnauthorized: 'Dieser Zugangscode wurde nicht angenommen: Er ist falsch oder nicht mehr gültig. Gib einen anderen ein oder bitte die Person, die den Server betreut, um einen neuen.',
  modPending: 'Ausstehend',
  modApproved: 'Freigegeben',
  modHidden: 'Ausgeblendet',
  modReload: 'Aktualisieren',
  modEmpty: 'Hier ist nichts.',
  modCount: { one: '# Beitrag', other: '# Beiträge' },
  approve: 'Freigeben',
  hide: 'Ausblenden',
  pin: 'Anheften',
  unpin: 'Nicht mehr anheften',
  block: '{author} blockieren',
  blockConfirm: 'Ja, alle Beiträge von {author} ausblenden',
  doneApprove: 'Freigegeben: Der Beitrag von {author} ist auf der Pinnwand.',
  doneHide: 'Ausgeblendet: Der Beitrag von {author} ist nicht mehr auf der Pinnwand.',
  donePin: 'Angeheftet: Der Beitrag von {author} steht oben auf der Pinnwand.',
  doneUnpin: 'Nicht mehr angeheftet: der Beitrag von {author}.',
  doneBlock: 'Blockiert: Die Beiträge von {author} sind ausgeblendet, und neue werden es auch sein.',
  modWaiting: 'Warten auf Prüfung: {count}',
  approveAll: 'Alle angezeigten freigeben',
  hideAll: 'Alle angezeigten ausblenden',
  doneApproveAll: 'Freigegeben: {count}. Es warten noch: {waiting}.',
  doneHideAll: 'Ausgeblendet: {count}. Es warten noch: {waiting}.',
  unblock: '{author} entsperren',
  doneUnblock: 'Entsperrt: Neue Beiträge von {author} kommen wieder in die Warteschlange.',
  actionFailed: 'Hat nicht geklappt: {reason}',
} satisfies Catalogue<keyof typeof en>;
