import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../../scripts/page/parse.ts';
import { findOutputOwners, readAt, readOwner, writeAt, writeOwner } from '../../../../site/lib/blocks/output-owners.ts';
import { readBlockOptions } from '../../../../site/lib/blocks/options.ts';
import { describeOwner } from '../../../../site/lib/blocks/render-output.ts';

const PAGE = [
  '---',
  'title: T',
  'description: D.',
  'needs: []',
  '---',
  '```sh',
  'docker ps -q',
  '```',
  '```output',
  '[SHORT_ID]',
  '```',
  '```sh snippet="cleanup"',
  'docker rm -f a',
  'docker rm -f b',
  '```',
  '```output',
  'a',
  '```',
  '```output',
  'b',
  '```',
].join('\n');

describe('findOutputOwners', () => {
  it('numbers the outputs of a block of several commands, by the line of their fence', () => {
    const { page, errors } = parsePage('content/x.mdx', PAGE);
    expect(errors).toEqual([]);
    expect([...findOutputOwners(page)]).toEqual([
      [16, { index: 1, count: 2 }],
      [19, { index: 2, count: 2 }],
    ]);
  });
});

describe('writeOwner and readOwner', () => {
  it('carry the owner through the meta string and give the page options back untouched', () => {
    const meta = writeOwner('docker=">=28"', { index: 2, count: 3 });
    expect(readOwner(meta)).toEqual({ meta: 'docker=">=28"', owner: { index: 2, count: 3 } });
    expect(readOwner('unordered')).toEqual({ meta: 'unordered' });
  });

  it('end up as the label of the output block', () => {
    expect(describeOwner(readBlockOptions('output', writeOwner('', { index: 2, count: 2 })))).toBe('Output of command 2 of 2');
    expect(describeOwner(readBlockOptions('output', 'subset'))).toBe('Output');
  });
});

describe('writeAt and readAt', () => {
  it('carry a block\'s fence through its meta, before the owner, and leave the page\'s options as written', () => {
    const at = { file: 'content/step2.mdx', line: 93 };
    const meta = writeOwner(writeAt('docker="<29" unordered', at), { index: 1, count: 2 });
    expect(meta).toBe('docker="<29" unordered guide-at="content/step2.mdx:93" guide-owner="1/2"');
    expect(readBlockOptions('output', meta)).toMatchObject({ docker: '<29', unordered: true, owner: { index: 1, count: 2 }, at });
    expect(readAt('docker="<29"')).toEqual({ meta: 'docker="<29"' });
  });
});
