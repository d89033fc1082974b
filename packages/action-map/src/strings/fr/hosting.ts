/** The words of the forms to host an action and to join one, in French. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/hosting.js';

export default {
  hostHeading: 'Organiser une action',
  hostIntro: 'Dites au groupe local ce que vous prévoyez. Il la vérifie, puis votre action apparaît sur la carte.',
  hostTitle: 'Nom de l’action',
  hostType: 'Type d’action',
  hostTypeNone: 'Choisir…',
  hostDay: 'Jour',
  hostStart: 'Début',
  hostEnd: 'Fin',
  hostZone: 'Fuseau horaire du lieu',
  hostPlace: 'Ville ou code postal',
  hostVenue: 'Lieu de rendez-vous',
  hostOnline: 'Elle a lieu en ligne',
  hostLink: 'Lien pour participer en ligne',
  hostDescription: 'Qu’allez-vous faire ?',
  hostCapacity: 'Combien de personnes peuvent venir ?',
  hostChapter: 'Groupe local',
  hostYou: 'Vous (seul le groupe local le voit)',
  yourName: 'Votre nom',
  yourEmail: 'E-mail',
  yourPhone: 'Téléphone',
  hostConsent: 'J’accepte que le groupe local me contacte au sujet de cette action.',
  hostSend: 'Envoyer mon action',
  cancel: 'Annuler',
  hostSent: 'Merci ! Le groupe local va vérifier votre action, puis elle apparaîtra sur la carte.',
  hostPublished: 'Merci ! Votre action est maintenant sur la carte.',
  hostPlaceUnknown: 'Nous ne connaissons pas ce lieu. Écrivez une ville ou un code postal, ou cochez « Elle a lieu en ligne ».',
  fixFields: { one: '# champ est à corriger.', many: '# de champs sont à corriger.', other: '# champs sont à corriger.' },
  joinConsent: 'J’accepte que les organisateurs me contactent au sujet de cette action.',
  joinSend: 'Je m’inscris',
  joined: 'Vous êtes inscrit·e. À bientôt !',
  sending: 'Envoi…',
  // Said when the source refuses an RSVP because the action is full (core's refusal words).
  refusedFull: 'Cette action est complète : il n’y a plus de place.',
} satisfies Catalogue<keyof typeof en>;
