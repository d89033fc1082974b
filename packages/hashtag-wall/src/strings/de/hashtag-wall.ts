/** The wall's own words, in German. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/hashtag-wall.js';

export default {
  title: 'Beiträge mit #{tag}',
  titleAll: 'Pinnwand der Unterstützenden',
  emptyWall: 'Noch keine Beiträge. Mach den Anfang und teile deine Geschichte!',
  skip: 'Pinnwand überspringen',
  end: 'Ende der Pinnwand',
  pause: 'Pause',
  resume: 'Fortsetzen',
  share: 'Erzähl deine Geschichte',
  fresh: { one: '# neuer Beitrag', other: '# neue Beiträge' },
  showFresh: { one: '# neuen Beitrag anzeigen', other: '# neue Beiträge anzeigen' },
  openBy: 'Beitrag von {author} öffnen',
  photoBy: 'Foto von {author}',
  play: 'Video abspielen',
  showImage: 'Foto anzeigen (von {host})',
  videoNote: 'Video auf {platform}, wird erst von {host} geladen, wenn du auf Abspielen drückst.',
  pinned: 'Angeheftet',
  prev: 'Zurück',
  next: 'Weiter',
  page: 'Seite {page} von {pages}',
  cta: 'Teile deine auf {url}',
  ctaTag: 'Teile deine mit #{tag}',
  close: 'Schließen',
  position: 'Beitrag {n} von {total}',
  newTab: '(neuer Tab)',
  showCw: 'Anzeigen',
} satisfies Catalogue<keyof typeof en>;
