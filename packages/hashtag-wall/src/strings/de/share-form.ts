/** The "share your story" form's words, in German. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/share-form.js';

export default {
  formTitle: 'Erzähl deine Geschichte',
  formIntro: 'Erzähl uns, warum du mitmachst, oder teile ein Foto oder ein Video. Jemand aus dem Team liest jeden Beitrag, bevor er auf der Pinnwand erscheint.',
  name: 'Dein Name (so, wie er erscheinen soll)',
  story: 'Deine Geschichte',
  link: 'Link zu einem Foto oder Video (freiwillig)',
  linkHint: 'Die Adresse eines Bildes oder ein Video auf YouTube, Vimeo oder PeerTube.',
  photoAlt: 'Beschreibung des Fotos (freiwillig)',
  photoAltHint: 'Was darauf zu sehen ist, für Menschen, die es nicht sehen können: „Wir waren zu dreißig auf der Rathaustreppe, mit einem grünen Banner.“',
  photo: 'Ein Foto (freiwillig)',
  photoHint: 'Von deiner Kamera oder aus deiner Galerie. Der Aufnahmeort wird gelöscht, bevor es gespeichert wird.',
  photoNotImage: 'Diese Datei ist kein Foto, das wir lesen können: Wähle ein Bild aus deiner Kamera oder Galerie.',
  needAlt: 'Beschreibe dein Foto in wenigen Worten, für Menschen, die es nicht sehen können.',
  contact: 'Deine E-Mail oder Telefonnummer (freiwillig, nie angezeigt)',
  contactHint: 'Nie veröffentlicht: Das Team erkennt daran nur deine Beiträge.',
  yourChapter: 'Deine Ortsgruppe (freiwillig)',
  noChapter: 'Keine oder nicht in der Liste',
  consent: 'Ich bin einverstanden, dass mein Name, meine Geschichte und mein Link nach einer Prüfung auf dieser Pinnwand erscheinen.',
  send: 'Geschichte senden',
  sending: 'Wird gesendet…',
  thanks: 'Danke, {name}! Deine Geschichte erscheint auf der Pinnwand, sobald jemand aus dem Team sie gelesen hat.',
  queuedReview: 'Sie erscheint nach der Prüfung auf der Pinnwand.',
  needName: 'Schreib deinen Namen so, wie er bei deiner Geschichte stehen soll.',
  badLink: '„{link}“ ist keine Webadresse: Füge eine ein, die mit https:// beginnt.',
  needWords: 'Schreib ein paar Worte oder füge einen Link hinzu.',
  needConsent: 'Kreuz das Kästchen an, um der Veröffentlichung zuzustimmen, sonst kann deine Geschichte nicht erscheinen.',
} satisfies Catalogue<keyof typeof en>;
