import { describe, expect, it } from 'vitest';
import { satisfies } from '../../../../scripts/doctest/engine-range.ts';
import { findReaderEngine, readSpans } from '../../../../site/lib/blocks/engine-bounds.ts';

describe('readSpans', () => {
  it('reads each alternative as its lowest version and its top', () => {
    expect(readSpans('>=29.6 <30')).toEqual([{ lowest: [29, 6, 0], hasLower: true, top: { kind: 'major', major: 29 } }]);
    expect(readSpans('<29.6')).toEqual([{ lowest: [0, 0, 0], hasLower: false, top: { kind: 'minor', major: 29, minor: 5 } }]);
    expect(readSpans('>28 <=28.5.2')).toEqual([{ lowest: [28, 0, 1], hasLower: true, top: { kind: 'version', version: [28, 5, 2] } }]);
    expect(readSpans('>=28')).toEqual([{ lowest: [28, 0, 0], hasLower: true, top: undefined }]);
    expect(readSpans('20 || 26.1.5')).toHaveLength(2);
  });

  it('keeps the tightest of several bounds', () => {
    expect(readSpans('<30 <=29.5 >=28 >28.5')).toEqual([
      { lowest: [28, 5, 1], hasLower: true, top: { kind: 'version', version: [29, 5, 0] } },
    ]);
    expect(readSpans('<=29.6 <29.6')?.[0]?.top).toEqual({ kind: 'minor', major: 29, minor: 5 });
  });

  it('is undefined for what it cannot read or what holds no version', () => {
    for (const range of ['^28', '~26', '28.x', 'latest', '', '||', '>=30 <29', '>29 <=29', '<0', '<0.0.0']) {
      expect(readSpans(range), range).toBeUndefined();
    }
  });
});

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

  it('is undefined for a range it cannot read', () => {
    expect(findReaderEngine('^28')).toBeUndefined();
  });
});
