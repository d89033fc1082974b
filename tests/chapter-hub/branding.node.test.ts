/**
 * Every demo chapter's colours, through the hub's branding: text on the brand
 * colour, the brand colour as text on the surface, text on the accent, all at
 * least 4.5:1; light colours are adjusted and reported, dark ones kept.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { adjustmentMessage, brandFor, isColour } from '../../packages/chapter-hub/src/branding.ts';
import { contrast, parseColour } from '../../packages/core/src/theme.ts';
import { ChapterSchema } from '../../packages/core/src/schemas/chapters.ts';

const chapters = JSON.parse(readFileSync('demo/data/chapters.json', 'utf8')) as { id: string; color: string; accent: string }[];

describe('chapter branding', () => {
  it('gives every demo chapter text of at least 4.5:1 on its brand and accent, and a brand colour readable as text', () => {
    const rows = chapters.map((c) => {
      const b = brandFor(c.color, c.accent);
      return { id: c.id, brand: c.color, onBrand: b.onBrand, asText: b.asText, onSurface: b.onSurface, textColour: b.theme.brandOnSurface, onAccent: b.onAccent, adjusted: b.adjusted };
    });
    console.table(rows.filter((r) => r.adjusted));
    for (const r of rows) {
      assert.ok(r.onBrand >= 4.5, `${r.id}: text on ${r.brand} is ${r.onBrand}:1`);
      assert.ok(r.onSurface >= 4.5, `${r.id}: ${r.textColour} as text is ${r.onSurface}:1`);
      assert.ok(r.onAccent >= 4.5, `${r.id}: text on the accent is ${r.onAccent}:1`);
      assert.ok(brandFor(r.brand).fillOnSurface >= 3, `${r.id}: the header band stands out from the page`);
      assert.equal(r.adjusted, r.asText < 4.5, `${r.id}: adjusted only when the colour itself is too light`);
      if (!r.adjusted) assert.equal(r.textColour, r.brand);
    }
    for (const id of ['toulouse', 'besancon', 'neuchatel']) assert.ok(rows.find((r) => r.id === id)!.adjusted, `${id} should be adjusted`);
  });

  it('measures against the campaign’s surface: a dark surface lightens the text colour instead', () => {
    const b = brandFor('#0b6e99', undefined, '#102030', '#ffffff');
    assert.equal(b.theme.surface, '#102030');
    assert.ok(b.adjusted);
    assert.ok(b.onSurface >= 4.5);
    assert.ok(parseInt(b.theme.brandOnSurface.slice(1, 3), 16) > 0x0b, 'lightened');
  });

  it('says in one message which colour, its ratio and what is used instead', () => {
    const b = brandFor('#f5d90a');
    assert.equal(
      adjustmentMessage('<chapter-hub chapter="toulouse">', b),
      `<chapter-hub chapter="toulouse">: the colour #f5d90a has a contrast of ${b.asText}:1 on #ffffff, too low for text (4.5:1 is needed). Text in the chapter's colour (links, headings) uses ${b.theme.brandOnSurface} instead (${b.onSurface}:1); the header and buttons use ${b.theme.brand} (${b.fillOnSurface}:1 on the page, 3:1 needed), with ${b.theme.brandContrast} text (${b.onBrand}:1).`,
    );
    const kept = brandFor('#2f7d32');
    assert.match(adjustmentMessage('x', brandFor('#3f9b41')), /the header and buttons use #3f9b41 \(3\.\d+:1 on the page/);
    assert.equal(kept.filled, false);
  });

  it('never fills the header band or a button with a colour that vanishes into the page, whatever was stored', () => {
    for (const [brand, accent, surface] of [['#ffffff', undefined, '#ffffff'], ['#fffffe', '#ffffff', '#ffffff'], ['#f5d90a', '#f5d90a', '#ffffff'], ['#102030', '#102030', '#102030'], ['#eeeeee', undefined, '#fafafa']] as const) {
      const b = brandFor(brand, accent, surface);
      assert.ok(b.fillOnSurface >= 3, `${brand} on ${surface}: the band is ${b.fillOnSurface}:1`);
      assert.ok(b.onBrand >= 4.5, `${brand}: text on the band is ${b.onBrand}:1`);
      assert.ok(b.onAccent >= 4.5, `${brand}: text on the accent is ${b.onAccent}:1`);
      const ratio = contrast(parseColour(b.theme.accent)!, parseColour(b.theme.brand)!);
      assert.ok(ratio >= 3, `${brand}/${accent}: the join button on the band is ${ratio}:1`);
      assert.ok(b.filled, `${brand} on ${surface} is filled darker or lighter`);
      assert.equal(b.theme.brandChosen, brand);
    }
  });

  it('accepts only #rgb and #rrggbb, in attributes and in records, so no colour can carry CSS', () => {
    for (const ok of ['#abc', '#A1B2C3']) assert.ok(isColour(ok), ok);
    for (const bad of ['red', '#abcd', 'red; --archipel-font-family: Comic Sans', '#fff; background: url(x)', 'var(--x)', '']) assert.ok(!isColour(bad), bad);
    const parsed = ChapterSchema.safeParse({ id: 'x', name: 'X', color: 'red; --archipel-font-family: Comic Sans' });
    assert.equal(parsed.success, false);
  });
});
