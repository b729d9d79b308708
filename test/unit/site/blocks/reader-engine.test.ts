import { describe, expect, it } from 'vitest';
import { satisfies } from '../../../../scripts/doctest/engine-range.ts';
import { findReaderEngine } from '../../../../site/lib/blocks/reader-engine.ts';

describe('findReaderEngine', () => {
  it.each([
    ['>=29.6 <30', '29.6.0'],
    ['>=29 <29.6', '29.0.0'],
    ['>29.5', '29.5.1'],
    ['<29', '28.0.0'], // "28.x and earlier": the start of its top, not 0.0.0
    ['<29.6', '29.5.0'],
    ['<=29.5.2', '29.5.2'],
    ['=28', '28.0.0'],
    ['>=28 || 20.10', '20.10.0'],
  ])('%s -> %s', (range, engine) => {
    expect(findReaderEngine(range)).toBe(engine);
  });

  it('is a version the range holds, as the doc-tests decide it', () => {
    for (const range of ['>=29.6 <30', '>=29 <29.6', '<29', '<28', '>28', '<=27', '>=29.5.2 <29.6', '<29.6.3', '26.1.5', '20 || >=28']) {
      const engine = findReaderEngine(range);
      expect(engine && satisfies(engine, range), `${range}: ${engine}`).toBe(true);
    }
  });

  it('is undefined for a range the page check refuses', () => {
    expect(findReaderEngine('^28')).toBeUndefined();
    expect(findReaderEngine('>=30 <29')).toBeUndefined();
  });
});
