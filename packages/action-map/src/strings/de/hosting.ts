/** The words of the forms to host an action and to join one, in German. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/hosting.js';

export default {
  hostHeading: 'Eine Aktion organisieren',
  hostIntro: 'Sagen Sie der Ortsgruppe, was Sie vorhaben. Sie prüft es, dann erscheint Ihre Aktion auf der Karte.',
  hostTitle: 'Name der Aktion',
  hostType: 'Art der Aktion',
  hostTypeNone: 'Auswählen…',
  hostDay: 'Tag',
  hostStart: 'Beginn',
  hostEnd: 'Ende',
  hostZone: 'Zeitzone des Ortes',
  hostPlace: 'Ort oder Postleitzahl',
  hostVenue: 'Treffpunkt',
  hostOnline: 'Sie findet online statt',
  hostLink: 'Link zur Online-Teilnahme',
  hostDescription: 'Was haben Sie vor?',
  hostCapacity: 'Wie viele Personen können kommen?',
  hostChapter: 'Ortsgruppe',
  hostYou: 'Über Sie (nur die Ortsgruppe sieht das)',
  yourName: 'Ihr Name',
  yourEmail: 'E-Mail',
  yourPhone: 'Telefon',
  hostConsent: 'Ich bin einverstanden, dass die Ortsgruppe mich zu dieser Aktion kontaktiert.',
  hostSend: 'Meine Aktion senden',
  cancel: 'Abbrechen',
  hostSent: 'Danke! Die Ortsgruppe prüft Ihre Aktion, dann erscheint sie auf der Karte.',
  hostPublished: 'Danke! Ihre Aktion ist jetzt auf der Karte.',
  hostPlaceUnknown: 'Diesen Ort kennen wir nicht. Schreiben Sie einen Ort oder eine Postleitzahl, oder kreuzen Sie „Sie findet online statt“ an.',
  fixFields: { one: 'Ein Feld muss korrigiert werden.', other: '# Felder müssen korrigiert werden.' },
  joinConsent: 'Ich bin einverstanden, dass die Veranstaltenden mich zu dieser Aktion kontaktieren.',
  joinSend: 'Anmelden',
  joined: 'Sie sind angemeldet. Bis bald!',
  sending: 'Wird gesendet…',
  // Said when the source refuses an RSVP because the action is full (core's refusal words).
  refusedFull: 'Diese Aktion ist ausgebucht: es ist kein Platz mehr frei.',
} satisfies Catalogue<keyof typeof en>;
