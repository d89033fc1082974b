/** The moderation view's words, in French. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/moderation.js';

export default {
  modTitle: 'Modération',
  modNoToken: 'Réservé à l’équipe : saisissez votre jeton d’équipe pour modérer les messages.',
  modUnauthorized: 'Ce jeton d’équipe n’a pas été accepté : il est inconnu ou a été révoqué. Saisissez-en un autre, ou demandez-en un nouveau à la personne qui gère le serveur.',
  modPending: 'En attente',
  modApproved: 'Approuvées',
  modHidden: 'Masquées',
  modReload: 'Actualiser',
  modEmpty: 'Rien ici.',
  modCount: { one: '# publication', many: '# de publications', other: '# publications' },
  approve: 'Approuver',
  hide: 'Masquer',
  pin: 'Épingler',
  unpin: 'Désépingler',
  block: 'Bloquer {author}',
  blockConfirm: 'Oui, masquer toutes les publications de {author}',
  doneApprove: 'Approuvée : la publication de {author} est sur le mur.',
  doneHide: 'Masquée : la publication de {author} n’est plus sur le mur.',
  donePin: 'Épinglée : la publication de {author} est en tête du mur.',
  doneUnpin: 'Désépinglée : la publication de {author}.',
  doneBlock: 'Bloqué : les publications de {author} sont masquées, et les prochaines le seront.',
  modWaiting: 'En attente de relecture : {count}',
  approveAll: 'Approuver tout ce qui est affiché',
  hideAll: 'Masquer tout ce qui est affiché',
  doneApproveAll: 'Approuvées : {count}. Encore en attente : {waiting}.',
  doneHideAll: 'Masquées : {count}. Encore en attente : {waiting}.',
  unblock: 'Débloquer {author}',
  doneUnblock: 'Débloqué : les nouvelles publications de {author} reviennent dans la file.',
  actionFailed: 'Impossible : {reason}',
} satisfies Catalogue<keyof typeof en>;
