import { describe, expect, it } from 'vitest';
import { buildEngineRun, engineVersion, keepEarlierPages, type EngineFacts } from '../../../scripts/verify/entry.ts';
import type { EngineRun } from '../../../scripts/verify/record.ts';

const facts: EngineFacts = {
  server: '20.10.24+dfsg1',
  client: '28.2.2',
  images: [{ name: 'redis:latest', id: 'sha256:aa', standIn: true }],
  commit: '9d33a7f',
};
const pages = [
  { id: 'index', file: 'content/index.mdx', hash: 'sha256:i' },
  { id: 'step1', file: 'content/step1.mdx', hash: 'sha256:1' },
  { id: 'step2', file: 'content/step2.mdx', hash: 'sha256:2' },
];

describe('engineVersion', () => {
  it.each([
    ['20.10.24+dfsg1', '20.10.24'],
    ['26.1.5+dfsg1', '26.1.5'],
    ['28.5.2', '28.5.2'],
    ['v27.0.1-rc.1', '27.0.1'],
  ])('%s -> %s', (server, version) => expect(engineVersion(server)).toBe(version));
});

describe('buildEngineRun', () => {
  const date = new Date('2026-11-26T10:00:00Z');

  it('one entry per page with cases: its hash, ok only when every case passed, and the failing cases', () => {
    const run = buildEngineRun(
      facts,
      pages,
      [
        { name: 'content/step1.mdx:15', file: 'content/step1.mdx', ok: true },
        { name: 'content/step2.mdx:19', file: 'content/step2.mdx', ok: true },
        { name: 'content/step2.mdx:92', file: 'content/step2.mdx', ok: false },
      ],
      date,
    );
    expect(run).toEqual({
      engine: '20.10.24',
      proof: 'live',
      client: '28.2.2',
      date: '2026-11-26T10:00:00.000Z',
      commit: '9d33a7f',
      images: facts.images,
      pages: {
        step1: { hash: 'sha256:1', ok: true, failures: [] },
        step2: { hash: 'sha256:2', ok: false, failures: ['content/step2.mdx:92'] },
      },
    });
  });

  it('a page without cases (the index) is not in the entry, so it can never be claimed verified', () => {
    const run = buildEngineRun(facts, pages, [], date);
    expect(run.pages).toEqual({});
  });

  it('from captures: a page is ok only when every case had a capture and passed; a page with none is not in the entry', () => {
    const step3 = { id: 'step3', file: 'content/step3.mdx', hash: 'sha256:3' };
    const run = buildEngineRun(
      { server: '29.7.2', client: 'unknown', images: [], commit: '9d33a7f' },
      [...pages, step3],
      [
        { name: 'content/step1.mdx:15', file: 'content/step1.mdx', ok: true },
        { name: 'content/step2.mdx:35', file: 'content/step2.mdx', ok: true },
        { name: 'content/step2.mdx:92', file: 'content/step2.mdx', ok: false },
      ],
      date,
      {
        kind: 'captures',
        dir: 'test/fixtures/engine-29.7',
        uncovered: [
          { name: 'content/step2.mdx:140', file: 'content/step2.mdx' },
          { name: 'content/step3.mdx:16', file: 'content/step3.mdx' },
        ],
      },
    );
    expect(run).toMatchObject({ engine: '29.7.2', proof: 'captures', captures: 'test/fixtures/engine-29.7', client: 'unknown' });
    expect(run.pages).toEqual({
      step1: { hash: 'sha256:1', ok: true, failures: [], cases: 1, uncovered: [] },
      step2: { hash: 'sha256:2', ok: false, failures: ['content/step2.mdx:92'], cases: 3, uncovered: ['content/step2.mdx:140'] },
    });
  });
});

describe('a run of some cases (pages named, --grep)', () => {
  const date = new Date('2026-11-28T10:00:00Z');
  const cases = [
    { name: 'content/step1.mdx:15', file: 'content/step1.mdx', ok: true }, // the only case of step1: selected
    { name: 'content/step2.mdx:90', file: 'content/step2.mdx', ok: true }, // one of step2's three: not run in full
  ];
  const earlier: EngineRun = {
    engine: '20.10.24',
    proof: 'live',
    client: '28.2.2',
    date: '2026-11-26T10:00:00.000Z',
    commit: 'aaaaaaa',
    images: [],
    pages: {
      step1: { hash: 'sha256:1-old', ok: false, failures: ['content/step1.mdx:15'] },
      step2: { hash: 'sha256:2', ok: true, failures: [] },
      step3: { hash: 'sha256:3', ok: true, failures: [], date: '2026-11-20T10:00:00.000Z' },
    },
  };
  const fresh = buildEngineRun(facts, pages, cases, date, { kind: 'live' }, { kind: 'some', files: ['content/step1.mdx'] });

  it('claims only the pages it ran every case of', () => {
    expect(fresh.pages).toEqual({ step1: { hash: 'sha256:1', ok: true, failures: [] } });
  });

  it('keeps the engine\'s earlier results for the other pages as they were, each with the date it was proven', () => {
    const { run, kept } = keepEarlierPages(fresh, earlier);
    expect(kept).toEqual(['step2', 'step3']);
    expect(run).toMatchObject({ date: '2026-11-28T10:00:00.000Z', commit: '9d33a7f' });
    expect(run.pages).toEqual({
      step1: { hash: 'sha256:1', ok: true, failures: [] },
      step2: { hash: 'sha256:2', ok: true, failures: [], date: '2026-11-26T10:00:00.000Z' },
      step3: { hash: 'sha256:3', ok: true, failures: [], date: '2026-11-20T10:00:00.000Z' },
    });
  });

  it('keeps nothing with no earlier entry, or one proven another way', () => {
    expect(keepEarlierPages(fresh, undefined)).toEqual({ run: fresh, kept: [] });
    expect(keepEarlierPages(fresh, { ...earlier, proof: 'captures', captures: 'test/fixtures/engine-20.10' })).toEqual({ run: fresh, kept: [] });
  });
});

describe('example values in the entry', () => {
  const date = new Date('2026-11-26T10:00:00Z');
  const example = (line: number, value: string) => ({ at: { file: 'content/step2.mdx', line }, written: `sha256:w${line}`, lines: { '8': [value] } });

  it('a page keeps, by block fence, the values of the cases that passed; a failed case and a page without any add none', () => {
    const run = buildEngineRun(
      facts,
      pages,
      [
        { name: 'content/step1.mdx:15', file: 'content/step1.mdx', ok: true },
        { name: 'content/step2.mdx:90', file: 'content/step2.mdx', ok: true, example: example(93, '172.17.0.2') },
        { name: 'content/step2.mdx:136', file: 'content/step2.mdx', ok: false, example: example(140, '172.17.0.9') },
      ],
      date,
    );
    expect(run.pages.step2?.examples).toEqual({ 'content/step2.mdx:93': { written: 'sha256:w93', lines: { '8': ['172.17.0.2'] } } });
    expect(run.pages.step1).toEqual({ hash: 'sha256:1', ok: true, failures: [] });
  });

  it('from captures too, beside the uncovered cases', () => {
    const proof = { kind: 'captures' as const, dir: 'test/fixtures/engine-29.7', uncovered: [] };
    const run = buildEngineRun(facts, pages, [{ name: 'content/step2.mdx:90', file: 'content/step2.mdx', ok: true, example: example(93, '172.30.23.2') }], date, proof);
    expect(run.pages.step2).toMatchObject({ ok: true, cases: 1, examples: { 'content/step2.mdx:93': { lines: { '8': ['172.30.23.2'] } } } });
  });
});
