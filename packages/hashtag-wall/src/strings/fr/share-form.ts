/** The "share your story" form's words, in French. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/share-form.js';

export default {
  formTitle: 'Racontez votre histoire',
  formIntro: 'Dites-nous pourquoi vous vous engagez, ou partagez une photo ou une vidéo. Une personne de l’équipe lit chaque publication avant qu’elle apparaisse sur le mur.',
  name: 'Votre nom (tel qu’il apparaîtra)',
  story: 'Votre histoire',
  link: 'Lien vers une photo ou une vidéo (facultatif)',
  linkHint: 'L’adresse d’une image, ou une vidéo YouTube, Vimeo ou PeerTube.',
  photoAlt: 'Description de la photo (facultatif)',
  photoAltHint: 'Ce qu’on y voit, pour les personnes qui ne peuvent pas la voir : « Nous étions trente sur les marches de la mairie, avec une banderole verte. »',
  photo: 'Une photo (facultatif)',
  photoHint: 'Depuis votre appareil photo ou votre galerie. Le lieu de la prise de vue est effacé avant d’être gardé.',
  photoNotImage: 'Ce fichier n’est pas une photo que nous pouvons lire : choisissez une image de votre appareil ou de votre galerie.',
  needAlt: 'Décrivez votre photo en quelques mots, pour les personnes qui ne peuvent pas la voir.',
  contact: 'Votre e-mail ou téléphone (facultatif, jamais affiché)',
  contactHint: 'Jamais publié : il permet seulement à l’équipe de reconnaître vos publications.',
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
} satisfies Catalogue<keyof typeof en>;
