/**
 * The set-up guide in its three languages says what Code.gs does: the menu
 * items it names are the ones the spreadsheet shows in that language, and it
 * lists every tab of both spreadsheets.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadCodeGs } from './fake-gas.ts';

const GUIDES = { en: 'README.md', fr: 'README.fr.md', es: 'README.es.md' } as const;
// A sentence may wrap anywhere in Markdown, so lines are joined before looking.
const guide = (file: string) => readFileSync(new URL(`../../packages/apps-script/${file}`, import.meta.url), 'utf8').replace(/\s+/g, ' ');
const app = loadCodeGs();
const words = app.value<Record<string, Record<string, string>>>('EDITOR_WORDS');
const menu = app.value<(string | null)[]>('MENU').filter((item): item is string => !!item);

describe('the guide', () => {
  for (const [lang, file] of Object.entries(GUIDES)) {
    it(`names every item of the Archipel menu as the spreadsheet shows it in ${lang}`, () => {
      const text = guide(file);
      for (const item of menu) assert.ok(text.includes(`Archipel → ${words[lang]![`menu_${item}`]}`), `${file}: ${item}`);
    });

    it(`links to its other languages, and names every tab of both spreadsheets (${lang})`, () => {
      const text = guide(file);
      for (const other of Object.values(GUIDES)) if (other !== file) assert.ok(text.includes(`](${other})`), `${file} links to ${other}`);
      const tabs = [...Object.keys(app.value<object>('PUBLIC_FIELDS')), ...Object.keys(app.value<object>('PRIVATE_TABS')), ...Object.keys(app.value<object>('HOSTING_TABS'))];
      for (const tab of tabs) assert.ok(text.includes(`\`${tab}\``), `${file}: ${tab}`);
    });
  }
});
