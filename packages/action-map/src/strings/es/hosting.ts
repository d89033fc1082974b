/** The words of the forms to host an action and to join one, in Spanish. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/hosting.js';

export default {
  hostHeading: 'Organizar una acción',
  hostIntro: 'Cuéntale al grupo local lo que planeas. Lo revisa y luego tu acción aparece en el mapa.',
  hostTitle: 'Nombre de la acción',
  hostType: 'Tipo de acción',
  hostTypeNone: 'Elegir…',
  hostDay: 'Día',
  hostStart: 'Empieza a las',
  hostEnd: 'Termina a las',
  hostZone: 'Zona horaria del lugar',
  hostPlace: 'Ciudad o código postal',
  hostVenue: 'Punto de encuentro',
  hostOnline: 'Es en línea',
  hostLink: 'Enlace para participar en línea',
  hostDescription: '¿Qué vais a hacer?',
  hostCapacity: '¿Cuántas personas pueden venir?',
  hostChapter: 'Grupo local',
  hostYou: 'Sobre ti (solo lo ve el grupo local)',
  yourName: 'Tu nombre',
  yourEmail: 'Correo electrónico',
  yourPhone: 'Teléfono',
  hostConsent: 'Acepto que el grupo local me contacte sobre esta acción.',
  hostSend: 'Enviar mi acción',
  cancel: 'Cancelar',
  hostSent: '¡Gracias! El grupo local revisará tu acción y luego aparecerá en el mapa.',
  hostPublished: '¡Gracias! Tu acción ya está en el mapa.',
  hostPlaceUnknown: 'No conocemos este lugar. Escribe una ciudad o un código postal, o marca «Es en línea».',
  fixFields: { one: 'Hay # campo que corregir.', many: 'Hay # de campos que corregir.', other: 'Hay # campos que corregir.' },
  joinConsent: 'Acepto que los organizadores me contacten sobre esta acción.',
  joinSend: 'Apúntame',
  joined: 'Estás en la lista. ¡Nos vemos allí!',
  sending: 'Enviando…',
  // Said when the source refuses an RSVP because the action is full (core's refusal words).
  refusedFull: 'Esta acción está completa: no quedan plazas.',
} satisfies Catalogue<keyof typeof en>;
