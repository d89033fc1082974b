/**
 * What a page downloads, computed from the production build's chunk graph
 * (dist/build-stats.json): an entry, everything it imports statically, the
 * lazy chunks the page is known to need (an adapter, say), and the words they
 * load in the visitor's language. Node's budget tests read the build with
 * loadStats(); the browser tests import closure() too (tests/embed/production-loader.test.ts)
 * to check it against what Chromium really requests, so nothing here imports Node's modules up front.
 */

export interface Chunk {
  name: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  bytes: number;
  gzip: number;
  modules: string[];
}

export function loadStats(): Record<string, Chunk> {
  const { readFileSync, existsSync } = process.getBuiltinModule('node:fs');
  const file = 'dist/build-stats.json';
  if (!existsSync(file)) throw new Error('No production build: run `npm run build` first (npm test does).');
  return (JSON.parse(readFileSync(file, 'utf8')) as { chunks: Record<string, Chunk> }).chunks;
}

/** The file of the chunk holding `module` (a path under packages/ or node_modules/). */
export function chunkOf(stats: Record<string, Chunk>, module: string): string {
  const hit = Object.entries(stats).find(([, c]) => c.modules.some((m) => m.endsWith(module)));
  if (!hit) throw new Error(`No chunk holds ${module}`);
  return hit[0];
}

const LANGUAGES = ['en', 'fr', 'es', 'pt', 'de', 'it', 'nl', 'ar', 'sw'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Whether `module` is one of Archipel's catalogues of words in `lang`: a TypeScript file of ours named after
 * the language (`strings.fr.ts`, `strings/fr.ts`) or in a folder named after it (`strings/fr/index.ts`).
 * A library's file may end the same way (`purify.es.mjs`) and is none.
 */
function isCatalogueIn(module: string, lang: string): boolean {
  if (!module.startsWith('packages/') || !module.endsWith('.ts')) return false;
  const [folder, file] = module.split('/').slice(-2);
  const name = file!.slice(0, -'.ts'.length);
  return name === lang || name.endsWith(`.${lang}`) || folder === lang;
}

/** A chunk of words in `lang` only: a page loads words a language at a time. */
const isWordsIn = (c: Chunk, lang: string) => c.modules.length > 0 && c.modules.every((m) => isCatalogueIn(m, lang));

/**
 * Gzipped bytes of `files`, every chunk they import statically, and the chunks of words they load
 * in one language with what those import, each counted once. The heaviest language is the one counted,
 * so the figure holds for every visitor; `only` counts one language.
 */
export function closure(stats: Record<string, Chunk>, files: string[], only?: Language): { files: string[]; gzip: number; lang: Language } {
  const inLanguage = (lang: Language) => {
    const seen = new Set<string>();
    const visit = (f: string) => {
      if (seen.has(f)) return;
      const c = stats[f];
      if (!c) throw new Error(`No chunk ${f} in the build`);
      seen.add(f);
      c.imports.forEach(visit);
      c.dynamicImports.filter((d) => isWordsIn(stats[d]!, lang)).forEach(visit);
    };
    files.forEach(visit);
    return { files: [...seen], gzip: [...seen].reduce((sum, f) => sum + stats[f]!.gzip, 0), lang };
  };
  if (only) return inLanguage(only);
  return LANGUAGES.map(inLanguage).reduce((a, b) => (b.gzip > a.gzip ? b : a));
}

/** The chunks `file` imports statically, directly or through one another, `file` aside: what the loader preloads with it. */
export function staticImports(stats: Record<string, Chunk>, file: string): string[] {
  const seen = new Set<string>();
  const visit = (f: string) => stats[f]!.imports.filter((i) => !seen.has(i)).forEach((i) => (seen.add(i), visit(i)));
  visit(file);
  return [...seen];
}

export const KiB = 1024;
export const kib = (n: number) => `${(n / KiB).toFixed(2)} KiB`;
