/**
 * Moderation words in every language publish a post, on every backend: core's reader (the reference server's
 * imports, sheets read in the browser) and Code.gs know the same words, and take them as the same status.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { STATUS_WORDS, statusCell } from '../../packages/core/src/schemas/cells.ts';
import { campaign } from './campaign.ts';

/** What staff type, as they type it, in Archipel's nine languages. */
const TYPED = {
  approved: ['approved', 'Yes', 'approuvé', 'Approuvée', 'oui', 'aprobado', 'APROBADA', 'sí', 'aprovado', 'sim', 'genehmigt', 'veröffentlicht', 'ja', 'approvato', 'goedgekeurd', 'موافق', 'نعم', 'imeidhinishwa', 'ndiyo'],
  hidden: ['hidden', 'masqué', 'rejetée', 'oculto', 'rechazada', 'não', 'abgelehnt', 'nein', 'nascosto', 'afgewezen', 'nee', 'مرفوض', 'لا', 'imefichwa', 'hapana'],
  pending: ['pending', 'en attente', 'pendiente', 'pendente', 'ausstehend', 'in attesa', 'in afwachting', 'قيد المراجعة', 'inasubiri'],
};

describe('moderation words', () => {
  it('are the same lists in core and in Code.gs', () => {
    const gs = campaign().value<Record<string, string[]>>('STATUS_WORDS');
    for (const status of Object.keys(STATUS_WORDS) as (keyof typeof STATUS_WORDS)[]) {
      assert.deepEqual(gs[status]!.filter((w) => w !== '').sort(), [...STATUS_WORDS[status]].sort(), status);
    }
  });

  it('give the same status in core and in Code.gs, in all nine languages', () => {
    const app = campaign();
    for (const [status, words] of Object.entries(TYPED)) {
      for (const word of words) {
        assert.equal(statusCell(word), status, `core: ${word}`);
        assert.equal(app.call('canonicalStatus_', word), status, `Code.gs: ${word}`);
      }
    }
    assert.equal(statusCell('peut-être'), 'peut-être');
  });
});
