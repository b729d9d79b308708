import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../scripts/doctest/args.ts';
import { childArgs, combineExitCodes, formatOutcome, junitFor } from '../../../scripts/doctest/matrix.ts';

describe('matrix options', () => {
  it('--matrix is every engine the engine layer knows, in order; the default run has none', () => {
    expect(parseArgs(['--matrix']).matrix?.map((spec) => spec.version)).toEqual(['20.10', '26.1', '28.5']);
    expect(parseArgs(['--matrix']).matrix?.map((spec) => spec.source)).toEqual(['bookworm', 'trixie', 'forky'].map((suite) => ({ kind: 'debian', suite })));
    expect(parseArgs([]).matrix).toBeUndefined();
  });

  it('--engines names some of them; an unknown one is named with the known ones', () => {
    const versions = (argv: string[]) => parseArgs(argv).matrix?.map((spec) => spec.version);
    expect(versions(['--engines', '28.5'])).toEqual(['28.5']);
    expect(versions(['--engines', '20.10,28.5'])).toEqual(['20.10', '28.5']);
    expect(() => parseArgs(['--engines', '27.0'])).toThrow(/^--engines: no engine 27\.0; known: 20\.10, 26\.1, 28\.5\nusage:/);
  });

  it('--engine <v>=<path> alone runs only the engines given, in order, from their paths', () => {
    const options = parseArgs(['--engine', '29.7=./docker-29.7.2.tgz', '--content', 'c', '--engine', '28.5=/opt/static']);
    expect(options.matrix).toEqual([
      { version: '29.7', source: { kind: 'static', path: path.resolve('docker-29.7.2.tgz') } },
      { version: '28.5', source: { kind: 'static', path: '/opt/static' } },
    ]);
    expect(options.content).toBe('c');
  });

  it('with --matrix (before or after it) a given version replaces where that version comes from; another is added', () => {
    const folder = { version: '28.5', source: { kind: 'static', path: '/f' } };
    for (const argv of [['--matrix', '--engine', '28.5=/f'], ['--engine', '28.5=/f', '--matrix']]) {
      expect(parseArgs(argv).matrix).toEqual([
        { version: '20.10', source: { kind: 'debian', suite: 'bookworm' } },
        { version: '26.1', source: { kind: 'debian', suite: 'trixie' } },
        folder,
      ]);
    }
    expect(parseArgs(['--matrix', '--engine', '29.7=/d.tgz']).matrix?.map((s) => s.version)).toEqual(['20.10', '26.1', '28.5', '29.7']);
    expect(parseArgs(['--engines', '20.10,28.5', '--engine', '28.5=/f']).matrix).toEqual([{ version: '20.10', source: { kind: 'debian', suite: 'bookworm' } }, folder]);
  });

  it('a bad --engine value is named, with what to write, then the usage', () => {
    expect(() => parseArgs(['--engine', '29.7.2=./d.tgz'])).toThrow(/^--engine 29\.7\.2=\.\/d\.tgz: "29\.7\.2" is not a major\.minor version such as 29\.7\. Write --engine 29\.7=\.\/docker-29\.7\.2\.tgz.*\nusage: npm run doctest/);
    expect(() => parseArgs(['--engine', './docker-29.7.2.tgz'])).toThrow(/^--engine \.\/docker-29\.7\.2\.tgz: no "="/);
    expect(() => parseArgs(['--engine'])).toThrow(/^--engine needs a value\nusage: npm run doctest[^]*--engine <v>=<path>/);
    expect(() => parseArgs(['--engine', '29.7=/a', '--engine', '29.7=/b'])).toThrow(/^--engine 29\.7 is given twice \(\/a and \/b\).*\nusage:/);
    expect(() => parseArgs(['--engine', '29.7=/a', '--update'])).toThrow(/^--update rewrites pages from one engine's output/);
  });

  it('update mode rewrites from one engine only', () => {
    expect(() => parseArgs(['--matrix', '--update'])).toThrow(/^--update rewrites pages from one engine's output/);
  });
});

describe('each engine\'s run', () => {
  it('gets the same content folder and its own JUnit file; its summary comes back on the IPC channel, not a file', () => {
    const options = parseArgs(['--matrix', '--content', '/tmp/x/content']);
    expect(childArgs(options, '26.1')).toEqual(['--content', '/tmp/x/content', '--junit', 'reports/doctest-junit.26.1.xml']);
    expect(childArgs(parseArgs(['--matrix', '--events', '/tmp/e.jsonl']), '26.1')).toEqual([
      '--content', 'content', '--junit', 'reports/doctest-junit.26.1.xml', '--events', '/tmp/e.jsonl',
    ]);
    expect(junitFor('junit', '28.5')).toBe('junit.28.5.xml');
  });

  it('gets the page files and --grep too', () => {
    const options = parseArgs(['content/step2.mdx', '--grep', 'hosts', '--matrix']);
    expect(childArgs(options, '26.1')).toEqual(['--content', 'content', 'content/step2.mdx', '--grep', 'hosts', '--junit', 'reports/doctest-junit.26.1.xml']);
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
