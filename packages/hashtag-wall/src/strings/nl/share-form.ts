/** The "share your story" form's words, in Dutch. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/share-form.js';

export default {
  formTitle: 'Deel je verhaal',
  formIntro: 'Vertel ons waarom je meedoet, of deel een foto of een video. Iemand van het team leest elk bericht voordat het op het prikbord verschijnt.',
  name: 'Je naam (zoals die verschijnt)',
  story: 'Je verhaal',
  link: 'Link naar een foto of video (niet verplicht)',
  linkHint: 'Het adres van een afbeelding, of een video op YouTube, Vimeo of PeerTube.',
  photoAlt: 'Beschrijving van de foto (niet verplicht)',
  photoAltHint: 'Wat erop staat, voor wie de foto niet kan zien: ‘Met z’n dertigen op de trappen van het stadhuis, met een groen spandoek.’',
  photo: 'Een foto (niet verplicht)',
  photoHint: 'Van je camera of uit je galerij. De plek waar hij gemaakt is wordt gewist voordat hij bewaard wordt.',
  photoNotImage: 'Dit bestand is geen foto die we kunnen lezen: kies een afbeelding van je camera of uit je galerij.',
  needAlt: 'Beschrijf je foto in een paar woorden, voor mensen die hem niet kunnen zien.',
  contact: 'Je e-mail of telefoon (niet verplicht, nooit getoond)',
  contactHint: 'Nooit gepubliceerd: alleen zodat het team je berichten herkent.',
  yourChapter: 'Je lokale groep (niet verplicht)',
  noChapter: 'Geen, of niet in de lijst',
  consent: 'Ik ga ermee akkoord dat mijn naam, mijn verhaal en mijn link na controle op dit prikbord verschijnen.',
  send: 'Verstuur mijn verhaal',
  sending: 'Versturen…',
  thanks: 'Bedankt, {name}! Je verhaal verschijnt op het prikbord zodra iemand van het team het gelezen heeft.',
  queuedReview: 'Het verschijnt op het prikbord na controle.',
  needName: 'Schrijf je naam zoals die bij je verhaal moet staan.',
  badLink: '‘{link}’ is geen webadres: plak er een dat begint met https://',
  needWords: 'Schrijf een paar woorden of voeg een link toe.',
  needConsent: 'Vink het vakje aan om akkoord te gaan met publicatie, anders kan je verhaal niet verschijnen.',
} satisfies Catalogue<keyof typeof en>;
