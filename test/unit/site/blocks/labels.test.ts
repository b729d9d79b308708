import { describe, expect, it } from 'vitest';
import { describeDockerRange, describeSnippet } from '../../../../site/lib/blocks/labels.ts';

describe('describeDockerRange', () => {
  it.each([
    ['>=28', 'Docker 28 and later'],
    ['<28', 'Docker before 28'],
    ['>=28.5', 'Docker 28.5 and later'],
    ['<=27', 'Docker 27 and earlier'],
    ['>=26 <28', 'Docker 26 to before 28'],
    ['26.1.5', 'Docker 26.1.5'],
  ])('%s reads as "%s"', (range, label) => {
    expect(describeDockerRange(range)).toBe(label);
  });

  it('shows a range it cannot phrase as written', () => {
    expect(describeDockerRange('^28 || ~26')).toBe('Docker ^28 || ~26');
  });
});

describe('describeSnippet', () => {
  it('names the command that runs the snippet', () => {
    expect(describeSnippet('cleanup')).toBe('npx zx snippets/cleanup.mjs');
  });
});
