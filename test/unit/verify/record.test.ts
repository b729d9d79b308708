import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeFiles, parseMergeArgs } from '../../../scripts/verify/merge.ts';
import { compareVersions, emptyRecord, mergeRecords, mergeRun, parseRecord, type EngineRun } from '../../../scripts/verify/record.ts';
import { readRecord, writeRun } from '../../../scripts/verify/store.ts';

const run = (engine: string, date = '2026-11-26T09:00:00Z'): EngineRun => ({
  engine,
  proof: 'live',
  client: '28.2.2',
  date,
  commit: 'abc1234',
  images: [],
  pages: { step1: { hash: 'sha256:x', ok: true, failures: [] } },
});
const captured = (engine: string, date: string): EngineRun => ({
  ...run(engine, date),
  proof: 'captures',
  captures: 'test/fixtures/engine-29.7',
  client: 'unknown',
  pages: { step4: { hash: 'sha256:y', ok: false, failures: [], cases: 3, uncovered: ['content/step4.mdx:58', 'content/step4.mdx:59'] } },
});
const scratch = () => mkdtempSync(join(tmpdir(), 'record-'));

describe('record store', () => {
  it('keeps other engines when one engine runs again', () => {
    const file = join(scratch(), 'verification', 'record.json');
    writeRun(file, run('20.10.24'));
    writeRun(file, run('28.5.2'));
    writeRun(file, { ...run('20.10.24'), commit: 'def5678' });
    const record = readRecord(file);
    expect(Object.keys(record.engines).sort()).toEqual(['20.10.24', '28.5.2']);
    expect(record.engines['20.10.24']?.commit).toBe('def5678');
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(2);
  });

  it('names the file and what to do when it is not a record', () => {
    const file = join(scratch(), 'record.json');
    writeFileSync(file, '{"version": 3, "engines": {}}');
    expect(() => readRecord(file)).toThrow(`${file}: a verification record of version 3; this project reads versions 1 and 2 (run \`npm run doctest\` to rewrite it)`);
    expect(() => parseRecord('{"version": 2}', 'x.json')).toThrow('x.json: not a verification record (an object with "version" and "engines")');
    expect(() => parseRecord('{', 'x.json')).toThrow('x.json: not valid JSON');
  });

  it('a captures entry keeps its proof, folder and uncovered cases through a write and a read', () => {
    const file = join(scratch(), 'record.json');
    writeRun(file, captured('29.7.2', '2026-12-03T10:00:00Z'));
    expect(readRecord(file).engines['29.7.2']).toEqual(captured('29.7.2', '2026-12-03T10:00:00Z'));
  });
});

describe('parseRecord', () => {
  const v1 = { version: 1, engines: { '20.10.24': { engine: '20.10.24', client: '28.2.2', date: '2026-11-26T09:00:00Z', commit: 'abc1234', images: [], pages: {} } } };

  it('reads a version 1 record (no proof) as live runs, in the current version', () => {
    const record = parseRecord(JSON.stringify(v1), 'old.json');
    expect(record.version).toBe(2);
    expect(record.engines['20.10.24']).toEqual({ ...v1.engines['20.10.24'], proof: 'live' });
    expect(Object.keys(record.engines['20.10.24']!)[1]).toBe('proof'); // written right after the engine
  });

  it('names the entry and the field that is wrong', () => {
    const entry = (fields: object) => JSON.stringify({ version: 2, engines: { '29.7.2': { ...v1.engines['20.10.24'], engine: '29.7.2', ...fields } } });
    expect(() => parseRecord(entry({}), 'r.json')).toThrow('r.json: engines["29.7.2"]: "proof" must be "live" or "captures", not undefined');
    expect(() => parseRecord(entry({ proof: 'replay' }), 'r.json')).toThrow('"proof" must be "live" or "captures", not "replay"');
    expect(() => parseRecord(entry({ proof: 'captures' }), 'r.json')).toThrow('r.json: engines["29.7.2"]: "captures" must name the folder');
    expect(() => parseRecord(entry({ proof: 'live', date: 'yesterday' }), 'r.json')).toThrow('"date" must be an ISO 8601 date, not "yesterday"');
    expect(() => parseRecord(entry({ proof: 'live', pages: { step1: { ok: true } } }), 'r.json')).toThrow('r.json: engines["29.7.2"]: "pages.step1" must have');
  });

  it('a page kept from an earlier run keeps its own date; one that is no date is named', () => {
    const kept = { hash: 'sha256:1', ok: true, failures: [], date: '2026-11-20T09:00:00Z' };
    const entry = (page: object) => JSON.stringify({ version: 2, engines: { '20.10.24': { ...v1.engines['20.10.24'], proof: 'live', pages: { step1: page } } } });
    expect(parseRecord(entry(kept), 'r.json').engines['20.10.24']?.pages.step1).toEqual(kept);
    expect(() => parseRecord(entry({ ...kept, date: 'last week' }), 'r.json')).toThrow('r.json: engines["20.10.24"]: "pages.step1" must have');
  });
});

