/** The "share your story" form's words, in Spanish. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/share-form.js';

export default {
  formTitle: 'Cuente su historia',
  formIntro: 'Cuéntenos por qué participa, o comparta una foto o un vídeo. Una persona del equipo lee cada publicación antes de que aparezca en el muro.',
  name: 'Su nombre (tal como aparecerá)',
  story: 'Su historia',
  link: 'Enlace a una foto o un vídeo (opcional)',
  linkHint: 'La dirección de una imagen, o un vídeo de YouTube, Vimeo o PeerTube.',
  photoAlt: 'Descripción de la foto (opcional)',
  photoAltHint: 'Lo que se ve, para quienes no pueden verla: «Éramos treinta en las escaleras del ayuntamiento, con una pancarta verde».',
  photo: 'Una foto (opcional)',
  photoHint: 'Desde tu cámara o tu galería. El lugar donde se tomó se borra antes de guardarla.',
  photoNotImage: 'Este archivo no es una foto que podamos leer: elige una imagen de tu cámara o tu galería.',
  needAlt: 'Describe tu foto en pocas palabras, para las personas que no pueden verla.',
  contact: 'Tu correo o teléfono (opcional, nunca se muestra)',
  contactHint: 'Nunca se publica: solo permite al equipo reconocer tus publicaciones.',
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
} satisfies Catalogue<keyof typeof en>;
