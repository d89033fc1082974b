/**
 * Editing a hub through PATCH /chapters/{id}: a lead edits their own chapter and the public read changes; they
 * cannot edit another; a stranger cannot edit at all; leaders' emails are stored yet never public; a colour that
 * would make the header band and the buttons vanish is refused, naming the field.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from './support.ts';

let s: TestServer;
let lyon: string;

before(async () => {
  s = await startTestServer();
  lyon = await s.store.createToken('Amina (Lyon)', { chapter: 'lyon' });
});
after(() => s.close());

const patch = (token: string | null, id: string, body: unknown) =>
  fetch(`${s.url}/api/chapters/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
const publicChapter = async (id: string) => {
  const { items } = (await (await fetch(`${s.url}/api/chapters`)).json()) as { items: Record<string, unknown>[] };
  return items.find((c) => c.id === id)!;
};

describe('a lead editing their hub', () => {
  it('changes what the public hub reads, leaders’ emails kept out of it', async () => {
    const res = await patch(lyon, 'lyon', {
      name: 'Vague Climat Lyon Métropole',
      slogan: 'Lyon se lève',
      links: [{ label: 'Instagram', url: 'https://instagram.example.org/vc_lyon' }],
      leaders: [{ name: 'Amina K.', role: 'coordinatrice', email: 'amina@example.org' }],
      color: '#0b6e99',
    });
    assert.equal(res.status, 200);
    const chapter = await publicChapter('lyon');
    assert.equal(chapter.name, 'Vague Climat Lyon Métropole');
    assert.equal(chapter.slogan, 'Lyon se lève');
    assert.equal(chapter.color, '#0b6e99');
    assert.deepEqual(chapter.leaders, [{ name: 'Amina K.', role: 'coordinatrice' }]);
    assert.ok(!JSON.stringify(await (await fetch(`${s.url}/api/chapters`)).json()).includes('amina@example.org'));
    assert.equal(chapter.region, 'Auvergne-Rhône-Alpes', 'what was not sent stays');
  });

  it('reads the whole record back in the console, leaders’ emails included, for their chapter only', async () => {
    const res = await fetch(`${s.url}/api/console/chapter`, { headers: { authorization: `Bearer ${lyon}` } });
    assert.equal(((await res.json()) as { leaders: { email: string }[] }).leaders[0]!.email, 'amina@example.org');
    assert.equal((await fetch(`${s.url}/api/console/chapter?chapter=nantes`, { headers: { authorization: `Bearer ${lyon}` } })).status, 403);
    assert.equal((await fetch(`${s.url}/api/console/chapter?chapter=lyon`)).status, 401);
  });

  it('removes an optional field sent empty', async () => {
    assert.equal((await patch(lyon, 'lyon', { slogan: '' })).status, 200);
    assert.equal((await publicChapter('lyon')).slogan, undefined);
  });

  it('is refused a white brand colour, which would hide the header band and the buttons, and an accent lost on the band', async () => {
    const res = await patch(lyon, 'lyon', { color: '#ffffff', accent: '#fafafa' });
    assert.equal(res.status, 422);
    const problem = (await res.json()) as { errors: { field: string; problem?: string }[] };
    assert.deepEqual(problem.errors.map((e) => [e.field, e.problem]), [
      ['color', 'contrast'],
      ['accent', 'contrast-brand'],
    ]);
    const near = await patch(lyon, 'lyon', { accent: '#0d7aa8' });
    assert.deepEqual(((await near.json()) as { errors: { field: string }[] }).errors.map((e) => e.field), ['accent'], 'an accent too close to the brand colour hides the join button');
    assert.equal((await publicChapter('lyon')).color, '#0b6e99');
  });

  it('is refused invalid fields and fields that are not theirs to change', async () => {
    const bad = await patch(lyon, 'lyon', { name: '', color: 'red' });
    assert.equal(bad.status, 422);
    assert.ok(((await bad.json()) as { errors: { field: string }[] }).errors.some((e) => e.field === 'color'));
    assert.equal((await patch(lyon, 'lyon', { id: 'paris', lat: 0 })).status, 422);
  });
});

describe('who may not edit a hub', () => {
  it('a lead of another chapter gets 403 and changes nothing', async () => {
    const res = await patch(lyon, 'nantes', { name: 'Taken over' });
    assert.equal(res.status, 403);
    assert.equal((await publicChapter('nantes')).name, 'Vague Climat Nantes');
  });
  it('a stranger gets 401, with or without a made-up token', async () => {
    assert.equal((await patch(null, 'nantes', { name: 'Taken over' })).status, 401);
    assert.equal((await patch('arch_made-up', 'nantes', { name: 'Taken over' })).status, 401);
    assert.equal((await publicChapter('nantes')).name, 'Vague Climat Nantes');
  });
  it('campaign staff may edit any chapter', async () => {
    assert.equal((await patch(s.token, 'nantes', { slogan: 'Nantes, à la vague' })).status, 200);
    assert.equal((await publicChapter('nantes')).slogan, 'Nantes, à la vague');
  });
});
