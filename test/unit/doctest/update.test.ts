import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareCase } from '../../../scripts/doctest/compare.ts';
import { rewriteBlocks, selectRewrites } from '../../../scripts/doctest/update.ts';
import { commandAt, commandEnd, readCapture, readPage } from './fixtures.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const text = readFileSync(path.join(root, 'content/step2.mdx'), 'utf8');
const page = readPage('step2');
const ctx = { engine: '20.10.24', contentDir: 'content', bindings: new Map<string, string>() };

/** The lines that differ between two texts of the same length, as [line number, before, after]. */
function changedLines(before: string, after: string): [number, string, string][] {
  const [a, b] = [before.split('\n'), after.split('\n')];
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [[i + 1, line, b[i]!] as [number, string, string]]));
}

describe('update mode', () => {
  it('replaces only the literal lines that differ; tokens that still match stay', () => {
    const hosts = commandAt(page, 90);
    const { rewrite } = compareCase(hosts, commandEnd(hosts, readCapture('engine-28.5/hosts.txt')), ctx).result;
    const updated = rewriteBlocks('content/step2.mdx', text, [rewrite!]);
    expect(changedLines(text, updated)).toEqual([
      [119, 'fe00::0\tip6-localnet', 'fe00::\tip6-localnet'],
      [120, 'ff00::0\tip6-mcastprefix', 'ff00::\tip6-mcastprefix'],
    ]);
  });

  it('in an unordered subset block, keeps the written order and tokens and changes the one line', () => {
    const env = commandAt(page, 33);
    const output = readCapture('engine-20.10/env.txt').replace('HOME=/root', 'HOME=/');
    const { rewrite } = compareCase(env, commandEnd(env, output), ctx).result;
    expect(changedLines(text, rewriteBlocks('content/step2.mdx', text, [rewrite!]))).toEqual([[59, 'HOME=/root', 'HOME=/']]);
  });

  it('a block that gained lines grows, and the text after it moves down untouched', () => {
    const ping = commandAt(page, 137);
    const output = `${readCapture('engine-20.10/ping.txt')}extra line\n`;
    const { rewrite } = compareCase(ping, commandEnd(ping, output), { ...ctx, bindings: new Map([['redis', '172.17.0.2']]) }).result;
    const updated = rewriteBlocks('content/step2.mdx', text, [rewrite!]);
    expect(updated.replace('round-trip min/avg/max = [..] ms\nextra line\n', 'round-trip min/avg/max = [..] ms\n')).toBe(text);
  });

  it('refuses to write when the page no longer has a fence on that line', () => {
    expect(() => rewriteBlocks('content/step2.mdx', text, [{ at: { file: 'content/step2.mdx', line: 50 }, lines: [] }])).toThrow(
      'content/step2.mdx:50: expected an output block\'s opening fence, found "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"; the page changed during the run',
    );
  });

  it('updates only the pages named on the command line', () => {
    const hosts = commandAt(page, 90);
    const { result } = compareCase(hosts, commandEnd(hosts, readCapture('engine-28.5/hosts.txt')), ctx);
    expect(selectRewrites([result], [path.join(root, 'content/step3.mdx')], root)).toEqual([]);
    expect(selectRewrites([result], [path.join(root, 'content/step2.mdx')], root)).toEqual([result.rewrite]);
    expect(selectRewrites([result], [], root)).toEqual([result.rewrite]);
  });
});
