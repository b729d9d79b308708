import { describe, expect, it } from 'vitest';
import { readHandoverMessage } from '../../../../snippets/lib/handover.mjs';
import { handover } from '../../../../scripts/doctest/snippet-pool.ts';

describe('readHandoverMessage: the runner\'s one message to a snippet it starts', () => {
  it('reads what the runner sends', () => {
    const message = handover({ id: 'ABCD:EFGH', version: '20.10.24+dfsg1' }, new Set(['step1', 'step3']), '/tmp/run/state');
    expect(readHandoverMessage(JSON.parse(JSON.stringify(message)))).toEqual({
      kind: 'handover',
      engine: { id: 'ABCD:EFGH', version: '20.10.24+dfsg1' },
      needsDone: ['step1', 'step3'],
      stateDir: '/tmp/run/state',
    });
  });

  it('has no needs done before any step ended', () => {
    expect(readHandoverMessage(handover({ id: 'X', version: '28.5.2' }, new Set(), '/s'))?.needsDone).toEqual([]);
  });

  it('is nothing for any other message, or an incomplete one: the snippet then keeps waiting', () => {
    expect(readHandoverMessage(undefined)).toBeUndefined();
    expect(readHandoverMessage('handover')).toBeUndefined();
    expect(readHandoverMessage({ kind: 'handover', engine: { id: 'X' }, needsDone: [], stateDir: '/s' })).toBeUndefined();
    expect(readHandoverMessage({ kind: 'handover', engine: { id: 'X', version: '1' }, needsDone: 'step1', stateDir: '/s' })).toBeUndefined();
    expect(readHandoverMessage({ kind: 'handover', engine: { id: 'X', version: '1' }, needsDone: [] })).toBeUndefined();
    expect(readHandoverMessage({ kind: 'other', engine: { id: 'X', version: '1' }, needsDone: [], stateDir: '/s' })).toBeUndefined();
  });
});
