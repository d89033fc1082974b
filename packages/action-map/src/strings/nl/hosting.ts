/** The words of the forms to host an action and to join one, in Dutch. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/hosting.js';

export default {
  hostHeading: 'Een actie organiseren',
  hostIntro: 'Vertel de lokale groep wat je van plan bent. Zij bekijkt het, daarna staat je actie op de kaart.',
  hostTitle: 'Naam van de actie',
  hostType: 'Soort actie',
  hostTypeNone: 'Kies…',
  hostDay: 'Dag',
  hostStart: 'Begint om',
  hostEnd: 'Eindigt om',
  hostZone: 'Tijdzone van de plaats',
  hostPlace: 'Plaats of postcode',
  hostVenue: 'Verzamelpunt',
  hostOnline: 'Het gebeurt online',
  hostLink: 'Link om online mee te doen',
  hostDescription: 'Wat gaan jullie doen?',
  hostCapacity: 'Hoeveel mensen kunnen komen?',
  hostChapter: 'Lokale groep',
  hostYou: 'Over jou (alleen de lokale groep ziet dit)',
  yourName: 'Je naam',
  yourEmail: 'E-mail',
  yourPhone: 'Telefoon',
  hostConsent: 'Ik ga ermee akkoord dat de lokale groep contact met me opneemt over deze actie.',
  hostSend: 'Mijn actie versturen',
  cancel: 'Annuleren',
  hostSent: 'Bedankt! De lokale groep bekijkt je actie, daarna verschijnt ze op de kaart.',
  hostPublished: 'Dank je! Je actie staat nu op de kaart.',
  hostPlaceUnknown: 'Deze plaats kennen we niet. Schrijf een plaats of postcode, of vink ‘Het gebeurt online’ aan.',
  fixFields: { one: 'Eén veld moet verbeterd worden.', other: '# velden moeten verbeterd worden.' },
  joinConsent: 'Ik ga ermee akkoord dat de organisatoren contact met me opnemen over deze actie.',
  joinSend: 'Schrijf me in',
  joined: 'Je staat op de lijst. Tot dan!',
  sending: 'Versturen…',
  // Said when the source refuses an RSVP because the action is full (core's refusal words).
  refusedFull: 'Deze actie is vol: er is geen plaats meer.',
} satisfies Catalogue<keyof typeof en>;
