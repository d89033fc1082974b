import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isWrittenInstant, parseDateTime } from '../../packages/core/src/time.ts';
import { localToUtc, zoneOffset } from '../../packages/core/src/zones.ts';
import { inItsZone } from '../../packages/core/src/schemas/actions.ts';

const utc = (text: string, zone: string) => new Date(localToUtc(parseDateTime(text)!, zone)).toISOString();

describe('dates as campaigns write them', () => {
  it('reads ISO, day-first and Google’s Date() forms', () => {
    assert.equal(utc('2026-12-12T14:00', 'UTC'), '2026-12-12T14:00:00.000Z');
    assert.equal(utc('2026-12-12 14:00', 'UTC'), '2026-12-12T14:00:00.000Z');
    assert.equal(utc('12/12/2026 14h00', 'UTC'), '2026-12-12T14:00:00.000Z');
    assert.equal(utc('5.1.2027 9:30', 'UTC'), '2027-01-05T09:30:00.000Z');
    assert.equal(utc('Date(2026,11,12,14,0,0)', 'UTC'), '2026-12-12T14:00:00.000Z');
  });

  it('keeps an explicit offset', () => {
    const t = parseDateTime('2026-12-05T18:30:00+01:00')!;
    assert.equal(t.zoned, true);
    assert.equal(new Date(t.utc).toISOString(), '2026-12-05T17:30:00.000Z');
  });

  it('refuses dates that do not exist', () => {
    assert.equal(parseDateTime('31/02/2026'), undefined);
    assert.equal(parseDateTime('2026-13-01'), undefined);
    assert.equal(parseDateTime('2026-12-12 25:00'), undefined);
    assert.equal(parseDateTime('bientôt'), undefined);
  });

  it('keeps an instant as toISOString() writes it, as reading it again would', () => {
    assert.equal(isWrittenInstant('2026-12-12T13:00:00.000Z'), true);
    // Impossible, with milliseconds, before the year 1000, a small z, an hour 24: kept only where reading gives it back.
    for (const text of ['2026-12-12T13:00:00.000Z', '2026-02-30T10:00:00.000Z', '2026-12-12T13:00:00.500Z', '0099-12-12T13:00:00.000Z', '2026-12-12T13:00:00.000z', '2026-12-12T24:00:00.000Z', ' 2026-12-12T13:00:00.000Z']) {
      const t = parseDateTime(text);
      const read = t ? new Date(t.utc).toISOString() : text;
      assert.equal(isWrittenInstant(text) ? text : read, read, text);
    }
  });

  it('reads a wall time in the zone of the place, across daylight saving', () => {
    assert.equal(utc('2026-12-12 14:00', 'Europe/Paris'), '2026-12-12T13:00:00.000Z');
    assert.equal(utc('2026-07-01 14:00', 'Europe/Paris'), '2026-07-01T12:00:00.000Z');
    assert.equal(utc('2026-12-12 14:00', 'America/Toronto'), '2026-12-12T19:00:00.000Z');
    assert.equal(utc('2026-12-12 14:00', 'Africa/Dakar'), '2026-12-12T14:00:00.000Z');
    // 02:30 does not exist in Paris on 29 March 2026; it is read as 03:30 summer time.
    assert.equal(utc('2026-03-29 02:30', 'Europe/Paris'), '2026-03-29T01:30:00.000Z');
    assert.equal(zoneOffset(Date.UTC(2026, 6, 1), 'America/Argentina/Buenos_Aires'), -3 * 3600_000);
  });

  it('knows the offsets of half-hour zones, of both hemispheres, and of local mean time', () => {
    // The wall clock Intl reads in the zone, against UTC: what the offset must be.
    const byParts = (t: number, zone: string) => {
      const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
      const p = Object.fromEntries(f.formatToParts(t).map(({ type, value }) => [type, Number(value)]));
      return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(t / 1000) * 1000;
    };
    const zones = ['Asia/Kolkata', 'America/St_Johns', 'Australia/Adelaide', 'Asia/Kathmandu', 'Europe/Paris', 'Africa/Casablanca', 'UTC'];
    let asked = 0;
    // Every 61 hours over 2026 and 2027, each zone's changes of offset included, and Paris in 1900 (GMT+00:09:21).
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += 61 * 3_600_000) for (const zone of zones) (asked++, assert.equal(zoneOffset(t, zone), byParts(t, zone), `${zone} ${new Date(t).toISOString()}`));
    assert.equal(zoneOffset(Date.UTC(1900, 0, 1), 'Europe/Paris'), (9 * 60 + 21) * 1000);
    assert.ok(asked > 2000);
  });
});

describe("an action's dates in its zone, as rows come (inItsZone)", () => {
  it('reads one cell in each zone that names it, an offset written in it whatever the zone', () => {
    const row = (start: string, timezone: string, end?: string) => inItsZone({ start, timezone, end });
    assert.deepEqual(row('2026-12-12 14:00', 'Europe/Paris', '12/12/2026 16h00'), { timezone: 'Europe/Paris', start: '2026-12-12T13:00:00.000Z', end: '2026-12-12T15:00:00.000Z' });
    // The same cells, read first in Paris: each zone has its own instant for them.
    assert.deepEqual(row('2026-12-12 14:00', 'America/Toronto', '12/12/2026 16h00'), { timezone: 'America/Toronto', start: '2026-12-12T19:00:00.000Z', end: '2026-12-12T21:00:00.000Z' });
    assert.equal(row('2026-12-12 14:00', ' Europe/Paris ').start, '2026-12-12T13:00:00.000Z');
    for (const zone of ['Europe/Paris', 'Asia/Kolkata']) assert.equal(row('2026-12-05T18:30:00+01:00', zone).start, '2026-12-05T17:30:00.000Z');
    // No date, no zone: the cell is left for the schema to refuse, as it was read.
    assert.deepEqual(row('bientôt', 'Europe/Paris'), { timezone: 'Europe/Paris' });
    assert.deepEqual(row('2026-12-12 14:00', 'Mars/Olympus'), { timezone: 'Mars/Olympus' });
  });

  it('reads as before past the dates it keeps (50,000), in many zones', () => {
    const zones = ['Europe/Paris', 'America/Toronto', 'Africa/Dakar', 'Asia/Kolkata'];
    // 70,000 cells 37 minutes apart, each in one of 4 zones: more than are kept; every seventh read again at the end.
    const cell = (i: number) => new Date(Date.UTC(2027, 0, 1) + i * 37 * 60_000).toISOString().slice(0, 16).replace('T', ' ');
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < 70_000; i += round ? 7 : 1) {
        const zone = zones[i % 4]!;
        assert.equal(inItsZone({ start: cell(i), timezone: zone }).start, utc(cell(i), zone), `${cell(i)} in ${zone}`);
      }
  });
});

describe('relative times on cards', () => {
  it('says “now” for a post of the last minute, not “this minute”', async () => {
    const { formatRelative } = await import('../../packages/core/src/i18n.ts');
    const now = Date.parse('2026-11-21T10:00:30Z');
    assert.deepEqual(
      (['en', 'fr', 'es'] as const).map((l) => formatRelative('2026-11-21T10:00:05Z', l, now)),
      ['now', 'maintenant', 'ahora'],
    );
    assert.equal(formatRelative('2026-11-21T07:00:30Z', 'fr', now), 'il y a 3 heures');
  });
});
