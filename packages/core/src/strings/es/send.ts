/** The words every form needs, in Spanish. */
import type { Catalogue } from '../../i18n.js';
import type en from '../en/send.js';

export default {
  readonly: 'Este formulario todavía no está abierto. Vuelve un poco más tarde.',
  queued: 'Guardado en este dispositivo; se enviará automáticamente.',
  waiting: { one: '# pendiente de envío', many: '# pendientes de envío', other: '# pendientes de envío' },
  failed: 'No enviado. {reason} Se conserva en este dispositivo.',
  unsaved: 'No enviado. {reason} Este navegador no permite que el formulario lo guarde: vuelve a enviarlo en un momento.',
  // A field's problem, under it; and the honeypot's label, which people never see.
  honeypot: 'Deja este campo vacío',
  // After the label of a field the form cannot be sent without.
  requiredMark: '(obligatorio)',
  fieldMissing: 'Rellena este campo.',
  fieldEmail: 'Escribe un correo como nombre@ejemplo.org.',
  fieldPhone: 'Escribe un número de teléfono: cifras, espacios y +.',
  fieldContact: 'Indica un correo o un número de teléfono.',
  sentNow: 'Enviado.',
  queuedBlocked: 'Guardado en este dispositivo: el servidor de la campaña todavía no acepta formularios de esta página. Se enviará en cuanto la campaña lo corrija.',
  refusedAt: 'No enviado ({time}). {reason}',
  refusedUnreachable: 'No se pudo contactar con la campaña.',
  refusedDuplicate: 'Ya se había recibido, así que no se cuenta dos veces.',
  refusedTooLarge: 'Es demasiado grande para enviarlo: hazlo más corto o más ligero.',
  refusedInvalid: 'La campaña no aceptó lo que se escribió: revísalo y vuelve a enviarlo.',
  refusedSetup: 'La campaña todavía no puede recibirlo desde esta página.',
  discard: 'Descartar',
} satisfies Catalogue<keyof typeof en>;
