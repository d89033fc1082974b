/** The words every form needs, in Swahili. */
import type { Catalogue } from '../../i18n.js';
import type en from '../en/send.js';

export default {
  readonly: 'Fomu hii bado haijafunguliwa. Rudi baadaye kidogo.',
  queued: 'Imehifadhiwa kwenye kifaa hiki; itatumwa yenyewe.',
  waiting: { one: '# inasubiri kutumwa', other: '# zinasubiri kutumwa' },
  failed: 'Haijatumwa. {reason} Imebaki kwenye kifaa hiki.',
  unsaved: 'Haijatumwa. {reason} Kivinjari hiki hakiruhusu fomu kuihifadhi, kwa hiyo itume tena baada ya muda mfupi.',
  // A field's problem, under it; and the honeypot's label, which people never see.
  honeypot: 'Acha sehemu hii wazi',
  // After the label of a field the form cannot be sent without.
  requiredMark: '(lazima)',
  fieldMissing: 'Tafadhali jaza sehemu hii.',
  fieldEmail: 'Andika anwani ya barua pepe kama jina@example.org.',
  fieldPhone: 'Andika namba ya simu: tarakimu, nafasi na +.',
  fieldContact: 'Weka anwani ya barua pepe au namba ya simu.',
  sentNow: 'Imetumwa.',
  queuedBlocked: 'Imehifadhiwa kwenye kifaa hiki: seva ya kampeni bado haipokei fomu kutoka ukurasa huu. Itatumwa mara kampeni itakaporekebisha hilo.',
  refusedAt: 'Haijatumwa ({time}). {reason}',
  refusedUnreachable: 'Hatukuweza kuwasiliana na kampeni.',
  refusedDuplicate: 'Ilishapokelewa, kwa hiyo haihesabiwi mara mbili.',
  refusedTooLarge: 'Ni kubwa mno kutumwa: ifupishe au ipunguze.',
  refusedInvalid: 'Kampeni haikukubali kilichoandikwa: kikague, kisha ukitume tena.',
  refusedSetup: 'Kampeni bado haiwezi kuipokea kutoka ukurasa huu.',
  discard: 'Tupa',
} satisfies Catalogue<keyof typeof en>;
