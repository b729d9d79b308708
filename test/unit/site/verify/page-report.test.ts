import { describe, expect, it } from 'vitest';
import { parsePage } from '../../../../scripts/page/parse.ts';
import { emptyRecord, hashPage, mergeRun, type EngineRun, type ImageFact, type PageResult } from '../../../../scripts/verify/record.ts';
import { describeImages, listCases, reportPage, shortId } from '../../../../site/lib/verify/page-report.ts';

const fence = '```';
const text = `---\ntitle: Link to it\ndescription: D\nstep: 2\nsnippet: step2\nneeds: []\n---\n\n${fence}sh\ndocker run --link redis-server:redis alpine env\n${fence}\n\n${fence}sh\ndocker run --link redis-server:redis alpine cat /etc/hosts\n${fence}\n\n${fence}sh snippet="cleanup"\ndocker rm -f redis-server\n${fence}\n`;
const page = parsePage('content/step2.mdx', text).page;
const standIns: ImageFact[] = [
  { name: 'redis', id: 'sha256:d8ab734152461f49114e', standIn: true },
  { name: 'alpine', id: 'sha256:012a344eee0c7c69c3e1', standIn: true },
];

function run(engine: string, result: Partial<PageResult> | undefined, extra: Partial<EngineRun> = {}): EngineRun {
  return {
    engine,
    proof: 'live',
    client: '28.2.2',
    date: '2026-12-03T14:58:35.492Z',
    commit: 'eff87d2ec44894d53f2b3d163cc348a0825588d5',
    images: standIns,
    pages: result ? { step2: { hash: hashPage(text), ok: true, failures: [], ...result } } : {},
    ...extra,
  };
}

const captures = { proof: 'captures' as const, captures: 'test/fixtures/engine-29.7', client: 'unknown', images: [] };

describe('listCases', () => {
  it("names each command a snippet runs by its file:line, the page's clean-up included", () => {
    expect(listCases(page)).toEqual([
      { name: 'content/step2.mdx:10', command: 'docker run --link redis-server:redis alpine env' },
      { name: 'content/step2.mdx:14', command: 'docker run --link redis-server:redis alpine cat /etc/hosts' },
      { name: 'content/step2.mdx:18', command: 'docker rm -f redis-server' },
    ]);
  });
});

describe('reportPage', () => {
  it('lists every engine of the record in version order, with how, when, which commit and images', () => {
    let record = mergeRun(emptyRecord(), run('28.5.2', {}));
    record = mergeRun(record, run('20.10.24', {}, { date: '2026-12-01T10:00:00Z', commit: 'unknown' }));
    record = mergeRun(record, run('29.7.2', undefined, captures));
    const report = reportPage(record, page, text, 'step2');
    expect(report.engines.map((e) => [e.engine, e.status, e.day, e.commit.slice(0, 7)])).toEqual([
      ['20.10.24', 'passed', '2026-12-01', 'unknown'],
      ['28.5.2', 'passed', '2026-12-03', 'eff87d2'],
      ['29.7.2', 'none', '2026-12-03', 'eff87d2'],
    ]);
    expect(report.engines[0]).toMatchObject({ how: 'Live on a running engine (client 28.2.2)', result: 'All 3 commands ran on it; each matched the page', images: standIns });
    expect(report.engines[2]?.result).toBe('Not run on this page: no capture covers its commands');
    expect(report).toMatchObject({ id: 'step2', title: 'Link to it', step: 2, slug: 'step2' });
    expect(report.badge.label).toBe('Verified');
  });

  it('from captures: which commands were checked and which had no capture, each with its command', () => {
    const record = mergeRun(emptyRecord(), run('29.7.2', { ok: false, cases: 3, uncovered: ['content/step2.mdx:18'] }, captures));
    const [engine] = reportPage(record, page, text, 'step2').engines;
    expect(engine).toMatchObject({
      status: 'partial',
      how: 'Against its captured output, test/fixtures/engine-29.7',
      result: '2 of 3 commands checked against its captured output, each matched the page; 1 had no capture',
      unchecked: [{ name: 'content/step2.mdx:18', command: 'docker rm -f redis-server' }],
      failed: [],
    });
    expect(engine?.checked.map((c) => c.name)).toEqual(['content/step2.mdx:10', 'content/step2.mdx:14']);
  });

  it('names a failed command; a run of an earlier text is said to no longer count, and lists nothing', () => {
    const failed = mergeRun(emptyRecord(), run('28.5.2', { ok: false, failures: ['content/step2.mdx:14'] }));
    expect(reportPage(failed, page, text, 'step2').engines[0]).toMatchObject({
      status: 'failed',
      result: 'Failed: 1 of 3 commands did not match the page',
      failed: [{ name: 'content/step2.mdx:14', command: 'docker run --link redis-server:redis alpine cat /etc/hosts' }],
    });
    const edited = `${text}\nOne more sentence.\n`;
    const [earlier] = reportPage(failed, page, edited, 'step2').engines;
    expect(earlier).toMatchObject({ status: 'earlier', failed: [], checked: [], unchecked: [] });
    expect(earlier?.result).toBe('Ran on an earlier text of this page (it failed then); it no longer counts until the doc-tests run again');
  });

  it("dates a result kept from an earlier run by the page's own date", () => {
    const record = mergeRun(emptyRecord(), run('20.10.24', { date: '2026-11-20T09:00:00Z' }));
    expect(reportPage(record, page, text, 'step2').engines[0]?.day).toBe('2026-11-20');
  });

  it('says a one-command page passed in the singular', () => {
    const one = `---\ntitle: T\ndescription: D\nsnippet: s\nneeds: []\n---\n${fence}sh\nls\n${fence}\n`;
    const record = mergeRun(emptyRecord(), { ...run('28.5.2', undefined), pages: { x: { hash: hashPage(one), ok: true, failures: [] } } });
    expect(reportPage(record, parsePage('content/x.mdx', one).page, one, 'x').engines[0]?.result).toBe('The one command ran on it and matched the page');
  });
});

describe('describeImages', () => {
  it('says once when every image is a local stand-in, and per image when they differ', () => {
    expect(describeImages(standIns)).toBe('redis and alpine: all local stand-ins');
    expect(describeImages([standIns[0]!])).toBe('redis: local stand-in');
    expect(describeImages([standIns[0]!, { name: 'alpine', id: 'sha256:2', standIn: false }])).toBe("redis (local stand-in), alpine (the registry's image)");
    expect(describeImages([])).toBe('none recorded (compared with captured output, no images run)');
  });
});

describe('shortId', () => {
  it('drops the algorithm and keeps the start', () => {
    expect([shortId('sha256:d8ab734152461f49114e'), shortId('eff87d2ec44894d5', 7)]).toEqual(['d8ab73415246', 'eff87d2']);
  });
});
