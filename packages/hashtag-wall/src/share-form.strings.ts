/** The words of the "share your story" form; they load with it. */
import type { Catalogue } from '@archipel/core/shared';
import { withWrite, type WriteKey } from '@archipel/core/write-strings';

export const en = {
  formTitle: 'Share your story',
  formIntro: 'Tell us why you take part, or share a photo or a video. A moderator reads every post before it appears on the wall.',
  name: 'Your name (as it will appear)',
  story: 'Your story',
  link: 'Link to a photo or a video (optional)',
  linkHint: 'The address of a picture, or a YouTube, Vimeo or PeerTube video.',
  yourChapter: 'Your local group (optional)',
  noChapter: 'None or not listed',
  consent: 'I agree that my name, my story and my link are published on this wall after review.',
  send: 'Send my story',
  sending: 'Sending…',
  thanks: 'Thank you, {name}! Your story will appear on the wall once a moderator has read it.',
  queuedReview: 'It will appear on the wall after review.',
  needName: 'Write your name as it should appear with your story.',
  badLink: '“{link}” is not a web address: paste one that starts with https://',
  needWords: 'Write a few words or add a link.',
  needConsent: 'Tick the box to agree to publication, or your story cannot appear.',
  honeypot: 'Leave this field empty',
  problem: 'Please check this: {problem}',
};

type Key = keyof typeof en;

export const fr: Catalogue<Key> = {
  formTitle: 'Racontez votre histoire',
  formIntro: 'Dites-nous pourquoi vous vous engagez, ou partagez une photo ou une vidéo. Une personne de l’équipe lit chaque publication avant qu’elle apparaisse sur le mur.',
  name: 'Votre nom (tel qu’il apparaîtra)',
  story: 'Votre histoire',
  link: 'Lien vers une photo ou une vidéo (facultatif)',
  linkHint: 'L’adresse d’une image, ou une vidéo YouTube, Vimeo ou PeerTube.',
  yourChapter: 'Votre groupe local (facultatif)',
  noChapter: 'Aucun ou absent de la liste',
  consent: 'J’accepte que mon nom, mon histoire et mon lien soient publiés sur ce mur après relecture.',
  send: 'Envoyer mon histoire',
  sending: 'Envoi…',
  thanks: 'Merci, {name} ! Votre histoire apparaîtra sur le mur dès qu’une personne de l’équipe l’aura lue.',
  queuedReview: 'Elle apparaîtra sur le mur après relecture.',
  needName: 'Écrivez votre nom tel qu’il apparaîtra avec votre histoire.',
  badLink: '« {link} » n’est pas une adresse web : collez-en une qui commence par https://',
  needWords: 'Écrivez quelques mots ou ajoutez un lien.',
  needConsent: 'Cochez la case pour accepter la publication, sans quoi votre histoire ne peut pas apparaître.',
  honeypot: 'Laissez ce champ vide',
  problem: 'Vérifiez ceci : {problem}',
};

export const es: Catalogue<Key> = {
  formTitle: 'Cuente su historia',
  formIntro: 'Cuéntenos por qué participa, o comparta una foto o un vídeo. Una persona del equipo lee cada publicación antes de que aparezca en el muro.',
  name: 'Su nombre (tal como aparecerá)',
  story: 'Su historia',
  link: 'Enlace a una foto o un vídeo (opcional)',
  linkHint: 'La dirección de una imagen, o un vídeo de YouTube, Vimeo o PeerTube.',
  yourChapter: 'Su grupo local (opcional)',
  noChapter: 'Ninguno o no aparece',
  consent: 'Acepto que mi nombre, mi historia y mi enlace se publiquen en este muro tras revisión.',
  send: 'Enviar mi historia',
  sending: 'Enviando…',
  thanks: '¡Gracias, {name}! Su historia aparecerá en el muro cuando una persona del equipo la haya leído.',
  queuedReview: 'Aparecerá en el muro tras revisión.',
  needName: 'Escriba su nombre tal como aparecerá con su historia.',
  badLink: '«{link}» no es una dirección web: pegue una que empiece por https://',
  needWords: 'Escriba unas palabras o añada un enlace.',
  needConsent: 'Marque la casilla para aceptar la publicación; si no, su historia no puede aparecer.',
  honeypot: 'Deje este campo vacío',
  problem: 'Revise esto: {problem}',
};

export const formStrings = withWrite({ en, fr, es });
export type FormKey = Key | WriteKey;
