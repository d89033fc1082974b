import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { columns, place, inBand, estimate } from '../../packages/hashtag-wall/src/layout.ts';
import { videoOf } from '../../packages/hashtag-wall/src/video.ts';

describe('wall layout', () => {
  it('fits as many columns as the narrowest width allows', () => {
    assert.deepEqual(columns(1000, 256, 16), { count: 3, width: (1000 - 32) / 3 });
    assert.equal(columns(300, 256, 16).count, 1);
    assert.equal(columns(0, 256, 16).count, 1);
  });

  it('puts each card in the shortest column, in feed order, and never overlaps two', () => {
    const cols = columns(800, 256, 16);
    const { boxes, height } = place([100, 300, 100, 50, 200], cols, 16);
    assert.deepEqual(boxes.map((b) => [b.x, b.y]), [[0, 0], [272, 0], [544, 0], [0, 116], [544, 116]]);
    assert.equal(height, 316);
  });

  it('lays a grid out row by row when every card is as tall', () => {
    const { boxes } = place([10, 10, 10, 10], columns(528, 256, 16), 16);
    assert.deepEqual(boxes.map((b) => [b.x, b.y]), [[0, 0], [272, 0], [0, 26], [272, 26]]);
  });

  it('keeps only the cards in a band of the page', () => {
    const { boxes } = place(new Array(10_000).fill(100), columns(1000, 256, 16), 16);
    const shown = inBand(boxes, 5_000, 6_000);
    assert.ok(shown.length > 0 && shown.length < 40, `${shown.length} cards`);
    assert.ok(shown.every((i) => boxes[i]!.y < 6_000 && boxes[i]!.y + 100 > 5_000));
  });

  it('guesses taller cards for pictures and long texts', () => {
    assert.ok(estimate({ image: 'x' }, 300) > estimate({}, 300));
    assert.ok(estimate({ text: 'a'.repeat(800) }, 300) > estimate({ text: 'a' }, 300));
  });
});

describe('video links', () => {
  it('plays YouTube from youtube-nocookie.com, Vimeo without tracking and PeerTube from its own instance', () => {
    for (const url of ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://youtu.be/dQw4w9WgXcQ', 'https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ', 'https://www.youtube.com/shorts/dQw4w9WgXcQ']) {
      assert.equal(videoOf(url)?.src, 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1', url);
    }
    assert.deepEqual(videoOf('https://vimeo.com/76979871'), { platform: 'Vimeo', host: 'player.vimeo.com', src: 'https://player.vimeo.com/video/76979871?autoplay=1&dnt=1', kind: 'iframe' });
    assert.equal(videoOf('https://tube.example.org/w/tDbpYbAaGhobFhQ9p8bhSB')?.src, 'https://tube.example.org/videos/embed/tDbpYbAaGhobFhQ9p8bhSB?autoplay=1&warningTitle=0');
    assert.equal(videoOf('https://tube.example.org/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d')?.platform, 'PeerTube');
    assert.equal(videoOf('https://files.example.org/a/action.mp4')?.kind, 'file');
  });

  it('recognises nothing that is not an http(s) video link', () => {
    for (const url of ['javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ', 'data:video/mp4;base64,AAAA', 'https://vagueclimat.example.org/agir', 'not a url', undefined]) {
      assert.equal(videoOf(url), undefined, String(url));
    }
  });
});
