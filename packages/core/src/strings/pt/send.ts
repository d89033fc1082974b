/** The words every form needs, in Portuguese. */
import type { Catalogue } from '../../i18n.js';
import type en from '../en/send.js';

export default {
  readonly: 'Este formulário ainda não está aberto. Volte daqui a pouco.',
  queued: 'Salvo neste aparelho; será enviado automaticamente.',
  waiting: { one: '# aguardando envio', many: '# aguardando envio', other: '# aguardando envio' },
  failed: 'Não enviado. {reason} Continua salvo neste aparelho.',
  unsaved: 'Não enviado. {reason} Este navegador não deixa o formulário guardar os dados, então envie de novo daqui a pouco.',
  // A field's problem, under it; and the honeypot's label, which people never see.
  honeypot: 'Deixe este campo vazio',
  // After the label of a field the form cannot be sent without.
  requiredMark: '(obrigatório)',
  fieldMissing: 'Preencha este campo.',
  fieldEmail: 'Escreva um e-mail como nome@example.org.',
  fieldPhone: 'Escreva um número de telefone: algarismos, espaços e +.',
  fieldContact: 'Informe um e-mail ou um número de telefone.',
  sentNow: 'Enviado.',
  queuedBlocked: 'Salvo neste aparelho: o servidor da campanha ainda não aceita formulários desta página. Será enviado assim que a campanha resolver isso.',
  refusedAt: 'Não enviado ({time}). {reason}',
  refusedUnreachable: 'Não foi possível falar com a campanha.',
  refusedDuplicate: 'Isto já tinha sido recebido, então não conta duas vezes.',
  refusedTooLarge: 'É grande demais para enviar: deixe mais curto ou mais leve.',
  refusedInvalid: 'A campanha não aceitou o que foi escrito: confira e envie de novo.',
  refusedSetup: 'A campanha ainda não pode receber isto por esta página.',
  discard: 'Descartar',
} satisfies Catalogue<keyof typeof en>;
