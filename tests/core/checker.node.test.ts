/** A field's schema as a plain test (#23): the first look at a large source must judge each field exactly as zod does. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { readFileSync } from 'node:fs';
import { checker, recordChecker } from '../../packages/core/src/checker.ts';
import { parseCollection } from '../../packages/core/src/parse.ts';
import { previewer } from '../../packages/core/src/large-read.ts';
import { coercer } from '../../packages/core/src/coerce.ts';
import { ActionSchema, actionReader } from '../../packages/core/src/schemas/actions.ts';
import { ChapterSchema, chapterReader } from '../../packages/core/src/schemas/chapters.ts';
import { PostSchema, postReader } from '../../packages/core/src/schemas/posts.ts';
import { SignupSchema } from '../../packages/core/src/schemas/signups.ts';
import type { RecordReader } from '../../packages/core/src/reader.ts';

/** Values at and around every edge the schemas draw: kinds, bounds, formats, lengths. */
const VALUES: unknown[] = [
  undefined, null, true, false, 0, -0, 1, 2, 3, 4, 1.5, -1, 89.9999, 90, 90.0001, -90, -90.0001, 180, 180.5, -180, 1e21,
  NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, '', ' ', 'a', 'lyon', 'Lyon-2', 'é_t.é:1',
  'has space', 'a/b', 'x'.repeat(80), 'x'.repeat(81), 'x'.repeat(201), 'x'.repeat(4001), '45', '2026-12-12T13:00:00.000Z',
  '2026-12-12T13:00:00Z', '2026-02-29T10:00:00.000Z', '2028-02-29T10:00:00.000Z', '2026-12-12T25:00:00.000Z', '2026-12-12',
  '2026-12-12T13:00', 'Europe/Paris', 'America/Toronto', 'Mars/Olympus', 'UTC', 'FR', 'fr', 'FRA', 'https://example.org/a',
  'someone@example.org', 'not an email', '+33 6 12 34 56 78', '12', {}, [], ['a'], { fr: { title: 'x' } },
];

/** Every field of these schemas that the checker can test, with the schema it tests. */
function fields(...schemas: z.core.$ZodType[]): [string, z.core.$ZodType][] {
  return schemas.flatMap((s) => Object.entries((s._zod.def as unknown as { shape: Record<string, z.core.$ZodType> }).shape));
}

