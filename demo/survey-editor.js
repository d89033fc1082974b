// The survey editor: the form below writes one survey object; every change goes to the live
// <readiness-survey> (through an adapter that serves just this survey), to its JSON, and to the
// rows of a sheet's surveys tab (survey-editor-rows.js).
import { surveyRows, asTsv } from './survey-editor-rows.js';

const $ = (id) => document.getElementById(id);
const preview = $('preview');
const TYPES = { single: 'Choix unique', multi: 'Choix multiple', dropdown: 'Liste déroulante', yesno: 'Oui / non', scale: 'Échelle', number: 'Nombre', date: 'Date', text: 'Texte libre' };
const CHOICES = ['single', 'multi', 'dropdown'];

let survey = {
  id: 'accueil',
  lang: 'fr',
  title: 'Accueillir une action le 12 décembre',
  intro: 'Trois questions, deux minutes.',
  thanks: 'Merci ! Votre groupe local vous recontacte.',
  questions: [
    { id: 'accueillir', type: 'yesno', label: 'Pouvez-vous accueillir une action ?', help: 'Un salon, une cour, une salle associative…', required: true, readiness: 'host' },
    { id: 'date', type: 'date', label: 'Quel jour ?', from: '2026-12-01', until: '2026-12-31', required: true, show_if: { question: 'accueillir', equals: true } },
    { id: 'lieu', type: 'dropdown', label: 'Où ?', options: ['Chez moi', 'Salle associative', 'Dehors'], other: true, show_if: { question: 'accueillir', equals: true } },
    { id: 'personnes', type: 'number', label: 'Combien de personnes ?', min: 1, max: 200, step: 1, show_if: { question: 'accueillir', equals: true } },
    { id: 'aide', type: 'multi', label: 'Comment aider ?', options: ['Tracter', 'Cuisiner', 'Transporter'], other: true, required: true },
  ],
  translations: {
    es: {
      title: 'Acoger una acción el 12 de diciembre',
      questions: { accueillir: { label: '¿Puede acoger una acción?' }, aide: { label: '¿Cómo ayudar?', options: ['Repartir folletos', 'Cocinar', 'Transportar'] } },
    },
  },
};

/** An element with its attributes (properties for `on…` and `value`/`checked`) and children. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k.startsWith('on') || k === 'value' || k === 'checked') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  el.append(...children.flat().filter((c) => c !== undefined && c !== null));
  return el;
}

const clean = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)));
const lines = (text) => text.split('\n').map((s) => s.trim()).filter(Boolean);
const numberOr = (text) => (text.trim() === '' ? undefined : Number(text));
const localToIso = (v) => (v ? new Date(v).toISOString().replace('.000Z', 'Z') : undefined);
const isoToLocal = (v) => {
  if (!v) return '';
  const d = new Date(v);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** A labelled field that writes its value into `set`. */
