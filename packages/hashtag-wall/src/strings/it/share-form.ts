/** The "share your story" form's words, in Italian. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/share-form.js';

export default {
  formTitle: 'Racconta la tua storia',
  formIntro: 'Raccontaci perché partecipi, o condividi una foto o un video. Una persona dello staff legge ogni post prima che compaia sulla bacheca.',
  name: 'Il tuo nome (come apparirà)',
  story: 'La tua storia',
  link: 'Link a una foto o a un video (facoltativo)',
  linkHint: 'L’indirizzo di un’immagine, o un video di YouTube, Vimeo o PeerTube.',
  photoAlt: 'Descrizione della foto (facoltativo)',
  photoAltHint: 'Cosa mostra, per chi non può vederla: «Eravamo in trenta sulla scalinata del municipio, con uno striscione verde».',
  photo: 'Una foto (facoltativo)',
  photoHint: 'Dalla fotocamera o dalla galleria. Il luogo dello scatto viene cancellato prima di conservarla.',
  photoNotImage: 'Questo file non è una foto che possiamo leggere: scegli un’immagine dalla fotocamera o dalla galleria.',
  needAlt: 'Descrivi la tua foto in poche parole, per chi non può vederla.',
  contact: 'La tua email o il tuo telefono (facoltativo, mai mostrato)',
  contactHint: 'Mai pubblicato: serve solo al gruppo per riconoscere i tuoi post.',
  yourChapter: 'Il tuo gruppo locale (facoltativo)',
  noChapter: 'Nessuno o non in elenco',
  consent: 'Accetto che il mio nome, la mia storia e il mio link siano pubblicati su questa bacheca dopo una verifica.',
  send: 'Invia la mia storia',
  sending: 'Invio in corso…',
  thanks: 'Grazie, {name}! La tua storia comparirà sulla bacheca appena una persona dello staff l’avrà letta.',
  queuedReview: 'Comparirà sulla bacheca dopo la verifica.',
  needName: 'Scrivi il tuo nome come deve apparire accanto alla tua storia.',
  badLink: '«{link}» non è un indirizzo web: incollane uno che inizia con https://',
  needWords: 'Scrivi qualche parola o aggiungi un link.',
  needConsent: 'Spunta la casella per accettare la pubblicazione, altrimenti la tua storia non può comparire.',
} satisfies Catalogue<keyof typeof en>;
