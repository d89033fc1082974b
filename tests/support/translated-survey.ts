/** A French survey with Spanish, Brazilian Portuguese and English translations, some partial: shared by the tests of translated content. */
import type { Survey } from '../../packages/core/src/schemas/surveys.ts';

export const survey: Survey = {
  id: 'pret',
  title: 'Prêt·e à agir ?',
  intro: 'Deux minutes.',
  lang: 'fr',
  questions: [
    { id: 'role', type: 'single', label: 'Votre implication', options: ['nouveau', 'bénévole', 'organisateur'] },
    { id: 'ready', type: 'scale', label: 'Prêt·e ?', min: 1, max: 5, options: ['Pas du tout', 'Tout à fait'] },
    { id: 'host', type: 'yesno', label: 'Accueillir ?' },
  ],
  translations: {
    es: {
      title: '¿Lista o listo para actuar?',
      questions: { role: { label: 'Tu implicación', options: ['nueva', 'voluntaria', 'organizadora'] }, ready: { label: '¿Lista?', options: ['Nada'] } },
    },
    'pt-BR': { title: 'Pronta para agir?' },
    en: { title: 'Ready to act?', intro: 'Two minutes.' },
  },
};
