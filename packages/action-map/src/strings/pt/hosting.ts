/** The words of the forms to host an action and to join one, in Portuguese. */
import type { Catalogue } from '@archipel/core';
import type en from '../en/hosting.js';

export default {
  hostHeading: 'Organizar uma ação',
  hostIntro: 'Conte ao grupo local o que planeja. Ele verifica e depois a sua ação aparece no mapa.',
  hostTitle: 'Nome da ação',
  hostType: 'Tipo de ação',
  hostTypeNone: 'Escolher…',
  hostDay: 'Dia',
  hostStart: 'Começa às',
  hostEnd: 'Termina às',
  hostZone: 'Fuso horário do local',
  hostPlace: 'Cidade ou código postal',
  hostVenue: 'Ponto de encontro',
  hostOnline: 'É online',
  hostLink: 'Link para participar online',
  hostDescription: 'O que vão fazer?',
  hostCapacity: 'Quantas pessoas podem vir?',
  hostChapter: 'Grupo local',
  hostYou: 'Sobre você (só o grupo local vê)',
  yourName: 'O seu nome',
  yourEmail: 'E-mail',
  yourPhone: 'Telefone',
  hostConsent: 'Aceito que o grupo local me contacte sobre esta ação.',
  hostSend: 'Enviar a minha ação',
  cancel: 'Cancelar',
  hostSent: 'Obrigado! O grupo local vai verificar a sua ação e depois ela aparece no mapa.',
  hostPublished: 'Obrigado! A sua ação já está no mapa.',
  hostPlaceUnknown: 'Não conhecemos este lugar. Escreva uma cidade ou um código postal, ou marque “É online”.',
  fixFields: { one: 'Há # campo a corrigir.', many: 'Há # de campos a corrigir.', other: 'Há # campos a corrigir.' },
  joinConsent: 'Aceito que os organizadores me contactem sobre esta ação.',
  joinSend: 'Inscrever-me',
  joined: 'Está na lista. Até lá!',
  sending: 'Enviando…',
  // Said when the source refuses an RSVP because the action is full (core's refusal words).
  refusedFull: 'Esta ação está lotada: não há mais lugares.',
} satisfies Catalogue<keyof typeof en>;
