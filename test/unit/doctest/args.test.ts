import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../scripts/doctest/args.ts';

describe('parseArgs', () => {
  it('checks by default', () => {
    expect(parseArgs([])).toEqual({ mode: { kind: 'check' }, content: 'content', junit: 'reports/doctest-junit.xml' });
  });
  it('--update takes the pages that follow it, up to the next option', () => {
    expect(parseArgs(['--update', 'content/step2.mdx', 'content/step3.mdx', '--content', 'x']).mode).toEqual({
      kind: 'update',
      files: ['content/step2.mdx', 'content/step3.mdx'],
    });
    expect(parseArgs(['--update']).mode).toEqual({ kind: 'update', files: [] });
  });
  it('names what is wrong first, then the usage', () => {
    expect(() => parseArgs(['--content'])).toThrow(/^--content needs a value\nusage: npm run doctest/);
    expect(() => parseArgs(['--fast'])).toThrow(/^unknown argument "--fast"\nusage:/);
  });
});
