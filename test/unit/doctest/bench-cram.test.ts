import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderCram, renderCramLine } from '../../../scripts/doctest/bench-cram.ts';
import { readPage } from './fixtures.ts';

// Python's re, as cram applies a `(re)` line to one output line (as cram shows it): for each
// [cram line, output line], whether it matches, all in one python3 process
function pythonMatches(pairs: [string, string][]): boolean[] {
  const program = 'import re,sys,json; print(json.dumps([bool(re.match(p[:-5] + "$", o)) for p, o in json.load(sys.stdin)]))';
  const result = spawnSync('python3', ['-c', program], { input: JSON.stringify(pairs), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3: ${result.stderr}`);
  return JSON.parse(result.stdout) as boolean[];
}

describe('the lesson as a cram test', () => {
  it('writes a line with tokens as a pattern that matches what Docker prints, trailing spaces allowed', () => {
    const line = renderCramLine('PING redis ([IPV4:redis]): 56 data bytes');
    expect(line.endsWith(' (re)')).toBe(true);
    expect(
      pythonMatches([
        [line, 'PING redis (172.17.0.2): 56 data bytes'],
        [line, 'PING redis (172.17.0.2): 56 data bytes  '],
        [line, 'PING redis (not-an-ip): 56 data bytes'],
        [renderCramLine('IP count:'), 'IP count: '],
        [renderCramLine('a.b (re)'), 'a.b (re)'],
        [renderCramLine('a.b (re)'), 'axb (re)'],
      ]),
    ).toEqual([true, true, false, true, true, false]);
  });

  it('compares a line holding a tab in the escaped form cram shows it in', () => {
    const line = renderCramLine('[IPV4:redis]\tredis [SHORT_ID] redis-server');
    expect(
      pythonMatches([
        [line, '172.17.0.2\\tredis 189bcadb05f0 redis-server (esc)'],
        [line, '172.17.0.2 redis 189bcadb05f0 redis-server'],
      ]),
    ).toEqual([true, false]);
  });

  it('runs every command of the lesson in page order, checking the outputs cram can express', () => {
    const test = renderCram(['index', 'step1', 'step2', 'step3', 'step4'].map(readPage), '20.10.24');
    const commands = test.text.split('\n').filter((l) => l.startsWith('  $ '));
    expect(commands[0]).toBe('  $ curl() { command curl --silent "$@"; }');
    expect(commands[1]).toBe('  $ docker run -d --name redis-server redis 2>&1');
    expect(commands.at(-1)).toBe('  $ docker rm -f -v redis-server 2>&1');
    expect(test.unchecked).toEqual([
      'content/step2.mdx:33 (an unordered block)',
      'content/step4.mdx:15 (a terminal session)',
      'content/step4.mdx:77 (a block with `...`)',
    ]);
    expect(test.checked).toBe(17); // the lesson's 8, and its 9 errors provoked on purpose
    expect(test.text).toContain('  $ docker run --pull never katacoda/redis-node-docker-exampel 2>&1\n');
    expect(test.text).toContain('  [125]\n');
    expect(test.text).toContain('  [0-9a-f]{64}'.replace('[', '(?:[').replace('}', '})') + ' * (re)');
  });
});
