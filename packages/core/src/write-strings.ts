/**
 * Words only forms need (sending, kept on the device, refused, read-only): they load with the forms, so
 * a page with only a map or a wall never downloads them. Forms join them to their own catalogues.
 */
import { joinCatalogues, type Catalogue, type Catalogues } from './i18n.js';

const en = {
  readonly: 'This form cannot send anything: its data source is read-only.',
  queued: 'Saved on this device; it will be sent automatically.',
  waiting: '# waiting to be sent|# waiting to be sent',
  failed: 'Not sent: {reason} It is kept on this device.',
  unsaved: 'Not sent: {reason} This browser does not let the form keep it, so send it again in a moment.',
};

export type WriteKey = keyof typeof en;

const fr: Catalogue<WriteKey> = {
  readonly: 'Ce formulaire ne peut rien envoyer : sa source de données est en lecture seule.',
  queued: 'Enregistré sur cet appareil ; l’envoi se fera automatiquement.',
  waiting: '# en attente d’envoi|# en attente d’envoi',
  failed: 'Non envoyé : {reason} Il reste enregistré sur cet appareil.',
  unsaved: 'Non envoyé : {reason} Ce navigateur ne permet pas au formulaire de le garder : renvoyez-le dans un instant.',
};

const es: Catalogue<WriteKey> = {
  readonly: 'Este formulario no puede enviar nada: su fuente de datos es de solo lectura.',
  queued: 'Guardado en este dispositivo; se enviará automáticamente.',
  waiting: '# pendiente de envío|# pendientes de envío',
  failed: 'No enviado: {reason} Se conserva en este dispositivo.',
  unsaved: 'No enviado: {reason} Este navegador no permite que el formulario lo guarde: vuelve a enviarlo en un momento.',
};

export const writeStrings = { en, fr, es };

/** A form's catalogues joined to the words every form needs. */
export function withWrite<K extends string>(own: Catalogues<K>): Catalogues<K | WriteKey> {
  return joinCatalogues(writeStrings, own);
}
