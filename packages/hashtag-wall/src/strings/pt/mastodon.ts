/** What the wall says about a Mastodon server, in Portuguese. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/mastodon.js';

export default {
  mastodonLocked:
    '{host} só mostra suas publicações públicas para quem entrou com uma conta de lá, então as publicações com #{tag} de lá não podem aparecer neste mural. As compartilhadas aqui aparecem normalmente.',
  mastodonBusy: '{host} pediu para irmos mais devagar; as publicações com #{tag} de lá serão buscadas de novo às {time}.',
  mastodonFailed: 'Não foi possível ler as publicações com #{tag} de {host}. O mural mostra as outras.',
  mastodonNoTag: 'Para mostrar publicações de {host}, dê ao mural um atributo hashtag.',
  sensitive: 'Conteúdo sensível',
} satisfies Catalogue<keyof typeof en>;
