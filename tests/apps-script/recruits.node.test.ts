/**
 * The relational loop through Code.gs: a supporter's private link counts the people who joined through their
 * share link, each person once and for whoever brought them first, and says nothing of who they are.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { campaign, signup } from './campaign.ts';

describe('a supporter’s private link in the sheet', () => {
  it('counts who joined through their share link, once a person, for the first recruiter', () => {
    const app = campaign();
    const join = (id: string, extra: Record<string, unknown>) => {
      const answer = app.post(signup(id, extra));
      assert.equal(answer.ok, true, answer.error);
      return answer.secret!;
    };
    const zoe = join('signup-zoe-0001', { name: 'Zoé', email: 'zoe@example.org', ref: 'zoecode7' });
    const yann = join('signup-yann-0001', { name: 'Yann', email: 'yann@example.org', ref: 'yanncod7' });
    join('signup-max-0001', { name: 'Max Recrue', email: 'max@example.org', ref: 'maxcode7', referrer: 'zoecode7' });
    join('signup-max-0002', { name: 'Max', email: ' MAX@example.org', ref: 'maxcode8', referrer: 'yanncod7' });
    join('signup-ola-0001', { name: 'Ola', email: 'ola@example.org', referrer: 'zoecode7' });
    // Zoé signs up again (another code): her first link still counts, and so does this one.
    const zoeAgain = join('signup-zoe-0002', { name: 'Zoé', email: 'Zoe@example.org', ref: 'zoecode8', referrer: 'zoecode7' });
    join('signup-pia-0001', { name: 'Pia', email: 'pia@example.org', referrer: 'zoecode8' });
    const mine = (secret: string) => (app.post({ action: 'mine', secret }) as { person: { recruits?: number } }).person;
    assert.equal(mine(zoe).recruits, 3);
    assert.equal(mine(zoeAgain).recruits, 3);
    assert.equal(mine(yann).recruits, 0);
    assert.doesNotMatch(JSON.stringify(mine(zoe)), /max@|Max Recrue|ola@|pia@/i);
  });
});
