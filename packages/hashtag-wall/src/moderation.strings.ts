/** The words of the staff moderation view; they load with it. */
import type { Catalogue } from '@archipel/core/shared';

export const en = {
  modTitle: 'Moderation',
  modNoToken: 'This is the staff view. Set the token property to a staff token (in code, never in the page’s HTML).',
  modUnauthorized: 'This staff token was refused. Ask for a new one (archipel-server token create).',
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
  modNoToken: 'Ceci est la vue de l’équipe. Donnez à la propriété token un jeton d’équipe (dans le code, jamais dans le HTML de la page).',
  modUnauthorized: 'Ce jeton d’équipe a été refusé. Demandez-en un nouveau (archipel-server token create).',
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
  modNoToken: 'Esta es la vista del equipo. Asigne a la propiedad token un token del equipo (en el código, nunca en el HTML de la página).',
  modUnauthorized: 'Este token del equipo fue rechazado. Pida uno nuevo (archipel-server token create).',
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