function field(id, label, value, set, attrs = {}) {
  const control = attrs.rows ? h('textarea', { id, rows: attrs.rows, value: value ?? '', oninput: (e) => set(e.target.value) }) : h('input', { id, ...attrs, value: value ?? '', oninput: (e) => set(e.target.value) });
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

function questionEditor(q, i) {
  const n = `q${i}`;
  const update = (patch, again = false) => {
    survey.questions[i] = clean({ ...survey.questions[i], ...patch });
    if (again) renderQuestions();
    changed();
  };
  const others = survey.questions.slice(0, i).map((o) => o.id);
  const rule = q.show_if ?? {};
  const ruleValue = rule.includes ?? (rule.equals === true ? 'oui' : rule.equals === false ? 'non' : rule.equals ?? '');
  const setRule = (question, value) => {
    const on = survey.questions.find((o) => o.id === question);
    if (!question) return update({ show_if: undefined });
    const v = value.trim();
    const show_if = on?.type === 'multi' ? { question, includes: v } : on?.type === 'yesno' ? { question, equals: !/^(non|no|false)$/i.test(v) } : on?.type === 'number' || on?.type === 'scale' ? { question, equals: Number(v) } : { question, equals: v };
    update({ show_if: v || on?.type === 'yesno' ? show_if : { question } });
  };
  return h(
    'fieldset',
    { class: 'question' },
    h('legend', {}, `Question ${i + 1}`),
    h(
      'div',
      { class: 'row' },
      field(`${n}-id`, 'Identifiant', q.id, (v) => update({ id: v.trim() })),
      h('div', { class: 'field' }, h('label', { for: `${n}-type` }, 'Type'), h('select', { id: `${n}-type`, onchange: (e) => update({ type: e.target.value }, true) }, Object.entries(TYPES).map(([t, l]) => h('option', { value: t, selected: t === q.type }, l)))),
    ),
    field(`${n}-label`, 'Question', q.label, (v) => update({ label: v })),
    field(`${n}-help`, 'Aide sous la question', q.help, (v) => update({ help: v })),
    CHOICES.includes(q.type) || q.type === 'scale'
      ? field(`${n}-options`, q.type === 'scale' ? 'Noms des deux extrémités (une par ligne)' : 'Options (une par ligne)', (q.options ?? []).join('\n'), (v) => update({ options: lines(v) }), { rows: 3 })
      : undefined,
    CHOICES.includes(q.type) ? h('div', { class: 'field' }, h('label', {}, h('input', { type: 'checkbox', checked: Boolean(q.other), onchange: (e) => update({ other: e.target.checked || undefined }) }), ' Proposer « Autre » avec une case à remplir')) : undefined,
    q.type === 'number' || q.type === 'scale'
      ? h('div', { class: 'row' }, field(`${n}-min`, 'Minimum', q.min, (v) => update({ min: numberOr(v) }), { type: 'number' }), field(`${n}-max`, 'Maximum', q.max, (v) => update({ max: numberOr(v) }), { type: 'number' }), q.type === 'number' ? field(`${n}-step`, 'Pas', q.step, (v) => update({ step: numberOr(v) }), { type: 'number', min: 0 }) : undefined)
      : undefined,
    q.type === 'date' ? h('div', { class: 'row' }, field(`${n}-from`, 'À partir du', q.from, (v) => update({ from: v }), { type: 'date' }), field(`${n}-until`, 'Jusqu’au', q.until, (v) => update({ until: v }), { type: 'date' })) : undefined,
    h('div', { class: 'field' }, h('label', {}, h('input', { type: 'checkbox', checked: Boolean(q.required), onchange: (e) => update({ required: e.target.checked || undefined }) }), ' Obligatoire')),
    others.length
      ? h(
          'div',
          { class: 'row' },
          h('div', { class: 'field' }, h('label', { for: `${n}-if` }, 'Seulement si la question'), h('select', { id: `${n}-if`, onchange: (e) => setRule(e.target.value, String(ruleValue)) }, h('option', { value: '' }, 'toujours posée'), others.map((o) => h('option', { value: o, selected: o === rule.question }, o)))),
          field(`${n}-if-value`, 'a pour réponse (ou contient)', String(ruleValue), (v) => setRule(rule.question ?? '', v)),
        )
      : undefined,
    h('button', { type: 'button', onclick: () => (survey.questions.splice(i, 1), renderQuestions(), changed()) }, 'Retirer cette question'),
  );
}

function renderQuestions() {
  $('questions').replaceChildren(...survey.questions.map(questionEditor));
  renderTranslation();
}

function renderTranslation() {
  const lang = $('t-lang').value;
  if (!lang) return $('translation').replaceChildren();
  const t = ((survey.translations ??= {})[lang] ??= {});
  const set = (patch) => {
    Object.assign(t, patch);
    survey.translations[lang] = clean(t);
    changed();
  };
  const setQ = (id, patch) => {
    const qs = (t.questions ??= {});
    qs[id] = clean({ ...qs[id], ...patch });
    changed();
  };
  $('translation').replaceChildren(
    field('t-title', `Titre (${lang})`, t.title, (v) => set({ title: v })),
    field('t-intro', `Introduction (${lang})`, t.intro, (v) => set({ intro: v }), { rows: 2 }),
    field('t-thanks', `Remerciement (${lang})`, t.thanks, (v) => set({ thanks: v }), { rows: 2 }),
    survey.questions.map((q, i) =>
      h(
        'fieldset',
        { class: 'question' },
        h('legend', {}, q.label),
        field(`t${i}-label`, `Question (${lang})`, t.questions?.[q.id]?.label, (v) => setQ(q.id, { label: v })),
        field(`t${i}-help`, `Aide (${lang})`, t.questions?.[q.id]?.help, (v) => setQ(q.id, { help: v })),
        q.options?.length ? field(`t${i}-options`, `Options (${lang}), dans le même ordre`, (t.questions?.[q.id]?.options ?? []).join('\n'), (v) => setQ(q.id, { options: lines(v) }), { rows: 3 }) : undefined,
      ),
    ),
  );
}

let version = 0;
/** Sends the survey to the preview, the JSON and the rows. */
function changed(fromJson = false) {
  const out = structuredClone(survey);
  if (out.translations) for (const [l, t] of Object.entries(out.translations)) if (!Object.keys(clean(t)).length) delete out.translations[l];
  const json = JSON.stringify(clean(out), null, 2);
  if (!fromJson) $('json').value = json;
  $('rows').value = asTsv(surveyRows(clean(out)));
  // A source of its own for each version: the widget reads it afresh, and no draft of an older one is offered.
  const source = `editor:${Date.now()}:${version++}`;
  preview.setAttribute('survey', out.id || 'sans-identifiant');
  preview.adapter = {
    source,
    kind: 'memory',
    writable: true,
    list: async (collection) => ({ rows: collection === 'surveys' ? [JSON.parse(json)] : [] }),
    submit: async (_collection, record) => ({ id: record.id, status: 'stored' }),
  };
}

preview.addEventListener('archipel-load', (e) => {
  if (e.detail.collection !== 'surveys') return;
  $('problems').textContent = e.detail.skipped?.length ? `Ce questionnaire ne peut pas être lu : ${e.detail.skipped.map((s) => s.reason).join(' ; ')}` : '';
});

for (const name of ['id', 'lang', 'title', 'intro', 'thanks']) {
  const input = $(`s-${name}`);
  input.value = survey[name] ?? '';
  input.addEventListener('input', () => {
    survey = clean({ ...survey, [name]: input.value.trim() || undefined });
    changed();
  });
}
for (const name of ['opens', 'closes']) {
  const input = $(`s-${name}`);
  input.value = isoToLocal(survey[name]);
  input.addEventListener('input', () => {
    survey = clean({ ...survey, [name]: localToIso(input.value) });
    changed();
  });
}
$('add').addEventListener('click', () => {
  survey.questions.push({ id: `question_${survey.questions.length + 1}`, type: 'single', label: 'Nouvelle question', options: ['Oui', 'Non'] });
  renderQuestions();
  changed();
  $(`q${survey.questions.length - 1}-label`).focus();
});
$('t-lang').addEventListener('change', renderTranslation);
$('preview-lang').addEventListener('change', (e) => preview.setAttribute('lang', e.target.value));
$('json').addEventListener('input', () => {
  try {
    const read = JSON.parse($('json').value);
    if (!read || !Array.isArray(read.questions)) throw new Error('questions');
    survey = read;
    for (const name of ['id', 'lang', 'title', 'intro', 'thanks']) $(`s-${name}`).value = survey[name] ?? '';
    for (const name of ['opens', 'closes']) $(`s-${name}`).value = isoToLocal(survey[name]);
    renderQuestions();
    changed(true);
    $('problems').textContent = '';
  } catch {
    $('problems').textContent = 'Le JSON n’est pas lisible : un questionnaire est un objet avec une liste « questions ».';
  }
});
for (const [button, from] of [['copy-json', 'json'], ['copy-rows', 'rows']]) {
  $(button).addEventListener('click', async () => {
    await navigator.clipboard?.writeText($(from).value).catch(() => undefined);
    $('copied').textContent = 'Copié.';
  });
}

renderQuestions();
changed();
