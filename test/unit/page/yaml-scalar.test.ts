import { describe, expect, it } from 'vitest';
import { readFlowList, readScalar } from '../../../scripts/page/yaml-scalar.ts';

const valueOf = (raw: string) => {
  const read = readScalar(raw);
  return 'value' in read ? read.value : read.error;
};

describe('readScalar: a value typed as YAML types it', () => {
  it.each([
    ['5', 5],
    ['-3', -3],
    ['012', 12],
    ['0x1F', 31],
    ['2.5', 2.5],
    ['1e3', 1000],
    ['.inf', Infinity],
    ['', null],
    ['~', null],
    ['NULL', null],
    ['True', true],
    ['false', false],
    ['yes', 'yes'],
    ['"5"', '5'],
    ["'it''s'", "it's"],
    ['"a\\tb"', 'a\tb'],
    ['a # comment', 'a'],
    ['a#b', 'a#b'],
    ['# only a comment', null],
    ['1_000', '1_000'],
    ['12:30', '12:30'],
  ])('%j is %j', (raw, value) => {
    expect(valueOf(raw)).toEqual(value);
  });

  it('reads a date as a date', () => {
    expect(valueOf('2025-01-01')).toEqual(new Date('2025-01-01T00:00:00Z'));
  });

  it.each([
    ['a: b', 'a: b holds ": ", which YAML reads as another field; write it in quotes'],
    ['*x', '*x starts with *, which YAML reads as syntax, not text; write it in quotes'],
    ['|', '| starts with |, which YAML reads as syntax, not text; write it in quotes'],
    ['- a', '- a starts with -, which YAML reads as syntax, not text; write it in quotes'],
    ['"open', 'cannot read the quoted text "open; end it with " and put nothing after it'],
    ['"C:\\p"', 'cannot read the escapes in "C:\\p"; write \\\\ for a backslash, or use single quotes'],
  ])('refuses %j: %s', (raw, error) => {
    expect(valueOf(raw)).toBe(error);
  });
});

describe('readFlowList', () => {
  it.each([
    ['[]', []],
    ['[step1, step3]', ['step1', 'step3']],
    ['[step1,]', ['step1']],
    ['["a, b", 2]', ['a, b', 2]],
  ])('%s', (raw, value) => {
    expect(readFlowList(raw)).toEqual({ value });
  });

  it.each(['[a,,b]', '[[a]]', '[a', '[a] b'])('refuses %s', (raw) => {
    expect(readFlowList(raw)).toHaveProperty('error');
  });
});
