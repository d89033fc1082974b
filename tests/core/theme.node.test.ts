import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { contrast, ensureContrast, makeTheme, parseColour, textOn } from '../../packages/core/src/theme.ts';

const ratio = (a: string, b: string) => contrast(parseColour(a)!, parseColour(b)!);

describe('brand colours stay readable', () => {
  it('computes WCAG contrast', () => {
    assert.equal(Math.round(ratio('#000000', '#ffffff') * 10) / 10, 21);
    assert.equal(Math.round(ratio('#777777', '#ffffff') * 100) / 100, 4.48);
  });

  it('puts text of at least 4.5:1 on any brand colour', () => {
    for (let r = 0; r < 256; r += 17)
      for (let g = 0; g < 256; g += 17)
        for (let b = 0; b < 256; b += 51) {
          const bg: [number, number, number] = [r, g, b];
          assert.ok(contrast(bg, textOn(bg)) >= 4.5, `text on rgb(${bg})`);
        }
  });

  it('darkens a light brand colour until it reads as text on white', () => {
    const t = makeTheme('#f5d90a');
    assert.ok(ratio(t.brandOnSurface, '#ffffff') >= 4.5);
    assert.notEqual(t.brandOnSurface, t.brand);
    assert.equal(t.brandContrast, '#111111');
    assert.deepEqual(ensureContrast([26, 127, 90], [255, 255, 255]), [26, 127, 90]);
  });

  it('reads #rgb and #rrggbb and refuses other colour forms', () => {
    assert.deepEqual(parseColour('#1a7'), [17, 170, 119]);
    assert.deepEqual(parseColour('#1A7F5A'), [26, 127, 90]);
    assert.equal(parseColour('green'), undefined);
  });
});
