import { describe, expect, it } from 'vitest';
import { alignLines } from '../../../scripts/doctest/align.ts';

const exact = { unordered: false, subset: false };
const none = new Map<string, string>();

describe('alignLines', () => {
  it('`...` takes any run of lines, none included', () => {
    expect(alignLines(['...'], ['a', 'b'], exact, none).ok).toBe(true);
    expect(alignLines(['...'], [], exact, none).ok).toBe(true);
    expect(alignLines(['first', '...', 'last'], ['first', 'x', 'y', 'last'], exact, none).ok).toBe(true);
    expect(alignLines(['first', '...', 'last'], ['first', 'last'], exact, none).ok).toBe(true);
  });

  it('an extra line, a missing line and a changed line each show as themselves', () => {
    expect(alignLines(['a', 'b'], ['a', 'x', 'b'], exact, none).lines).toEqual(['a', 'x', 'b']);
    expect(alignLines(['a', 'b', 'c'], ['a', 'c'], exact, none).lines).toEqual(['a', 'c']);
    expect(alignLines(['a', 'N=[N]', 'c'], ['a', 'N=x', 'c'], exact, none).lines).toEqual(['a', 'N=x', 'c']);
  });

  it('an actual line that would read as a token is shown escaped, as the page must write it', () => {
    expect(alignLines(['a', 'b'], ['a', '[OK] b'], exact, none).lines).toEqual(['a', String.raw`\[OK] b`]);
    expect(alignLines(['b'], ['[N] x', 'b'], { unordered: true, subset: false }, none).lines).toEqual(['b', String.raw`\[N] x`]);
  });

  it('unordered without subset fails on an unlisted line', () => {
    const result = alignLines(['b', 'a'], ['a', 'b', 'c'], { unordered: true, subset: false }, none);
    expect(result).toMatchObject({ ok: false, lines: ['b', 'a', 'c'] });
  });

  it('ordered subset needs the written lines in order', () => {
    const subset = { unordered: false, subset: true };
    expect(alignLines(['a', 'c'], ['a', 'b', 'c'], subset, none).ok).toBe(true);
    expect(alignLines(['c', 'a'], ['a', 'b', 'c'], subset, none).ok).toBe(false);
  });

  it('`...` in an unordered block allows unlisted lines', () => {
    expect(alignLines(['b', '...'], ['a', 'b'], { unordered: true, subset: false }, none).ok).toBe(true);
  });
});

describe('alignLines: the values of a match', () => {
  it('keeps, by index of the written line (`...` counted), what each token of a matched line had', () => {
    const result = alignLines(['id [SHORT_ID]', '...', 'at [IPV4:a] [..]', 'done'], ['id 075a4feb8551', 'x', 'at 10.0.0.1 now', 'done'], exact, none);
    expect(result.ok).toBe(true);
    expect([...result.values]).toEqual([[0, ['075a4feb8551']], [2, ['10.0.0.1']]]);
  });

  it('unordered: each written line keeps its own index, whichever actual line it took', () => {
    const result = alignLines(['B=[N]', '...', 'A=[N]'], ['A=1', 'C=x', 'B=2'], { unordered: true, subset: false }, none);
    expect(result.ok).toBe(true);
    expect([...result.values]).toEqual([[0, ['2']], [2, ['1']]]);
  });
});
