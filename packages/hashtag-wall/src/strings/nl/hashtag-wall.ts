/** The wall's own words, in Dutch. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/hashtag-wall.js';

export default {
  title: 'Berichten met #{tag}',
  titleAll: 'Het prikbord van onze supporters',
  emptyWall: 'Nog geen berichten. Deel als eerste je verhaal!',
  skip: 'Prikbord overslaan',
  end: 'Einde van het prikbord',
  pause: 'Pauzeren',
  resume: 'Verdergaan',
  share: 'Deel je verhaal',
  fresh: { one: '# nieuw bericht', other: '# nieuwe berichten' },
  showFresh: { one: 'Toon # nieuw bericht', other: 'Toon # nieuwe berichten' },
  openBy: 'Open het bericht van {author}',
  photoBy: 'Foto van {author}',
  play: 'Speel de video af',
  showImage: 'Toon de foto (van {host})',
  videoNote: 'Video op {platform}, pas van {host} geladen als je op afspelen drukt.',
  pinned: 'Vastgezet',
  prev: 'Vorige',
  next: 'Volgende',
  page: 'Pagina {page} van {pages}',
  cta: 'Deel het jouwe op {url}',
  ctaTag: 'Deel het jouwe met #{tag}',
  close: 'Sluiten',
  position: 'Bericht {n} van {total}',
  newTab: '(nieuw tabblad)',
  showCw: 'Tonen',
} satisfies Catalogue<keyof typeof en>;
