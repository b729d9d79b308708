import { describe, expect, it } from 'vitest';
import { budgetMs } from '../../../../snippets/lib/ready.mjs';

describe('budgetMs: what is left of a readiness deadline, as timers take it', () => {
  it('is a whole number of milliseconds, rounded up, at least 1 (AbortSignal.timeout refuses 81.52)', () => {
    expect(budgetMs(1081.52, 1000)).toBe(82);
    expect(Number.isInteger(budgetMs(performance.now() + 123.456))).toBe(true);
    expect(budgetMs(1000, 1000)).toBe(1);
    expect(budgetMs(900, 1000)).toBe(1);
    expect(() => AbortSignal.timeout(budgetMs(1081.52, 1000))).not.toThrow();
  });
});
