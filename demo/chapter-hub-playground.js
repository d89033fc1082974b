// The playground: every change is applied to the live <chapter-hub>, whose `branding`
// property reports the contrasts it measured; the snippet is what the chapter pastes.
const $ = (id) => document.getElementById(id);
const hub = $('preview');
const COLOUR = /^#(?:[0-9a-f]{3}){1,2}$/i;
const fr = (n) => n.toLocaleString('fr-FR', { maximumFractionDigits: 2 });
const long = (c) => (c.length === 4 ? `#${[...c.slice(1)].map((x) => x + x).join('')}` : c).toLowerCase();
let chapters = [];
// The hub measures the colours once it has read the chapters: until then there is nothing to report.
let loaded = false;
hub.addEventListener('archipel-load', async () => {
  loaded = true;
  await hub.updateComplete;
  report();
});

function record() {
  return chapters.find((c) => c.id === $('chapter').value) ?? {};
}

function pick(chapter) {
  $('logo').value = '';
  for (const name of ['color', 'accent']) {
    const value = chapter[name] ?? '';
    $(`${name}-text`).value = value;
    if (COLOUR.test(value)) $(name).value = long(value);
  }
  apply();
}

function attr(name, value) {
  if (value) hub.setAttribute(name, value);
  else hub.removeAttribute(name);
}

async function apply() {
  const r = record();
  const logo = $('logo').value.trim();
  const values = { color: $('color-text').value.trim(), accent: $('accent-text').value.trim() };
  hub.setAttribute('chapter', $('chapter').value);
  attr('logo', logo);
  for (const [name, value] of Object.entries(values)) {
    const ok = !value || COLOUR.test(value);
    $(`${name}-text`).setAttribute('aria-invalid', String(!ok));
    $(`${name}-hint`).classList.toggle('bad', !ok);
    // The record's own colour needs no attribute; a colour that is not one is not sent.
    attr(name, ok && value && value.toLowerCase() !== (r[name] ?? '').toLowerCase() ? value : '');
  }
  await hub.updateComplete;
  report();
  snippet();
}

function report() {
  const b = hub.branding;
  const list = $('report');
  list.replaceChildren();
  const item = (cls, text) => list.append(Object.assign(document.createElement('li'), { className: cls, textContent: text }));
  if (!b) return item('', loaded ? 'Ce groupe n’a pas de couleur : il garde celles de la campagne.' : 'Lecture des groupes…');
  const t = b.theme;
  item('ok', `Texte sur la couleur principale (${t.brandContrast}) : ${fr(b.onBrand)}:1`);
  if (b.adjusted) item('adjusted', `${t.brand} comme texte sur ${t.surface} : ${fr(b.asText)}:1, trop peu. Les titres et liens utilisent ${t.brandOnSurface} (${fr(b.onSurface)}:1).`);
  else item('ok', `${t.brand} comme texte sur ${t.surface} : ${fr(b.asText)}:1`);
  item('ok', `Texte sur l’accent (${t.accentContrast}) : ${fr(b.onAccent)}:1`);
}

function snippet() {
  const attrs = [['source', 'https://vagueclimat.example.org/api'], ['chapter', hub.getAttribute('chapter')]];
  for (const name of ['logo', 'color', 'accent']) if (hub.hasAttribute(name)) attrs.push([name, hub.getAttribute(name)]);
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  $('snippet').textContent =
    '<script type="module" src="https://vagueclimat.example.org/archipel/archipel.js"></script>\n' +
    `<chapter-hub\n${attrs.map(([k, v]) => `  ${k}="${esc(v)}"`).join('\n')}\n></chapter-hub>`;
}

$('copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText($('snippet').textContent);
    $('copied').textContent = ' Copié.';
  } catch {
    getSelection().selectAllChildren($('snippet'));
    $('copied').textContent = ' Sélectionné : Ctrl+C pour copier.';
  }
});

for (const name of ['color', 'accent']) {
  $(name).addEventListener('input', () => {
    $(`${name}-text`).value = $(name).value;
    apply();
  });
  $(`${name}-text`).addEventListener('input', () => {
    const v = $(`${name}-text`).value.trim();
    if (COLOUR.test(v)) $(name).value = long(v);
    apply();
  });
}
$('logo').addEventListener('change', apply);
$('chapter').addEventListener('change', () => pick(record()));
$('controls').addEventListener('submit', (e) => e.preventDefault());

const res = await fetch('data/chapters.json');
chapters = (await res.json()).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
$('chapter').append(...chapters.map((c) => new Option(c.name, c.id, false, c.id === 'lyon')));
await customElements.whenDefined('chapter-hub');
pick(record());
