/** The words of the staff moderation view; they load with it. */
import type { Catalogue } from '@archipel/core/shared';

export const en = {
  modTitle: 'Moderation',
  modNoToken: 'Staff only: enter your staff token to moderate the posts.',
  modUnauthorized: 'This staff token was not accepted: it is unknown or was revoked. Enter another, or ask whoever runs the server for a new one.',
  modPending: 'Waiting',
  modApproved: 'Approved',
  modHidden: 'Hidden',
  modReload: 'Check again',
  modEmpty: 'Nothing here.',
  modCount: '# post|# posts',
  approve: 'Approve',
  hide: 'Hide',
  pin: 'Pin',
  unpin: 'Unpin',
  block: 'Block {author}',
  blockConfirm: 'Yes, hide every post by {author}',
  doneApprove: 'Approved: the post by {author} is on the wall.',
  doneHide: 'Hidden: the post by {author} is off the wall.',
  donePin: 'Pinned: the post by {author} leads the wall.',
  doneUnpin: 'Unpinned: the post by {author}.',
  doneBlock: 'Blocked: {author}’s posts are hidden, and new ones will be.',
  actionFailed: 'Could not do it: {reason}',
};

export type ModerationKey = keyof typeof en;

export const fr: Catalogue<ModerationKey> = {
  modTitle: 'Modération',
  modNoToken: 'Réservé à l’équipe : saisissez votre jeton d’équipe pour modérer les messages.',
  modUnauthorized: 'Ce jeton d’équipe n’a pas été accepté : il est inconnu ou a été révoqué. Saisissez-en un autre, ou demandez-en un nouveau à la personne qui gère le serveur.',
  modPending: 'En attente',
  modApproved: 'Approuvées',
  modHidden: 'Masquées',
  modReload: 'Actualiser',
  modEmpty: 'Rien ici.',
  modCount: '# publication|# publications',
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
  actionFailed: 'Impossible : {reason}',
};

export const es: Catalogue<ModerationKey> = {
  modTitle: 'Moderación',
  modNoToken: 'Solo para el equipo: introduzca su token de equipo para moderar las publicaciones.',
  modUnauthorized: 'Este token de equipo no fue aceptado: es desconocido o fue revocado. Introduzca otro, o pida uno nuevo a quien administra el servidor.',
  modPending: 'En espera',
  modApproved: 'Aprobadas',
  modHidden: 'Ocultas',
  modReload: 'Actualizar',
  modEmpty: 'Nada aquí.',
  modCount: '# publicación|# publicaciones',
  approve: 'Aprobar',
  hide: 'Ocultar',
  pin: 'Fijar',
  unpin: 'Desfijar',
  block: 'Bloquear a {author}',
  blockConfirm: 'Sí, ocultar todas las publicaciones de {author}',
  doneApprove: 'Aprobada: la publicación de {author} está en el muro.',
  doneHide: 'Oculta: la publicación de {author} ya no está en el muro.',
  donePin: 'Fijada: la publicación de {author} encabeza el muro.',
  doneUnpin: 'Desfijada: la publicación de {author}.',
  doneBlock: 'Bloqueado: las publicaciones de {author} están ocultas, y las próximas lo estarán.',
  actionFailed: 'No se pudo: {reason}',
};

export const moderationStrings = { en, fr, es };
