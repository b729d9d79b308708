import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../scripts/doctest/args.ts';

describe('parseArgs', () => {
  it('checks by default', () => {
    expect(parseArgs([])).toEqual({ mode: { kind: 'check' }, content: 'content', junit: 'reports/doctest-junit.xml', wait: true });
  });
  it('--no-wait and --cleanup', () => {
    expect(parseArgs(['--no-wait']).wait).toBe(false);
    expect(parseArgs(['--cleanup'])).toMatchObject({ cleanup: true, wait: true });
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
  it('page files are positional, before --update; --grep takes a value', () => {
    expect(parseArgs(['content/step2.mdx', 'content/step3.mdx', '--grep', '/hosts/'])).toMatchObject({
      pages: ['content/step2.mdx', 'content/step3.mdx'],
      grep: '/hosts/',
      mode: { kind: 'check' },
    });
    expect(parseArgs(['content/step2.mdx', '--update'])).toMatchObject({ pages: ['content/step2.mdx'], mode: { kind: 'update', files: [] } });
    expect(parseArgs([]).pages).toBeUndefined();
    expect(() => parseArgs(['--grep'])).toThrow(/^--grep needs a value\nusage:/);
  });
  it('--captures takes no page files and no --grep', () => {
    expect(() => parseArgs(['--captures', 'test/fixtures/engine-29.7', 'content/step2.mdx'])).toThrow(/^--captures compares every page with its captured output; it takes no page files or --grep\n/);
    expect(() => parseArgs(['--captures', 'x', '--grep', 'hosts'])).toThrow(/takes no page files or --grep/);
  });
});
