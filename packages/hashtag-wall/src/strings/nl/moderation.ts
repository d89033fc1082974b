/** The moderation view's words, in Dutch. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/moderation.js';

export default {
  modTitle: 'Moderatie',
  modNoToken: 'Alleen voor het team: vul je toegangscode in om de berichten te modereren.',
  modUnauthorized: 'Deze toegangscode werd niet geaccepteerd: hij klopt niet of is niet meer geldig. Vul een andere in, of vraag een nieuwe aan wie de server beheert.',
  modPending: 'Te beoordelen',
  modApproved: 'Goedgekeurd',
  modHidden: 'Verborgen',
  modReload: 'Vernieuwen',
  modEmpty: 'Niets hier.',
  modCount: { one: '# bericht', other: '# berichten' },
  approve: 'Goedkeuren',
  hide: 'Verbergen',
  pin: 'Vastzetten',
  unpin: 'Losmaken',
  block: '{author} blokkeren',
  blockConfirm: 'Ja, verberg alle berichten van {author}',
  doneApprove: 'Goedgekeurd: het bericht van {author} staat op het prikbord.',
  doneHide: 'Verborgen: het bericht van {author} staat niet meer op het prikbord.',
  donePin: 'Vastgezet: het bericht van {author} staat bovenaan het prikbord.',
  doneUnpin: 'Losgemaakt: het bericht van {author}.',
  doneBlock: 'Geblokkeerd: de berichten van {author} zijn verborgen, en nieuwe worden dat ook.',
  modWaiting: 'Wacht op controle: {count}',
  approveAll: 'Alles wat getoond wordt goedkeuren',
  hideAll: 'Alles wat getoond wordt verbergen',
  doneApproveAll: 'Goedgekeurd: {count}. Wachten nog: {waiting}.',
  doneHideAll: 'Verborgen: {count}. Wachten nog: {waiting}.',
  unblock: '{author} deblokkeren',
  doneUnblock: 'Gedeblokkeerd: nieuwe berichten van {author} komen weer in de wachtrij.',
  actionFailed: 'Dat lukte niet: {reason}',
} satisfies Catalogue<keyof typeof en>;