describe('a field schema as a plain test', () => {
  it('answers as zod does for every value, on every field it can test', () => {
    const tested: string[] = [];
    const bare: [string, z.core.$ZodType][] = [
      ['number', z.number()],
      ['int', z.int()],
      ['string', z.string()],
      ['boolean', z.boolean()],
      ['optional number', z.optional(z.number())],
      ['short string', z.string().check(z.maxLength(3), z.minLength(1))],
      ['positive', z.number().check(z.positive())],
    ];
    for (const [name, schema] of [...bare, ...fields(ActionSchema, ChapterSchema, PostSchema, SignupSchema)]) {
      const test = checker(schema);
      if (!test) continue;
      tested.push(name);
      for (const v of VALUES) assert.equal(test(v), z.safeParse(schema, v).success, `${name}: ${JSON.stringify(v) ?? String(v)}`);
    }
    // The fields a pin and the filters are made of are among them.
    for (const name of [...bare.map(([name]) => name), 'id', 'lat', 'lng', 'priority', 'start', 'end', 'timezone', 'chapter', 'type', 'virtual', 'title', 'email']) {
      assert.ok(tested.includes(name), `${name} has a plain test`);
    }
  });

  it('leaves to zod what it cannot test exactly: records, lists, objects, a trim', () => {
    const shape = (ActionSchema._zod.def as unknown as { shape: Record<string, z.core.$ZodType> }).shape;
    assert.equal(checker(shape.translations!), undefined);
    assert.equal(checker(shape.origins!), undefined);
    assert.equal(checker(z.object({ a: z.string() })), undefined);
    assert.equal(checker(z.string().check(z.trim())), undefined);
    // An async refine cannot be told at once: the previewer asks zod.
    assert.equal(checker(z.string().check(z.refine(async () => true)))!('a'), undefined);
  });

  it('does not let an async check\'s late issue fail the next value', async () => {
    const test = checker(z.string().check(z.minLength(1), z.refine(async () => false)))!;
    assert.equal(test('abc'), undefined);
    // The refine's issue is added once its promise settles, after the answer.
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(test('abc'), undefined);
    assert.equal(test(''), false);
  });

  it('gives the first look the fields zod would give, and leaves out the rows zod would refuse', () => {
    const names = ['id', 'lat', 'lng', 'priority', 'start', 'end', 'timezone', 'chapter', 'virtual'];
    const reader = actionReader as unknown as RecordReader;
    const shape = (ActionSchema._zod.def as unknown as { shape: Record<string, z.core.$ZodType> }).shape;
    const some = z.object(Object.fromEntries(names.map((n) => [n, shape[n]!])));
    const coerce = coercer(some, reader.cells);
    const byZod = (row: Record<string, unknown>) => {
      const r = some.safeParse(coerce(row, reader.prepare?.(row), true));
      return r.success ? r.data : undefined;
    };
    const look = previewer(reader, names);
    const base = { id: 'a1', lat: 45.76, lng: 4.83, priority: 2, start: '2031-03-01T10:00', timezone: 'Europe/Lyon', chapter: 'lyon' };
    const rows: Record<string, unknown>[] = [
      base,
      { ...base, timezone: 'Europe/Paris' },
      { ...base, lat: '45,76', lng: ' 4.83 ', priority: '1', virtual: 'oui', timezone: 'Europe/Paris' },
      { ...base, lat: 91, timezone: 'Europe/Paris' },
      { ...base, priority: 4, timezone: 'Europe/Paris' },
      { ...base, priority: 2.5, timezone: 'Europe/Paris' },
      { ...base, id: 'has space', timezone: 'Europe/Paris' },
      { ...base, chapter: '', end: '', timezone: 'Europe/Paris' },
      { ...base, start: '31/02/2031 10:00', timezone: 'Europe/Paris' },
      { ...base, start: '01/03/2031 10:00', end: '01/03/2031 12h30', timezone: 'Europe/Paris' },
      { ...base, start: '2031-03-01T10:00:00.000Z', timezone: 'America/Toronto' },
      { ...base, lat: 'north', timezone: 'Europe/Paris' },
      { ...base, virtual: 'maybe', timezone: 'Europe/Paris' },
    ];
    const kept = rows.map((row) => look(row));
    assert.deepEqual(kept, rows.map(byZod));
    // Not all kept, not all refused: the rows above test both ways.
    assert.ok(kept.filter(Boolean).length >= 5 && kept.filter((k) => !k).length >= 5, JSON.stringify(kept));
  });

  it('reads a record that surely passes without zod, and every other as zod does: the same records, the same skips', () => {
    const demo = (file: string) => JSON.parse(readFileSync(`demo/data/${file}`, 'utf8')) as Record<string, unknown>[];
    const actions = demo('actions.json');
    const a = actions[0]!;
    const odd: unknown[] = [
      { ...a, id: 'late', start: '2031-03-02T10:00', end: '2031-03-01T10:00' },
      { ...a, id: 'far', lat: 91 },
      { ...a, id: 'zone', timezone: 'Mars/Olympus' },
      { ...a, id: 'es', translations: { es: { title: 'Marcha' } } },
      { ...a, id: 'bad-es', translations: { es: { titel: 'Marcha' } } },
      { ...a, id: 'origins', origins: [{ label: 'Calendrier', url: 'https://example.org' }] },
      { ...a, id: 'extra', colour: 'green', priority: '2' },
      { ...a, id: 'untitled', title: '' },
      { ...a, id: 'has space' },
      { ...a, id: undefined, title: 'No id' },
      'not a record',
      { ...a },
    ];
    let spared = 0;
    for (const [reader, rows] of [
      [actionReader, [...actions, ...odd]],
      [chapterReader, demo('chapters.json')],
      [postReader, demo('posts.json')],
    ] as const) {
      const passes = recordChecker(reader.schema as z.core.$ZodType)!;
      const counted = (plain: Record<string, unknown>) => (passes(plain) ? (spared++, true) : false);
      assert.deepEqual(parseCollection('actions', reader as never, rows, { firstRow: 2, passes: counted }), parseCollection('actions', reader as never, rows, { firstRow: 2 }));
    }
    // Most of the demo's actions are spared zod's run; those with translations, and chapters and posts (their links
    // and hashtags are lists), are not.
    assert.ok(spared >= 300, String(spared));
    assert.equal(recordChecker(z.strictObject({ a: z.string() })), undefined, 'a strict record names what it does not know: zod');
  });
});
