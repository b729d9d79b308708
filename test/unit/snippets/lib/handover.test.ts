import { describe, expect, it } from 'vitest';
import { readHandoverMessage } from '../../../../snippets/lib/handover.mjs';
import { handover } from '../../../../scripts/doctest/snippet-pool.ts';

describe('readHandoverMessage: the runner\'s message for each snippet it runs', () => {
  it('reads what the runner sends', () => {
    const message = handover({ file: 'snippets/step2.mjs' }, { id: 'ABCD:EFGH', version: '20.10.24+dfsg1' }, new Set(['step1', 'step3']), '/tmp/run/state');
    expect(readHandoverMessage(JSON.parse(JSON.stringify(message)))).toEqual({
      kind: 'handover',
      file: 'snippets/step2.mjs',
      engine: { id: 'ABCD:EFGH', version: '20.10.24+dfsg1' },
      needsDone: ['step1', 'step3'],
      stateDir: '/tmp/run/state',
    });
  });

  it('has no needs done before any step ended', () => {
    expect(readHandoverMessage(handover({ file: 'snippets/step1.mjs' }, { id: 'X', version: '28.5.2' }, new Set(), '/s'))?.needsDone).toEqual([]);
  });

  it('is nothing for any other message, or an incomplete one: the snippet then keeps waiting', () => {
    expect(readHandoverMessage(undefined)).toBeUndefined();
    expect(readHandoverMessage('handover')).toBeUndefined();
    expect(readHandoverMessage({ kind: 'handover', file: 'a.mjs', engine: { id: 'X' }, needsDone: [], stateDir: '/s' })).toBeUndefined();
    expect(readHandoverMessage({ kind: 'handover', engine: { id: 'X', version: '1' }, needsDone: [], stateDir: '/s' })).toBeUndefined(); // no snippet named
    expect(readHandoverMessage({ kind: 'handover', file: 'a.mjs', engine: { id: 'X', version: '1' }, needsDone: 'step1', stateDir: '/s' })).toBeUndefined();
    expect(readHandoverMessage({ kind: 'handover', file: 'a.mjs', engine: { id: 'X', version: '1' }, needsDone: [] })).toBeUndefined();
    expect(readHandoverMessage({ kind: 'other', file: 'a.mjs', engine: { id: 'X', version: '1' }, needsDone: [], stateDir: '/s' })).toBeUndefined();
    expect(readHandoverMessage({ kind: 'handover', file: 'a.mjs', engine: { id: 'X', version: '1' }, needsDone: [], stateDir: '/s' })).toMatchObject({ file: 'a.mjs' }); // each of those, complete
  });
});
