import { describe, expect, it } from 'vitest';
import { createExampleLookup, findExample } from '../../../../site/lib/blocks/examples.ts';
import { hashWritten } from '../../../../scripts/verify/examples.ts';
import { parseRecord, type EngineRun, type VerificationRecord } from '../../../../scripts/verify/record.ts';

const at = { file: 'content/step2.mdx', line: 116 };
const body = '[IPV4:redis]\tredis [SHORT_ID] redis-server\n';
const run = (engine: string, address?: string): EngineRun => ({
  engine,
  proof: 'live',
  client: '28.2.2',
  date: '2026-12-03T09:00:00Z',
  commit: 'abc1234',
  images: [],
  pages: {
    step2: {
      hash: 'sha256:p',
      ok: true,
      failures: [],
      ...(address && { examples: { 'content/step2.mdx:116': { written: hashWritten(body), lines: { '1': [address, '075a4feb8551'] } } } }),
    },
  },
});
const record = (...runs: EngineRun[]): VerificationRecord => ({ version: 2, engines: Object.fromEntries(runs.map((r) => [r.engine, r])) });

describe('findExample', () => {
  it('the newest engine whose run matched the block as written now', () => {
    const found = findExample(record(run('20.10.24', '172.17.0.2'), run('26.1.5', '172.18.0.2'), run('28.5.2')), at, body);
    expect(found).toEqual({ engine: '26.1.5', values: new Map([[0, ['172.18.0.2', '075a4feb8551']]]) });
  });

  it('none for an edited block, a block elsewhere, or a record without values', () => {
    const both = record(run('20.10.24', '172.17.0.2'));
    expect(findExample(both, at, body.replace('redis-server', 'redis-db'))).toBeUndefined();
    expect(findExample(both, { ...at, line: 117 }, body)).toBeUndefined();
    const old = parseRecord(JSON.stringify({ version: 1, engines: { '20.10.24': { ...run('20.10.24'), proof: undefined } } }), 'old.json');
    expect(findExample(old, at, body)).toBeUndefined();
  });
});

describe('createExampleLookup', () => {
  it('reads the record once, on first use', () => {
    let reads = 0;
    const lookup = createExampleLookup(() => (reads++, record(run('29.7.2', '172.30.23.2'))));
    expect(reads).toBe(0);
    expect(lookup(at, body)?.engine).toBe('29.7.2');
    expect(lookup(at, 'x')).toBeUndefined();
    expect(reads).toBe(1);
  });
});
