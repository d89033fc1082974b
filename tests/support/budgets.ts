/**
 * What a page downloads, computed from the production build's chunk graph
 * (dist/build-stats.json): an entry, everything it imports statically, and
 * the lazy chunks the page is known to need (an adapter, say).
 */
import { readFileSync, existsSync } from 'node:fs';

interface Chunk {
  name: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  bytes: number;
  gzip: number;
  modules: string[];
}

export function loadStats(): Record<string, Chunk> {
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

const LANGUAGES = ['en', 'fr', 'es'] as const;
type Language = (typeof LANGUAGES)[number];
/** Whether a chunk is only a catalogue in `lang` (strings.fr.ts and the like): words load a language at a time. */
const isWordsIn = (c: Chunk, lang: string) => c.modules.length > 0 && c.modules.every((m) => m.endsWith(`.${lang}.ts`) || m.includes(`/strings/${lang}/`));

/**
 * Gzipped bytes of `files`, every chunk they import statically, and the words they load for the
 * visitor's language (each catalogue is a chunk a language), each counted once. A widget whose catalogue
 * holds a copy of the core's words (`packages/<widget>/~core/strings.fr.ts`) does not load the core's
 * own catalogue, so that one is left out when every widget among `files` carries such a copy. The heaviest language is the one counted, so the figure
 * holds for every visitor; `only` counts one language. tests/embed/production-loader.test.ts checks
 * this against what Chromium really downloads for a sign-up page.
 */
export function closure(stats: Record<string, Chunk>, files: string[], only?: Language): { files: string[]; gzip: number; lang: Language } {
  const inLanguage = (lang: Language) => {
    const seen = new Set<string>();
    const words = new Set<string>();
    const visit = (f: string) => {
      if (seen.has(f)) return;
      const c = stats[f];
      if (!c) throw new Error(`No chunk ${f} in the build`);
      seen.add(f);
      c.imports.forEach(visit);
      c.dynamicImports.filter((d) => isWordsIn(stats[d]!, lang)).forEach((d) => words.add(d));
    };
    files.forEach(visit);
    // What every widget entry's own words carry a copy of (nothing when `files` holds no widget).
    const carried = (entry: string) =>
      stats[entry]!.dynamicImports
        .filter((d) => isWordsIn(stats[d]!, lang))
        .flatMap((d) => stats[d]!.modules.filter((m) => m.includes('/~core/')).map((m) => m.replace(/^packages\/[^/]+\/~core\//, 'packages/core/src/')));
    const widgets = files.filter((f) => stats[f]!.isEntry && f !== 'archipel.js' && f !== 'archipel-core.js');
    const copied = new Set(widgets.length ? widgets.map(carried).reduce((a, b) => a.filter((m) => b.includes(m))) : []);
    for (const w of words) if (!stats[w]!.modules.every((m) => copied.has(m))) visit(w);
    return { files: [...seen], gzip: [...seen].reduce((sum, f) => sum + stats[f]!.gzip, 0), lang };
  };
  if (only) return inLanguage(only);
  return LANGUAGES.map(inLanguage).reduce((a, b) => (b.gzip > a.gzip ? b : a));
}

export const KiB = 1024;
export const kib = (n: number) => `${(n / KiB).toFixed(2)} KiB`;