describe('mergeRecords', () => {
  it('every engine of every record; for the same engine the later run by date, whatever the order given', () => {
    const a = [run('20.10.24', '2026-12-03T09:00:00Z'), run('28.5.2', '2026-12-03T11:00:00Z')].reduce(mergeRun, emptyRecord());
    const b = [run('28.5.2', '2026-12-03T10:00:00Z'), captured('29.7.2', '2026-12-03T12:00:00Z')].reduce(mergeRun, emptyRecord());
    const c = mergeRun(emptyRecord(), { ...run('20.10.24', '2026-12-03T09:30:00Z'), commit: 'later' });
    for (const order of [[a, b, c], [c, b, a], [b, a, c]]) {
      const merged = mergeRecords(order);
      expect(Object.keys(merged.engines)).toEqual(['20.10.24', '28.5.2', '29.7.2']);
      expect(merged.engines['20.10.24']?.commit).toBe('later');
      expect(merged.engines['28.5.2']?.date).toBe('2026-12-03T11:00:00Z');
      expect(merged.engines['29.7.2']?.proof).toBe('captures');
    }
  });

  it('on the same date the record given later wins; no record gives an empty one', () => {
    const first = mergeRun(emptyRecord(), { ...run('28.5.2'), commit: 'first' });
    const second = mergeRun(emptyRecord(), { ...run('28.5.2'), commit: 'second' });
    expect(mergeRecords([first, second]).engines['28.5.2']?.commit).toBe('second');
    expect(mergeRecords([])).toEqual(emptyRecord());
  });
});

describe('scripts/verify/merge.ts', () => {
  it('merges record files into --out, one line per engine with where it came from', () => {
    const dir = scratch();
    const [a, b, out] = ['a.json', 'b.json', 'merged/record.json'].map((name) => join(dir, name)) as [string, string, string];
    writeRun(a, run('20.10.24', '2026-12-03T09:00:00Z'));
    writeRun(b, captured('29.7.2', '2026-12-03T12:00:00Z'));
    writeFileSync(a.replace('a.json', 'old.json'), JSON.stringify({ version: 1, engines: { '28.5.2': { ...run('28.5.2'), proof: undefined } } }));
    const lines = mergeFiles(parseMergeArgs([a, b, join(dir, 'old.json'), '--out', out]));
    expect(lines).toEqual([
      `  Docker 20.10.24 (live, 2026-12-03T09:00:00Z) from ${a}`,
      `  Docker 28.5.2 (live, 2026-11-26T09:00:00Z) from ${join(dir, 'old.json')}`,
      `  Docker 29.7.2 (captures, 2026-12-03T12:00:00Z) from ${b}`,
      `merge: 3 engine(s) from 3 record(s) -> ${out}`,
    ]);
    expect(Object.keys(readRecord(out).engines)).toEqual(['20.10.24', '28.5.2', '29.7.2']);
  });

  it('names the bad file, and says what the command line lacks', () => {
    const dir = scratch();
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    writeRun(good, run('20.10.24'));
    writeFileSync(bad, '{"engines": []}');
    expect(() => mergeFiles({ inputs: [good, bad], out: join(dir, 'out.json') })).toThrow(`${bad}: not a verification record`);
    expect(() => mergeFiles({ inputs: [good, join(dir, 'none.json')], out: join(dir, 'out.json') })).toThrow(`${join(dir, 'none.json')}: no such file`);
    expect(() => parseMergeArgs(['a.json'])).toThrow(/^--out <file> is missing\nusage: node scripts\/verify\/merge.ts/);
    expect(() => parseMergeArgs(['--out', 'x.json'])).toThrow(/^no record to merge\n/);
    expect(() => parseMergeArgs(['a.json', '--out'])).toThrow(/^--out needs a file\n/);
  });
});

describe('example values in a record', () => {
  const withExamples = (engine: string, date: string): EngineRun => ({
    ...run(engine, date),
    pages: { step2: { hash: 'sha256:x', ok: true, failures: [], examples: { 'content/step2.mdx:93': { written: 'sha256:w', lines: { '8': ['172.17.0.2'] } } } } },
  });

  it('are kept through a write and a read; an entry without them reads as before', () => {
    const file = join(scratch(), 'record.json');
    writeRun(file, withExamples('29.7.2', '2026-12-03T12:00:00Z'));
    writeRun(file, run('20.10.24'));
    const read = readRecord(file);
    expect(read.version).toBe(2);
    expect(read.engines['29.7.2']?.pages.step2?.examples).toEqual({ 'content/step2.mdx:93': { written: 'sha256:w', lines: { '8': ['172.17.0.2'] } } });
    expect(read.engines['20.10.24']?.pages.step1).toEqual({ hash: 'sha256:x', ok: true, failures: [] });
  });

  it('merge.ts takes an old record without them beside a new one with them', () => {
    const dir = scratch();
    const [old, fresh, out] = ['old.json', 'new.json', 'out.json'].map((name) => join(dir, name)) as [string, string, string];
    writeFileSync(old, JSON.stringify({ version: 1, engines: { '28.5.2': { ...run('28.5.2'), proof: undefined } } }));
    writeRun(fresh, withExamples('29.7.2', '2026-12-03T12:00:00Z'));
    mergeFiles({ inputs: [old, fresh], out });
    const merged = readRecord(out);
    expect(merged.engines['28.5.2']?.pages.step1?.examples).toBeUndefined();
    expect(merged.engines['29.7.2']?.pages.step2?.examples?.['content/step2.mdx:93']?.lines).toEqual({ '8': ['172.17.0.2'] });
  });

  it('names the page whose examples are not of that shape', () => {
    const entry = { ...withExamples('29.7.2', '2026-12-03T12:00:00Z'), pages: { step2: { hash: 'sha256:x', ok: true, failures: [], examples: { 'content/step2.mdx:93': { lines: [] } } } } };
    expect(() => parseRecord(JSON.stringify({ version: 2, engines: { '29.7.2': entry } }), 'r.json')).toThrow(
      'r.json: engines["29.7.2"]: "pages.step2.examples" must map each block',
    );
  });
});

describe('compareVersions', () => {
  it('orders engine versions numerically', () => {
    expect(['28.5.2', '20.10.24', '26.1.5', '9.0.0'].sort(compareVersions)).toEqual(['9.0.0', '20.10.24', '26.1.5', '28.5.2']);
  });
});
