import { describe, expect, it } from 'vitest';
import { readRange, satisfies, selectExpectation, spansHold, writeSpans } from '../../../scripts/doctest/engine-range.ts';
import type { Expectation } from '../../../scripts/page/types.ts';

const spansOf = (range: string) => {
  const reading = readRange(range);
  return reading.ok ? reading.spans : reading.error;
};
const errorOf = (range: string) => {
  const reading = readRange(range);
  return reading.ok ? undefined : reading.error;
};

describe('readRange', () => {
  it('reads each alternative as its lowest version and its top', () => {
    expect(spansOf('>=29.6 <30')).toEqual([{ lowest: [29, 6, 0], hasLower: true, top: { kind: 'major', major: 29 } }]);
    expect(spansOf('<29.6')).toEqual([{ lowest: [0, 0, 0], hasLower: false, top: { kind: 'minor', major: 29, minor: 5 } }]);
    expect(spansOf('>28 <=28.5.2')).toEqual([{ lowest: [28, 0, 1], hasLower: true, top: { kind: 'version', version: [28, 5, 2] } }]);
    expect(spansOf('>=28')).toEqual([{ lowest: [28, 0, 0], hasLower: true, top: undefined }]);
    expect(spansOf('=28')).toEqual([{ lowest: [28, 0, 0], hasLower: true, top: { kind: 'major', major: 28 } }]);
    expect(spansOf('20 || 26.1.5')).toHaveLength(2);
  });

  it('reads a range written loosely: spaces after an operator, a v before a version', () => {
    expect(spansOf('>= 29  < 30')).toEqual(spansOf('>=29 <30'));
    expect(spansOf('v28.5')).toEqual(spansOf('=28.5'));
  });

  it('keeps the tightest of several bounds', () => {
    expect(spansOf('<30 <=29.5 >=28 >28.5')).toEqual([{ lowest: [28, 5, 1], hasLower: true, top: { kind: 'version', version: [29, 5, 0] } }]);
    expect(spansOf('<=29.6 <29.6')).toEqual([{ lowest: [0, 0, 0], hasLower: false, top: { kind: 'minor', major: 29, minor: 5 } }]);
  });

  it.each(['^28', '~26', '28.x', '29.6.1-rc.1', 'latest', '>=29,<30', '', ' ', '||', '20 ||', '>=30 <29', '>29 <=29', '>=29 <29', '<0', '<0.0.0'])(
    'refuses %j',
    (range) => {
      expect(errorOf(range)).toMatch(new RegExp(`^docker="${range.replace(/[|^.*+]/g, '\\$&')}" `));
    },
  );

  it('says what is wrong, and how to write a range', () => {
    expect(errorOf('^29')).toMatchInlineSnapshot(
      `"docker="^29" cannot be read: "^29" is not a comparator (>=, >, <=, <, = or none, then a version of up to three numbers); write comparators of versions joined by spaces, alternatives by ||, e.g. docker=">=29.6 <30" or docker="<29" (docs/page-format.md)"`,
    );
    expect(errorOf('>=30 <29')?.split(';')[0]).toBe('docker=">=30 <29" holds no version (from 30.0.0 below 29.0.0)');
    expect(errorOf('<0')?.split(';')[0]).toBe('docker="<0" holds no version (below 0.0.0)');
    expect(errorOf('>=28 ||')?.split(';')[0]).toBe('docker=">=28 ||" has an empty alternative around ||');
    expect(errorOf('')?.split(';')[0]).toBe('docker="" is empty');
  });
});

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
    ['29.6.0', '>=29.6 <30', true],
    ['30.0.0', '>=29.6 <30', false],
    ['29.5.9', '<29.6', true],
    ['29.6.0', '<29.6', false],
    ['29.5.0', '<=29.5', true],
    ['29.5.1', '<=29.5', false],
    ['29.5.0', '>29.5', false],
    ['29.5.1', '>29.5', true],
    ['28.9.9', '=28', true],
    ['29.0.0', '=28', false],
    ['28.5.2', '=28.5.2', true],
    ['28.5.3', '=28.5.2', false],
    ['28', '>=28', true],
  ])('%s in %s: %s', (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });

  it('names a version it cannot read', () => {
    expect(() => satisfies('unknown', '<28')).toThrow('not a version: "unknown"');
  });

  it('throws, with what is wrong, on a range the page check refuses (no range holds every engine by mistake)', () => {
    expect(() => satisfies('29.0.0', '')).toThrow('docker="" is empty');
    expect(() => satisfies('29.0.0', '^29')).toThrow('"^29" is not a comparator');
  });
});

describe('writeSpans and spansHold: the spans the engine-tabs script gets', () => {
  const written = (range: string) => {
    const reading = readRange(range);
    if (!reading.ok) throw new Error(reading.error);
    return writeSpans(reading.spans);
  };

  it('writes each span from its lowest version up to, not including, its ceiling', () => {
    expect(written('>=29.6 <30')).toBe('29.6.0-30.0.0');
    expect(written('<29.6')).toBe('0.0.0-29.6.0');
    expect(written('<=29.5.2')).toBe('0.0.0-29.5.3');
    expect(written('>=28')).toBe('28.0.0-');
    expect(written('20.10 || >=28')).toBe('20.10.0-20.11.0 28.0.0-');
  });

  it('holds what satisfies holds, for every range and engine around their bounds', () => {
    const ranges = ['>=29.6 <30', '>=29 <29.6', '<29', '>=28', '=28', '28.5', '26.1.5', '>29.5', '<=29.5.2', '<=27', '20 || >=28', '>=26 <=28.5.2'];
    const engines = ['0.0.0', '20.10.24', '20.11.0', '26.1.4', '26.1.5', '26.1.6', '27.0.0', '27.0.1', '28.0.0', '28.5.2', '28.5.3', '28.6.0'];
    engines.push('29.0.0', '29.5.0', '29.5.1', '29.5.2', '29.5.3', '29.6.0', '29.9.9', '30.0.0', '31.2.3');
    for (const range of ranges) {
      for (const engine of engines) expect(spansHold(written(range), engine), `${engine} in ${range}`).toBe(satisfies(engine, range));
    }
  });

  it('holds nothing for no spans', () => {
    expect(spansHold('', '29.0.0')).toBe(false);
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
  it('takes the first of overlapping ranges, newest written first', () => {
    expect(selectExpectation([block(40, '>=29.6 <30'), block(50, '>=29')], '29.7.2')?.at.line).toBe(40);
  });
  it('a block without a range holds every engine', () => {
    expect(selectExpectation([block(18)], '99.0.0')?.at.line).toBe(18);
  });
  it('none when no range holds the engine', () => {
    expect(selectExpectation([block(40, '>=29.6 <30')], '30.0.1')).toBeUndefined();
  });
});
