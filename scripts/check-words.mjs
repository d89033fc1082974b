/**
 * npm run check:words [lang]: what is missing or suspicious in a language's words, in plain words, for
 * translators. Without a language, checks every language of LOCALES and every folder found under
 * packages/<package>/src/strings/.
 *
 * It reads the TypeScript itself (through tsx, so no build is needed): each catalogue's declaration
 * (packages/<package>/src/strings/<catalogue>.ts), its English (strings/en/<catalogue>.ts) and the language's
 * file (strings/<lang>/<catalogue>.ts). tests/core/words.node.test.ts runs the same checks, so `npm test`
 * fails on what this prints.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const I18N = 'packages/core/src/i18n.ts';

/**
 * Translations that may stay exactly as the English although they are longer than three words: a name, a
 * brand or a code that reads the same in that language. Each says why.
 * @type {{ lang: string; catalogue: string; key: string; reason: string }[]}
 */
export const SAME_AS_ENGLISH = [];

/** A message longer than this many words that is still the English is probably a forgotten copy. */
const COPY_WORDS = 3;

/**
 * @typedef {string | Partial<Record<Intl.LDMLPluralRule, string>>} Message
 * @typedef {Record<string, Message>} Catalogue
 * @typedef {'file' | 'importer' | 'locales' | 'missing' | 'extra' | 'shape' | 'placeholder' | 'plural' | 'count' | 'copy'} Kind
 * @typedef {{ lang: string; catalogue: string; key?: string; kind: Kind; text: string }} Problem
 * @typedef {{ name: string; dir: string; declaration: string; languages: Record<string, unknown> }} Declaration
 */

