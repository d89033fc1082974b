/** The "share your story" form's words, in Portuguese. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/share-form.js';

export default {
  formTitle: 'Conte sua história',
  formIntro: 'Conte para a gente por que você participa, ou compartilhe uma foto ou um vídeo. Uma pessoa da equipe lê cada publicação antes de ela aparecer no mural.',
  name: 'Seu nome (como vai aparecer)',
  story: 'Sua história',
  link: 'Link de uma foto ou de um vídeo (opcional)',
  linkHint: 'O endereço de uma imagem, ou um vídeo do YouTube, Vimeo ou PeerTube.',
  photoAlt: 'Descrição da foto (opcional)',
  photoAltHint: 'O que ela mostra, para quem não pode vê-la: “Éramos trinta na escadaria da prefeitura, com uma faixa verde.”',
  photo: 'Uma foto (opcional)',
  photoHint: 'Da sua câmera ou da sua galeria. O lugar onde foi tirada é apagado antes de ser guardada.',
  photoNotImage: 'Este arquivo não é uma foto que possamos ler: escolha uma imagem da sua câmera ou galeria.',
  needAlt: 'Descreva sua foto em poucas palavras, para as pessoas que não podem vê-la.',
  contact: 'Seu e-mail ou telefone (opcional, nunca mostrado)',
  contactHint: 'Nunca publicado: só permite à equipe reconhecer suas publicações.',
  yourChapter: 'Seu grupo local (opcional)',
  noChapter: 'Nenhum ou não está na lista',
  consent: 'Concordo que meu nome, minha história e meu link sejam publicados neste mural depois de revisados.',
  send: 'Enviar minha história',
  sending: 'Enviando…',
  thanks: 'Obrigado, {name}! Sua história vai aparecer no mural assim que uma pessoa da equipe ler.',
  queuedReview: 'Ela vai aparecer no mural depois de revisada.',
  needName: 'Escreva seu nome como ele deve aparecer com sua história.',
  badLink: '“{link}” não é um endereço da web: cole um que comece com https://',
  needWords: 'Escreva algumas palavras ou adicione um link.',
  needConsent: 'Marque a caixa para concordar com a publicação; sem isso, sua história não pode aparecer.',
} satisfies Catalogue<keyof typeof en>;
