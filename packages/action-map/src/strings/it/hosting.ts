/** The words of the forms to host an action and to join one, in Italian. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/hosting.js';

export default {
  hostHeading: 'Organizzare un’azione',
  hostIntro: 'Racconta al gruppo locale cosa prevedi. Lo controlla, poi la tua azione compare sulla mappa.',
  hostTitle: 'Nome dell’azione',
  hostType: 'Tipo di azione',
  hostTypeNone: 'Scegli…',
  hostDay: 'Giorno',
  hostStart: 'Inizio',
  hostEnd: 'Fine',
  hostZone: 'Fuso orario del luogo',
  hostPlace: 'Città o CAP',
  hostVenue: 'Punto d’incontro',
  hostOnline: 'Si svolge online',
  hostLink: 'Link per partecipare online',
  hostDescription: 'Cosa farete?',
  hostCapacity: 'Quante persone possono venire?',
  hostChapter: 'Gruppo locale',
  hostYou: 'Su di te (lo vede solo il gruppo locale)',
  yourName: 'Il tuo nome',
  yourEmail: 'Email',
  yourPhone: 'Telefono',
  hostConsent: 'Accetto che il gruppo locale mi contatti per questa azione.',
  hostSend: 'Invia la mia azione',
  cancel: 'Annulla',
  hostSent: 'Grazie! Il gruppo locale controllerà la tua azione, poi comparirà sulla mappa.',
  hostPublished: 'Grazie! La tua azione è ora sulla mappa.',
  hostPlaceUnknown: 'Non conosciamo questo luogo. Scrivi una città o un CAP, oppure spunta «Si svolge online».',
  fixFields: { one: 'C’è # campo da correggere.', many: 'Ci sono # di campi da correggere.', other: 'Ci sono # campi da correggere.' },
  joinConsent: 'Accetto che chi organizza mi contatti per questa azione.',
  joinSend: 'Iscrivimi',
  joined: 'Sei nella lista. Ci vediamo lì!',
  sending: 'Invio in corso…',
  // Said when the source refuses an RSVP because the action is full (core's refusal words).
  refusedFull: 'Questa azione è al completo: non ci sono più posti.',
} satisfies Catalogue<keyof typeof en>;
