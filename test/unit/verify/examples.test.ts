import { describe, expect, it } from 'vitest';
import { describeMatch, hashWritten, isBlockExamples, readExample } from '../../../scripts/verify/examples.ts';

const at = { file: 'content/step2.mdx', line: 93 };
const body = '127.0.0.1\tlocalhost\n[IPV4:redis]\tredis [SHORT_ID] redis-server\n';

describe('hashWritten', () => {
  it('is the written lines as the doc-tests compare them: line endings and trailing spaces do not count', () => {
    expect(hashWritten(body)).toBe(hashWritten(body.replace(/\n/g, '\r\n').replace('localhost', 'localhost  ')));
    expect(hashWritten(body)).not.toBe(hashWritten(body.replace('redis-server', 'redis-db')));
    expect(hashWritten(body)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('describeMatch and readExample', () => {
  const values = new Map([[1, ['172.17.0.2', '075a4feb8551']]]);
  const example = describeMatch(at, body, values)!;

  it('numbers the lines of the block from 1 and keys the values by the hash of its text', () => {
    expect(example).toEqual({ at, written: hashWritten(body), lines: { '2': ['172.17.0.2', '075a4feb8551'] } });
    expect(describeMatch(at, 'a\n', new Map())).toBeUndefined();
  });

  it('gives the values back for the same block, by 0-based line; none for an edited or moved block', () => {
    const examples = { 'content/step2.mdx:93': { written: example.written, lines: example.lines } };
    expect(readExample(examples, at, body)).toEqual(values);
    expect(readExample(examples, at, body.replace('localhost', 'localhost ip6-localhost'))).toBeUndefined();
    expect(readExample(examples, { ...at, line: 94 }, body)).toBeUndefined();
    expect(readExample(undefined, at, body)).toBeUndefined();
  });

  it('isBlockExamples: a fence name, a hash and values by positive line number only', () => {
    expect(isBlockExamples({ 'content/step2.mdx:93': { written: 'sha256:x', lines: { '2': ['a'] } } })).toBe(true);
    expect(isBlockExamples({})).toBe(true);
    expect(isBlockExamples({ 'content/step2.mdx': { written: 'sha256:x', lines: {} } })).toBe(false);
    expect(isBlockExamples({ 'content/step2.mdx:93': { written: 'sha256:x', lines: { '0': ['a'] } } })).toBe(false);
    expect(isBlockExamples({ 'content/step2.mdx:93': { written: 'sha256:x', lines: { '2': [1] } } })).toBe(false);
    expect(isBlockExamples([])).toBe(false);
  });
});
