/** The words every form needs, in Spanish. */
import type en from './write-strings.en.js';

export default {
  readonly: 'Este formulario no puede enviar nada: su fuente de datos es de solo lectura.',
  queued: 'Guardado en este dispositivo; se enviará automáticamente.',
  waiting: '# pendiente de envío|# pendientes de envío',
  failed: 'No enviado: {reason} Se conserva en este dispositivo.',
  unsaved: 'No enviado: {reason} Este navegador no permite que el formulario lo guarde: vuelve a enviarlo en un momento.',
} satisfies Record<keyof typeof en, string>;
