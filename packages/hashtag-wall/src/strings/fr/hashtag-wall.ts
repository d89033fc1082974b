/** The wall's own words, in French, with the core's words in the same file, so that a page loads one file of words. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/hashtag-wall.js';

export default {
  title: 'Publications #{tag}',
  titleAll: 'Le mur des sympathisants',
  emptyWall: 'Aucune publication pour l’instant. Partagez la première !',
  skip: 'Passer le mur',
  end: 'Fin du mur',
  pause: 'Pause',
  resume: 'Reprendre',
  share: 'Racontez votre histoire',
  fresh: { one: '# nouvelle publication', many: '# de nouvelles publications', other: '# nouvelles publications' },
  showFresh: { one: 'Afficher # nouvelle publication', many: 'Afficher # de nouvelles publications', other: 'Afficher # nouvelles publications' },
  openBy: 'Ouvrir la publication de {author}',
  photoBy: 'Photo de {author}',
  play: 'Lire la vidéo',
  showImage: 'Afficher la photo (de {host})',
  videoNote: 'Vidéo sur {platform}, chargée depuis {host} seulement quand vous lancez la lecture.',
  pinned: 'Épinglé',
  prev: 'Précédent',
  next: 'Suivant',
  page: 'Page {page} sur {pages}',
  cta: 'Partagez la vôtre sur {url}',
  ctaTag: 'Partagez la vôtre avec #{tag}',
  close: 'Fermer',
  position: 'Publication {n} sur {total}',
  newTab: '(nouvel onglet)',
  showCw: 'Afficher',
} satisfies Catalogue<keyof typeof en>;
