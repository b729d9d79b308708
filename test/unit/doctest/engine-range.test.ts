import { describe, expect, it } from 'vitest';
import { satisfies, selectExpectation } from '../../../scripts/doctest/engine-range.ts';
import type { Expectation } from '../../../scripts/page/types.ts';

describe('satisfies', () => {
  it.each([
    ['20.10.24+dfsg1', '<28', true],
    ['20.10.24+dfsg1', '>=28', false],
    ['28.5.2', '>=28', true],
    ['28.5.2', '>=28.5', true],
    ['28.4.0', '>=28.5', false],
    ['26.1.5', '>=26 <28', true],
    ['26.1.5', '20 || >=28', false],
    ['20.10.24', '20 || >=28', true],
    ['20.10.24', '20.10', true],
  ])('%s in %s: %s', (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });

  it('names a version it cannot read', () => {
    expect(() => satisfies('unknown', '<28')).toThrow('not a version: "unknown"');
  });
});

describe('selectExpectation', () => {
  const block = (line: number, docker?: string): Expectation => ({
    at: { file: 'content/step2.mdx', line },
    body: '',
    unordered: false,
    subset: false,
    docker,
    exit: 0,
  });
  it('takes the block whose range holds the engine', () => {
    const outputs = [block(51, '<28'), block(62, '>=28')];
    expect(selectExpectation(outputs, '20.10.24')?.at.line).toBe(51);
    expect(selectExpectation(outputs, '28.5.2')?.at.line).toBe(62);
  });
  it('a block without a range holds every engine', () => {
    expect(selectExpectation([block(18)], '99.0.0')?.at.line).toBe(18);
  });
});
