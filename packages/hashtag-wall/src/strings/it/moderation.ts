/** The moderation view's words, in Italian. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/moderation.js';

export default {
  modTitle: 'Moderazione',
  modNoToken: 'Solo per lo staff: inserisci il tuo codice d’accesso per moderare i post.',
  modUnauthorized: 'Questo codice d’accesso non è stato accettato: è sbagliato o non è più valido. Inseriscine un altro, o chiedine uno nuovo a chi gestisce il server.',
  modPending: 'In attesa',
  modApproved: 'Approvati',
  modHidden: 'Nascosti',
  modReload: 'Aggiorna',
  modEmpty: 'Niente qui.',
  modCount: { one: '# post', many: '# di post', other: '# post' },
  approve: 'Approva',
  hide: 'Nascondi',
  pin: 'Metti in evidenza',
  unpin: 'Togli dall’evidenza',
  block: 'Blocca {author}',
  blockConfirm: 'Sì, nascondi tutti i post di {author}',
  doneApprove: 'Approvato: il post di {author} è sulla bacheca.',
  doneHide: 'Nascosto: il post di {author} non è più sulla bacheca.',
  donePin: 'In evidenza: il post di {author} è in cima alla bacheca.',
  doneUnpin: 'Tolto dall’evidenza: il post di {author}.',
  doneBlock: 'Bloccato: i post di {author} sono nascosti, e lo saranno anche i prossimi.',
  modWaiting: 'In attesa di revisione: {count}',
  approveAll: 'Approva tutto ciò che è mostrato',
  hideAll: 'Nascondi tutto ciò che è mostrato',
  doneApproveAll: 'Approvati: {count}. Ancora in attesa: {waiting}.',
  doneHideAll: 'Nascosti: {count}. Ancora in attesa: {waiting}.',
  unblock: 'Sblocca {author}',
  doneUnblock: 'Sbloccato: i nuovi post di {author} tornano in coda.',
  actionFailed: 'Non è stato possibile: {reason}',
} satisfies Catalogue<keyof typeof en>;
