/** The wall's own words, in Portuguese. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/hashtag-wall.js';

export default {
  title: 'Publicações com #{tag}',
  titleAll: 'O mural de quem apoia',
  emptyWall: 'Nenhuma publicação ainda. Seja a primeira pessoa a contar sua história!',
  skip: 'Pular o mural',
  end: 'Fim do mural',
  pause: 'Pausar',
  resume: 'Continuar',
  share: 'Conte sua história',
  fresh: { one: '# nova publicação', many: '# de novas publicações', other: '# novas publicações' },
  showFresh: { one: 'Mostrar # nova publicação', many: 'Mostrar # de novas publicações', other: 'Mostrar # novas publicações' },
  openBy: 'Abrir a publicação de {author}',
  photoBy: 'Foto de {author}',
  play: 'Assistir ao vídeo',
  showImage: 'Mostrar a foto (de {host})',
  videoNote: 'Vídeo no {platform}, carregado de {host} só quando você apertar o play.',
  pinned: 'Fixada',
  prev: 'Anterior',
  next: 'Próxima',
  page: 'Página {page} de {pages}',
  cta: 'Compartilhe a sua em {url}',
  ctaTag: 'Compartilhe a sua com #{tag}',
  close: 'Fechar',
  position: 'Publicação {n} de {total}',
  newTab: '(nova aba)',
  showCw: 'Mostrar',
} satisfies Catalogue<keyof typeof en>;
