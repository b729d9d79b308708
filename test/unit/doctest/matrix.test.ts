import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../scripts/doctest/args.ts';
import { childArgs, combineExitCodes, formatOutcome, junitFor } from '../../../scripts/doctest/matrix.ts';

describe('matrix options', () => {
  it('--matrix is every engine the engine layer knows, in order; the default run has none', () => {
    expect(parseArgs(['--matrix']).matrix).toEqual(['20.10', '26.1', '28.5']);
    expect(parseArgs([]).matrix).toBeUndefined();
  });

  it('--engines names some of them; an unknown one is named with the known ones', () => {
    expect(parseArgs(['--engines', '28.5']).matrix).toEqual(['28.5']);
    expect(parseArgs(['--engines', '20.10,28.5']).matrix).toEqual(['20.10', '28.5']);
    expect(() => parseArgs(['--engines', '27.0'])).toThrow(/^--engines: no engine 27\.0; known: 20\.10, 26\.1, 28\.5\nusage:/);
  });

  it('update mode rewrites from one engine only', () => {
    expect(() => parseArgs(['--matrix', '--update'])).toThrow(/^--update rewrites pages from one engine's output/);
  });
});

describe('each engine\'s run', () => {
  it('gets the same content folder, its own JUnit file and the events file', () => {
    const options = parseArgs(['--matrix', '--content', '/tmp/x/content']);
    expect(childArgs(options, '26.1', '/tmp/e.jsonl')).toEqual([
      '--content', '/tmp/x/content', '--junit', 'reports/doctest-junit.26.1.xml', '--events', '/tmp/e.jsonl',
    ]);
    expect(junitFor('junit', '28.5')).toBe('junit.28.5.xml');
  });

  it('the matrix exits with the worst of its runs', () => {
    expect(combineExitCodes([0, 0, 0])).toBe(0);
    expect(combineExitCodes([0, 1, 0])).toBe(1);
    expect(combineExitCodes([1, 2, 0])).toBe(2);
    expect(combineExitCodes([130, 2])).toBe(130);
    expect(combineExitCodes([])).toBe(0);
  });

  it('says per engine what happened and how long it took', () => {
    const ok = formatOutcome({ version: '26.1', engine: '26.1.5+dfsg1', exitCode: 0, passed: 14, failed: 0, runMs: 31_240, totalMs: 52_910 });
    expect(ok).toBe('  Docker 26.1.5+dfsg1    14 passed, 0 failed      run  31.2s  wall  52.9s (engine start, images, run, stop)');
    const broken = formatOutcome({ version: '28.5', exitCode: 2, passed: 0, failed: 0, runMs: 0, totalMs: 1_000, error: 'no dockerd' });
    expect(broken).toContain('Docker 28.5            did not run: no dockerd');
  });
});
