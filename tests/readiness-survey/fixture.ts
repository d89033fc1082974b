/**
 * A small survey and six responses whose results were counted by hand
 * (see results.test.ts for the expected figures).
 */
export const SURVEY = {
  id: 'fx',
  title: 'Ready for December?',
  intro: 'Two minutes to tell your local group how you want to help.',
  questions: [
    { id: 'role', type: 'single', label: 'Your involvement so far', options: ['New', 'Signed', 'Organiser'], required: true },
    { id: 'acts', type: 'multi', label: 'Which actions?', options: ['March', 'Phone', 'Door'], required: true },
    { id: 'ready', type: 'scale', label: 'How ready are you to organise?', min: 1, max: 5, required: true },
    { id: 'host', type: 'yesno', label: 'Ready to host an action?', required: true, readiness: 'host' },
    { id: 'lead', type: 'yesno', label: 'Ready to lead a group?', readiness: 'lead' },
    { id: 'note', type: 'text', label: 'Anything else?' },
  ],
};

/** The same survey, said to be in English, with a Spanish translation that leaves out the intro and the "host" question. */
export const TRANSLATED_SURVEY = {
  ...SURVEY,
  lang: 'en',
  translations: {
    es: {
      title: '¿Lista o listo para diciembre?',
      questions: {
        role: { label: 'Tu implicación hasta ahora', options: ['Nueva', 'Inscrita', 'Organizadora'] },
        acts: { label: '¿Qué acciones?', options: ['Marcha', 'Llamadas', 'Puerta a puerta'] },
      },
    },
  },
};

export const CHAPTERS = [
  { id: 'lyon', name: 'Vague Lyon', city: 'Lyon', region: 'Auvergne-Rhône-Alpes' },
  { id: 'paris', name: 'Vague Paris', city: 'Paris', region: 'Île-de-France' },
];

const r = (n: number, chapter: string | undefined, day: string, answers: Record<string, unknown>, extra: object = {}) => ({
  id: `fxresp-0${n}`,
  survey: 'fx',
  answers,
  ...(chapter ? { chapter } : {}),
  created: `2026-10-${day}T12:00:00Z`,
  ...extra,
});

export const RESPONSES = [
  r(1, 'lyon', '01', { role: 'New', acts: ['March', 'Phone'], ready: 5, host: true, lead: true, note: '=HYPERLINK("http://evil.example","click")' }, {
    contact: { name: '@Léa', email: 'lea@example.org', consent: { purpose: 'survey-contact', version: '1', at: '2026-10-01T12:00:00Z' } },
  }),
  r(2, 'lyon', '02', { role: 'Signed', acts: ['March'], ready: 4, host: true, lead: false }),
  r(3, 'paris', '03', { role: 'New', acts: ['Phone'], ready: 2, host: false, lead: false, note: 'Evenings only' }),
  r(4, 'paris', '10', { role: 'Organiser', acts: ['Door', 'March'], ready: 3, host: 'oui', lead: 'non' }),
  r(5, undefined, '11', { role: 'New', acts: ['March'], ready: 1, host: false }, { region: 'Bretagne', postcode: '35000' }),
  r(6, 'lyon', '12', { role: 'New', acts: ['Phone', 'Door'], ready: 5, host: false, lead: true }),
];
