import { describe, expect, it } from 'vitest';
import { readHandover } from '../../../../snippets/lib/handover.mjs';
import { handover } from '../../../../scripts/doctest/snippet-pool.ts';

describe('readHandover', () => {
  it('is nothing for a person\'s run: every check is made', () => {
    expect(readHandover({})).toBeUndefined();
    expect(readHandover({ GUIDE_ENGINE: 'ABCD:EFGH 20.10.24', GUIDE_NEEDS_DONE: 'step1' })).toBeUndefined();
  });

  it('is nothing without a complete engine, even with GUIDE_PREFLIGHT=done', () => {
    expect(readHandover({ GUIDE_PREFLIGHT: 'done' })).toBeUndefined();
    expect(readHandover({ GUIDE_PREFLIGHT: 'done', GUIDE_ENGINE: 'ABCD:EFGH' })).toBeUndefined();
  });

  it('reads what the runner hands over', () => {
    const env = handover({ id: 'ABCD:EFGH', version: '20.10.24+dfsg1' }, new Set(['step1', 'step3']));
    expect(readHandover(env)).toEqual({ engine: { id: 'ABCD:EFGH', version: '20.10.24+dfsg1' }, needsDone: new Set(['step1', 'step3']) });
  });

  it('has no needs done before any step ended', () => {
    expect(readHandover(handover({ id: 'X', version: '28.5.2' }, new Set()))?.needsDone.size).toBe(0);
  });
});
