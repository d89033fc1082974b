/** The moderation view's words, in Spanish. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/moderation.js';

export default {
  modTitle: 'Moderación',
  modNoToken: 'Solo para el equipo: introduzca su token de equipo para moderar las publicaciones.',
  modUnauthorized: 'Este token de equipo no fue aceptado: es desconocido o fue revocado. Introduzca otro, o pida uno nuevo a quien administra el servidor.',
  modPending: 'En espera',
  modApproved: 'Aprobadas',
  modHidden: 'Ocultas',
  modReload: 'Actualizar',
  modEmpty: 'Nada aquí.',
  modCount: { one: '# publicación', many: '# de publicaciones', other: '# publicaciones' },
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
  modWaiting: 'Esperando revisión: {count}',
  approveAll: 'Aprobar todo lo mostrado',
  hideAll: 'Ocultar todo lo mostrado',
  doneApproveAll: 'Aprobadas: {count}. Aún esperan: {waiting}.',
  doneHideAll: 'Ocultas: {count}. Aún esperan: {waiting}.',
  unblock: 'Desbloquear a {author}',
  doneUnblock: 'Desbloqueado: las nuevas publicaciones de {author} vuelven a la cola.',
  actionFailed: 'No se pudo: {reason}',
} satisfies Catalogue<keyof typeof en>;
