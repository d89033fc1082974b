/** The moderation view's words, in Portuguese. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/moderation.js';

export default {
  modTitle: 'Moderação',
  modNoToken: 'Só para a equipe: digite seu código de acesso para moderar as publicações.',
  modUnauthorized: 'Este código de acesso não foi aceito: está errado ou não vale mais. Digite outro ou peça um novo a quem cuida do servidor.',
  modPending: 'Aguardando',
  modApproved: 'Aprovadas',
  modHidden: 'Ocultas',
  modReload: 'Atualizar',
  modEmpty: 'Nada aqui.',
  modCount: { one: '# publicação', many: '# de publicações', other: '# publicações' },
  approve: 'Aprovar',
  hide: 'Ocultar',
  pin: 'Fixar',
  unpin: 'Desafixar',
  block: 'Bloquear {author}',
  blockConfirm: 'Sim, ocultar todas as publicações de {author}',
  doneApprove: 'Aprovada: a publicação de {author} está no mural.',
  doneHide: 'Ocultada: a publicação de {author} saiu do mural.',
  donePin: 'Fixada: a publicação de {author} está no topo do mural.',
  doneUnpin: 'Desafixada: a publicação de {author}.',
  doneBlock: 'Bloqueado: as publicações de {author} estão ocultas, e as próximas também ficarão.',
  modWaiting: 'Aguardando revisão: {count}',
  approveAll: 'Aprovar tudo o que está mostrado',
  hideAll: 'Ocultar tudo o que está mostrado',
  doneApproveAll: 'Aprovadas: {count}. Ainda aguardam: {waiting}.',
  doneHideAll: 'Ocultas: {count}. Ainda aguardam: {waiting}.',
  unblock: 'Desbloquear {author}',
  doneUnblock: 'Desbloqueado: as novas publicações de {author} voltam à fila.',
  actionFailed: 'Não deu certo: {reason}',
} satisfies Catalogue<keyof typeof en>;
