/** The words every form needs, in Portuguese. */
import type { Catalogue } from '../../i18n.js';
import type en from '../en/send.js';

export default {
  readonly: 'Este formulário não consegue enviar nada: a campanha ainda não o preparou para receber respostas.',
  queued: 'Salvo neste aparelho; será enviado automaticamente.',
  waiting: { one: '# aguardando envio', many: '# aguardando envio', other: '# aguardando envio' },
  failed: 'Não enviado: {reason} Continua salvo neste aparelho.',
  unsaved: 'Não enviado: {reason} Este navegador não deixa o formulário guardar os dados, então envie de novo daqui a pouco.',
  // A field's problem, under it; and the honeypot's label, which people never see.
  honeypot: 'Deixe este campo vazio',
  fieldMissing: 'Preencha este campo.',
  fieldEmail: 'Escreva um e-mail como nome@example.org.',
  fieldPhone: 'Escreva um número de telefone: algarismos, espaços e +.',
  fieldContact: 'Informe um e-mail ou um número de telefone.',
  sentNow: 'Enviado.',
  queuedBlocked: 'Salvo neste aparelho: o servidor da campanha ainda não aceita formulários desta página. Será enviado assim que a campanha resolver isso.',
  refusedAt: 'Não enviado ({time}): {reason}',
  discard: 'Descartar',
} satisfies Catalogue<keyof typeof en>;