const languageName = (lang) => {
  try {
    return new Intl.DisplayNames('en', { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
};

const show = (m) => JSON.stringify(typeof m === 'string' ? m : m.other ?? Object.values(m)[0]);
const forms = (m) => (typeof m === 'string' ? [m] : Object.values(m).filter((f) => typeof f === 'string'));
const placeholders = (m) => new Set(forms(m).flatMap((f) => [...f.matchAll(/\{(\w+)\}/g)].map((x) => x[1])));
const words = (s) => s.trim().split(/\s+/).filter(Boolean).length;

/** The plural categories of `lang` that stand for one number only (Arabic's `two` is 2 and nothing else): their form may say the number in words. */
function singleNumberCategories(lang) {
  const rules = new Intl.PluralRules(lang);
  const seen = new Map();
  for (let n = 0; n <= 1000; n++) {
    const c = rules.select(n);
    seen.set(c, (seen.get(c) ?? 0) + 1);
  }
  for (const n of [1e6, 2e6, 1.5]) seen.set(rules.select(n), 2);
  return new Set([...seen].filter(([, count]) => count === 1).map(([c]) => c));
}

/**
 * What is wrong with `translation`, the words of `catalogue` in `lang`, against `english`: keys missing or
 * extra, a count given as a plain string or the reverse, a `{placeholder}` lost or unknown, plural forms
 * missing or that the language never uses, a count's form without `#`, and English left as it was.
 * @param {string} lang @param {string} catalogue @param {Catalogue} english @param {Catalogue} translation
 * @returns {Problem[]}
 */
export function checkWords(lang, catalogue, english, translation) {
  /** @type {Problem[]} */
  const problems = [];
  const say = (kind, key, text) => problems.push({ lang, catalogue, key, kind, text });
  const name = languageName(lang);
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  const single = singleNumberCategories(lang);
  for (const key of Object.keys(translation)) {
    if (!(key in english)) say('extra', key, `"${key}" is not in the English words: remove it, or check its spelling.`);
  }
  for (const [key, en] of Object.entries(english)) {
    const t = translation[key];
    if (t === undefined) {
      say('missing', key, `"${key}" is missing. English: ${show(en)}.`);
      continue;
    }
    if (typeof en === 'string' && typeof t !== 'string') {
      say('shape', key, `"${key}" should be one sentence, as in English (${show(en)}), not one form per count.`);
      continue;
    }
    if (typeof en !== 'string' && (typeof t !== 'object' || t === null)) {
      say('shape', key, `"${key}" says a count: give one form per plural category of ${name} (${categories.join(', ')}), with # for the number. English: ${show(en)}.`);
      continue;
    }
    const theirs = placeholders(t);
    for (const p of placeholders(en)) {
      for (const [form, text] of typeof t === 'string' ? [['', t]] : Object.entries(t)) {
        if (!text.includes(`{${p}}`)) say('placeholder', key, `"${key}"${form ? ` (form "${form}")` : ''} has lost {${p}}: write it as is, where it belongs in the sentence. English: ${show(en)}.`);
      }
    }
    for (const p of theirs) {
      if (!placeholders(en).has(p)) say('placeholder', key, `"${key}" has {${p}}, which the English does not have: it would show as is. English: ${show(en)}.`);
    }
    if (typeof t !== 'string') {
      for (const c of new Set(['other', ...categories])) {
        if (typeof t[c] !== 'string') say('plural', key, `"${key}" needs the form "${c}": ${name} uses ${categories.join(', ')}.`);
      }
      for (const c of Object.keys(t)) {
        if (!categories.includes(c)) say('plural', key, `"${key}" has a form "${c}" that ${name} never uses (it uses ${categories.join(', ')}).`);
      }
      if (forms(en).some((f) => f.includes('#'))) {
        for (const [c, text] of Object.entries(t)) {
          if (!text.includes('#') && !single.has(c)) say('count', key, `"${key}" (form "${c}") has no #: the number would not show.`);
        }
      }
    }
    const allowed = SAME_AS_ENGLISH.some((a) => a.lang === lang && a.catalogue === catalogue && a.key === key);
    const pairs = typeof en === 'string' ? [[en, t]] : Object.entries(en).map(([c, f]) => [f, typeof t === 'string' ? t : t[c] ?? t.other]);
    if (!allowed && pairs.some(([e, x]) => words(e) > COPY_WORDS && typeof x === 'string' && x.trim() === e.trim())) {
      say('copy', key, `"${key}" is still the English: ${show(en)}.`);
    }
  }
  return problems;
}

const importTs = (path) => import(pathToFileURL(join(ROOT, path)).href);

/** Every catalogue declaration: packages/<package>/src/strings/<catalogue>.ts, with the languages it loads. */
export async function declarations() {
  /** @type {Declaration[]} */
  const found = [];
  for (const pkg of readdirSync(join(ROOT, 'packages')).sort()) {
    const dir = `packages/${pkg}/src/strings`;
    if (!existsSync(join(ROOT, dir))) continue;
    for (const file of readdirSync(join(ROOT, dir)).sort()) {
      if (!file.endsWith('.ts')) continue;
      const declaration = `${dir}/${file}`;
      const mod = await importTs(declaration);
      const words = Object.values(mod).find((v) => v && typeof v === 'object' && 'name' in v && 'languages' in v);
      if (!words) throw new Error(`${declaration} exports no catalogue ({ name, languages })`);
      found.push({ name: words.name, dir, declaration, languages: words.languages });
    }
  }
  return found;
}

/** The languages Archipel ships (LOCALES in packages/core/src/i18n.ts). */
export async function locales() {
  return [...(await importTs(I18N)).LOCALES];
}

/** Every language with a folder under some packages/<package>/src/strings/. */
export function languageFolders() {
  const found = new Set();
  for (const pkg of readdirSync(join(ROOT, 'packages'))) {
    const dir = join(ROOT, 'packages', pkg, 'src/strings');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) if (statSync(join(dir, f)).isDirectory()) found.add(f);
  }
  return [...found].sort();
}

/**
 * Everything wrong with `lang`: its file in every catalogue, the declaration's importer, its place in LOCALES,
 * and its words (checkWords). The words are loaded by the declaration's importer when there is one, so a
 * wrong importer shows too; otherwise from the file, to check it before the importer is written.
 * @param {string} lang @param {{ declarations?: Declaration[]; locales?: string[] }} [known]
 * @returns {Promise<Problem[]>}
 */
export async function checkLanguage(lang, known = {}) {
  const all = known.declarations ?? (await declarations());
  const shipped = known.locales ?? (await locales());
  /** @type {Problem[]} */
  const problems = [];
  if (!shipped.includes(lang)) {
    problems.push({ lang, catalogue: 'LOCALES', kind: 'locales', text: `"${lang}" is not in LOCALES (${I18N}): add it, so that pages in ${languageName(lang)} speak it.` });
  }
  for (const d of all) {
    const file = `${d.dir}/${lang}/${d.name}.ts`;
    const english = (await importTs(`${d.dir}/en/${d.name}.ts`)).default;
    if (!existsSync(join(ROOT, file))) {
      problems.push({ lang, catalogue: d.name, kind: 'file', text: `There is no ${file}: copy ${d.dir}/en/${d.name}.ts there and translate it.` });
      continue;
    }
    const importer = d.languages[lang];
    if (!importer) {
      problems.push({ lang, catalogue: d.name, kind: 'importer', text: `${d.declaration} does not load it: add the line  ${lang}: () => import('./${lang}/${d.name}.js'),` });
    }
    let translation;
    try {
      translation = typeof importer === 'function' ? (await importer()).default : importer ?? (await importTs(file)).default;
    } catch (e) {
      problems.push({ lang, catalogue: d.name, kind: 'importer', text: `${d.declaration} could not load the words in "${lang}": ${e instanceof Error ? e.message : e}` });
      continue;
    }
    // English is what the others are checked against.
    if (lang !== 'en') problems.push(...checkWords(lang, d.name, english, translation));
  }
  return problems;
}

async function main() {
  const { register } = await import('tsx/esm/api');
  register();
  const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const all = await declarations();
  const shipped = await locales();
  const langs = asked.length ? asked : [...new Set([...shipped, ...languageFolders()])].filter((l) => l !== 'en');
  let total = 0;
  for (const lang of langs) {
    const problems = await checkLanguage(lang, { declarations: all, locales: shipped });
    total += problems.length;
    console.log(`\n${languageName(lang)} ("${lang}"), ${all.length} catalogues: ${problems.length ? `${problems.length} thing${problems.length > 1 ? 's' : ''} to look at` : 'complete'}.`);
    for (const d of [{ name: 'LOCALES' }, ...all]) {
      const mine = problems.filter((p) => p.catalogue === d.name);
      if (!mine.length) continue;
      console.log(`  ${d.dir ? `${d.dir}/${lang}/${d.name}.ts` : I18N}`);
      for (const p of mine) console.log(`    - ${p.text}`);
    }
  }
  if (total) console.log(`\nWhen these are fixed, run npm test: it checks the same.`);
  process.exitCode = total ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
