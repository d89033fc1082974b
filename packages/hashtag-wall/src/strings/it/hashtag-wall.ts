/** The wall's own words, in Italian. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/hashtag-wall.js';

export default {
  title: 'Post con #{tag}',
  titleAll: 'La bacheca di chi ci sostiene',
  emptyWall: 'Ancora nessun post. Racconta tu la prima storia!',
  skip: 'Salta la bacheca',
  end: 'Fine della bacheca',
  pause: 'Pausa',
  resume: 'Riprendi',
  share: 'Racconta la tua storia',
  fresh: { one: '# nuovo post', many: '# di nuovi post', other: '# nuovi post' },
  showFresh: { one: 'Mostra # nuovo post', many: 'Mostra # di nuovi post', other: 'Mostra # nuovi post' },
  openBy: 'Apri il post di {author}',
  photoBy: 'Foto di {author}',
  play: 'Guarda il video',
  showImage: 'Mostra la foto (da {host})',
  videoNote: 'Video su {platform}, caricato da {host} solo quando premi play.',
  pinned: 'In evidenza',
  prev: 'Precedente',
  next: 'Successivo',
  page: 'Pagina {page} di {pages}',
  cta: 'Condividi la tua su {url}',
  ctaTag: 'Condividi la tua con #{tag}',
  close: 'Chiudi',
  position: 'Post {n} di {total}',
  newTab: '(nuova scheda)',
  showCw: 'Mostra',
} satisfies Catalogue<keyof typeof en>;
