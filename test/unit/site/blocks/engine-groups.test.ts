import type { Element, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { findVariantRuns, readVariant } from '../../../../site/lib/blocks/engine-groups.ts';
import { h } from '../../../../site/lib/blocks/hast.ts';

/** A figure as render-output.ts marks it: `output`/`session`, its range, its command under a multi-command block. */
function figure(kind: 'output' | 'session', docker?: string, owner?: string): Element {
  return h('figure', {
    className: ['block', `block-${kind}`],
    ...(docker !== undefined && { dataDocker: docker }),
    ...(owner !== undefined && { dataOwner: owner }),
  });
}
const nl: RootContent = { type: 'text', value: '\n' };
const command = h('figure', { className: ['block', 'block-command'] });
const prose = h('p', {}, 'Some prose.');

/** The runs as [start, end, ranges] for short expectations. */
function runs(siblings: RootContent[]): [number, number, string[]][] {
  return findVariantRuns(siblings).map((run) => [run.start, run.end, run.figures.map((f) => readVariant(f)?.range ?? '?')]);
}

describe('readVariant', () => {
  it('reads a ranged output or session figure, with its command when it has one', () => {
    expect(readVariant(figure('output', '>=29'))).toEqual({ key: 'output', range: '>=29' });
    expect(readVariant(figure('output', '<29', '2/2'))).toEqual({ key: 'output 2/2', range: '<29' });
    expect(readVariant(figure('session', '<29'))).toEqual({ key: 'session', range: '<29' });
  });

  it('ignores unranged blocks, command blocks and anything else', () => {
    for (const node of [figure('output'), command, prose, nl, h('div', { dataDocker: '>=29' })]) expect(readVariant(node)).toBeUndefined();
  });
});

describe('findVariantRuns', () => {
  it('groups one command’s adjacent ranged outputs, whitespace between them included', () => {
    const page = [command, nl, figure('output', '>=29.6 <30'), nl, figure('output', '>=29 <29.6'), nl, figure('output', '<29'), nl, prose];
    expect(runs(page)).toEqual([[2, 6, ['>=29.6 <30', '>=29 <29.6', '<29']]]);
  });

  it('groups ranged sessions the same way', () => {
    expect(runs([command, figure('session', '>=29'), figure('session', '<29')])).toEqual([[1, 2, ['>=29', '<29']]]);
  });

  it('leaves a lone ranged block alone', () => {
    expect(runs([command, nl, figure('output', '>=28'), nl, prose, figure('output', '<28')])).toEqual([]);
  });

  it('ends a run at prose, at a command block, and at an unranged block', () => {
    const a = figure('output', '>=29');
    const b = figure('output', '<29');
    expect(runs([a, prose, b])).toEqual([]);
    expect(runs([a, command, b])).toEqual([]);
    expect(runs([a, figure('output'), b])).toEqual([]);
    expect(runs([a, { type: 'text', value: ' or ' }, b])).toEqual([]);
  });

  it('never mixes outputs with sessions, or one command’s outputs with the next one’s', () => {
    expect(runs([figure('output', '>=29'), figure('session', '<29')])).toEqual([]);
    const page = [figure('output', '>=29', '1/2'), figure('output', '<29', '1/2'), figure('output', '>=29', '2/2'), figure('output', '<29', '2/2')];
    expect(runs(page)).toEqual([
      [0, 1, ['>=29', '<29']],
      [2, 3, ['>=29', '<29']],
    ]);
  });

  it('starts a new run at a range the run already holds (the next command’s blocks)', () => {
    const page = [figure('session', '>=29'), figure('session', '<29'), figure('session', '>=29'), figure('session', '<29'), figure('session', '<28')];
    expect(runs(page)).toEqual([
      [0, 1, ['>=29', '<29']],
      [2, 4, ['>=29', '<29', '<28']],
    ]);
  });
});
