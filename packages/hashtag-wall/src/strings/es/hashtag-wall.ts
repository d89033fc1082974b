/** The wall's own words, in Spanish, with the core's words in the same file, so that a page loads one file of words. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/hashtag-wall.js';

export default {
  title: 'Publicaciones #{tag}',
  titleAll: 'El muro de simpatizantes',
  emptyWall: 'Todavía no hay publicaciones. ¡Comparta la primera!',
  skip: 'Saltar el muro',
  end: 'Fin del muro',
  pause: 'Pausa',
  resume: 'Reanudar',
  share: 'Cuente su historia',
  fresh: { one: '# publicación nueva', many: '# de publicaciones nuevas', other: '# publicaciones nuevas' },
  showFresh: { one: 'Mostrar # publicación nueva', many: 'Mostrar # de publicaciones nuevas', other: 'Mostrar # publicaciones nuevas' },
  openBy: 'Abrir la publicación de {author}',
  photoBy: 'Foto de {author}',
  play: 'Reproducir el vídeo',
  showImage: 'Mostrar la foto (de {host})',
  videoNote: 'Vídeo en {platform}, cargado desde {host} solo cuando pulse reproducir.',
  pinned: 'Fijado',
  prev: 'Anterior',
  next: 'Siguiente',
  page: 'Página {page} de {pages}',
  cta: 'Comparta la suya en {url}',
  ctaTag: 'Comparta la suya con #{tag}',
  close: 'Cerrar',
  position: 'Publicación {n} de {total}',
  newTab: '(pestaña nueva)',
  showCw: 'Mostrar',
} satisfies Catalogue<keyof typeof en>;
