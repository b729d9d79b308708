import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVersions, parseRecord, type EngineRun } from '../../../scripts/verify/record.ts';
import { readRecord, writeRun } from '../../../scripts/verify/store.ts';

const run = (engine: string): EngineRun => ({
  engine,
  client: '28.2.2',
  date: '2026-11-26T09:00:00Z',
  commit: 'abc1234',
  images: [],
  pages: { step1: { hash: 'sha256:x', ok: true, failures: [] } },
});

describe('record store', () => {
  it('keeps other engines when one engine runs again', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'record-')), 'verification', 'record.json');
    writeRun(file, run('20.10.24'));
    writeRun(file, run('28.5.2'));
    writeRun(file, { ...run('20.10.24'), commit: 'def5678' });
    const record = readRecord(file);
    expect(Object.keys(record.engines).sort()).toEqual(['20.10.24', '28.5.2']);
    expect(record.engines['20.10.24']?.commit).toBe('def5678');
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);
  });

  it('names the file and what to do when it is not a record', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'record-')), 'record.json');
    writeFileSync(file, '{"version": 2}');
    expect(() => readRecord(file)).toThrow(`${file}: not a verification record (version 1 with "engines"); run \`npm run doctest\` to rewrite it`);
    expect(() => parseRecord('{', 'x.json')).toThrow('x.json: not valid JSON');
  });
});

describe('compareVersions', () => {
  it('orders engine versions numerically', () => {
    expect(['28.5.2', '20.10.24', '26.1.5', '9.0.0'].sort(compareVersions)).toEqual(['9.0.0', '20.10.24', '26.1.5', '28.5.2']);
  });
});
