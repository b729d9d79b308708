// `--captures <folder>`: the pages' cases against an engine's captured output. The manifest and
// its errors, which case each capture is (by command text), bindings across a page as a run binds
// them, the run itself on copies of the pages (its report events, exit codes and record entry).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../../scripts/doctest/args.ts';
import { readCaptureFolder, readManifest, runCaptures } from '../../../scripts/doctest/captures-run.ts';
import { commandKey, compareCaptures, parseManifest, planCaptures, type CaptureFolder } from '../../../scripts/doctest/captures.ts';
import type { ReportEvent } from '../../../scripts/doctest/events.ts';
import { formatConsoleEvent } from '../../../scripts/doctest/report/console.ts';
import { hashPage, parseRecord } from '../../../scripts/verify/record.ts';
import { readRecord } from '../../../scripts/verify/store.ts';
import type { MatchedBlock } from '../../../scripts/verify/examples.ts';
import { readPage } from './fixtures.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const manifest = readManifest(root);
const pages = ['index', 'networks', 'step1', 'step2', 'step3', 'step4'].map(readPage);
const dir29 = 'test/fixtures/engine-29.7';
const folder29 = readCaptureFolder(path.join(root, dir29), dir29);
const withFiles = (folder: CaptureFolder, change: Record<string, string | undefined>): CaptureFolder => {
  const files = new Map(folder.files);
  for (const [name, text] of Object.entries(change)) {
    if (text === undefined) files.delete(name);
    else files.set(name, text);
  }
  return { dir: folder.dir, files };
};
const scratch = mkdtempSync(path.join(os.tmpdir(), 'captures-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the capture manifest (test/fixtures/captures.json)', () => {
  it('names each capture file once, with the command the pages write', () => {
    const files = manifest.captures.map((c) => c.file);
    expect(new Set(files).size).toBe(files.length);
    expect(files).toEqual(expect.arrayContaining(['run-redis.txt', 'env.txt', 'hosts.txt', 'ping.txt', 'run-app.txt', 'curl-1.txt', 'curl-2.txt', 'session.txt']));
    expect(manifest.captures.find((c) => c.file === 'session.txt')?.command).toBe('docker run -it --link redis-server:redis redis redis-cli -h redis');
    expect(manifest.engineVersion.file).toBe('server-version.txt');
  });

  it('says which entry is wrong', () => {
    expect(() => parseManifest('{', 'm.json')).toThrow('m.json: not valid JSON');
    expect(() => parseManifest('{"captures": []}', 'm.json')).toThrow('m.json: the manifest must have "engineVersion"');
    const entries = (captures: object[]) => JSON.stringify({ engineVersion: { file: 'v.txt', command: 'docker version' }, captures });
    expect(() => parseManifest(entries([{ file: 'a.txt' }]), 'm.json')).toThrow('m.json: captures[0] needs a "file" and the "command" it captured');
    expect(() => parseManifest(entries([{ file: 'a.txt', command: 'x' }, { file: 'a.txt', command: 'y' }]), 'm.json')).toThrow('m.json: captures[1] names a.txt a second time');
  });

  it('matches commands as typed: continuations and runs of spaces do not count', () => {
    expect(commandKey('docker run -d \\\n  -p 3000:3000   app')).toBe('docker run -d -p 3000:3000 app');
  });
});

describe('which case each capture is', () => {
  it('found on the pages by command text; curl-1 and curl-2 are the two curls of step 3 in page order', () => {
    const { plan, errors } = planCaptures(pages, manifest, folder29);
    expect(errors).toEqual([]);
    expect(plan!.engine).toBe('29.7.2');
    const byFile = new Map(plan!.cases.filter((c) => c.capture).map((c) => [c.capture!.file, c.command]));
    const curls = readPage('step3').commands.filter((c) => c.text === 'curl localhost:3000');
    expect(curls).toHaveLength(2);
    expect(byFile.get('curl-1.txt')?.id).toBe(curls[0]!.id);
    expect(byFile.get('curl-2.txt')?.id).toBe(curls[1]!.id);
    expect(byFile.get('session.txt')?.at.file).toBe('content/step4.mdx');
    expect(plan!.ignored).toEqual([
      { file: 'env-keep-legacy-vars.txt', why: "captured with DOCKER_KEEP_DEPRECATED_LEGACY_LINKS_ENV_VARS=1 in dockerd's environment; the pages show a default daemon's output" },
    ]);
    // every case of the pages is in the plan, in page order; those of the networks page have no capture
    expect(plan!.cases.map((c) => c.command.id)).toEqual(pages.flatMap((p) => p.commands.filter((c) => c.snippet !== undefined).map((c) => c.id)));
    expect(plan!.cases.filter((c) => c.command.at.file === 'content/networks.mdx').every((c) => !c.capture)).toBe(true);
  });

  it('a capture of a command no page has is an error naming the file; so is a file the manifest does not name', () => {
    const edited = pages.map((p) => (p.id !== 'step2' ? p : { ...p, commands: p.commands.filter((c) => !c.text.endsWith('ping -c 1 redis')) }));
    const { plan, errors } = planCaptures(edited, manifest, withFiles(folder29, { 'notes.txt': 'x' }));
    expect(plan).toBeUndefined();
    expect(errors).toEqual([
      'test/fixtures/engine-29.7/notes.txt: not in the capture manifest (test/fixtures/captures.json); add it there with the command it captured',
      'test/fixtures/engine-29.7/ping.txt: a capture of `docker run --link redis-server:redis alpine ping -c 1 redis` (test/fixtures/captures.json), which no page has; write the page\'s command there, or remove the capture',
    ]);
  });

  it('more captures of a command than the pages have, and a folder without its engine version, are errors too', () => {
    const oneCurl = pages.map((p) => (p.id !== 'step3' ? p : { ...p, commands: p.commands.filter((c, i, all) => c.text !== 'curl localhost:3000' || all.findIndex((d) => d.text === c.text) === i) }));
    expect(planCaptures(oneCurl, manifest, folder29).errors).toEqual([
      'test/fixtures/engine-29.7/curl-2.txt: capture 2 of `curl localhost:3000` (test/fixtures/captures.json), but the pages have that command 1 time(s)',
    ]);
    expect(planCaptures(pages, manifest, withFiles(folder29, { 'server-version.txt': undefined })).errors).toEqual([
      "test/fixtures/engine-29.7/server-version.txt: missing or empty; it names the engine the captures are from (`docker version --format '{{.Server.Version}}'`)",
    ]);
  });

  it('a missing capture leaves its case uncovered; the second curl still binds to the second curl', () => {
    const { plan } = planCaptures(pages, manifest, withFiles(folder29, { 'curl-1.txt': undefined }));
    const curls = readPage('step3').commands.filter((c) => c.text === 'curl localhost:3000');
    expect(plan!.cases.find((c) => c.command.id === curls[0]!.id)?.capture).toBeUndefined();
    expect(plan!.cases.find((c) => c.command.id === curls[1]!.id)?.capture?.file).toBe('curl-2.txt');
  });
});

describe('compared as a run compares', () => {
  it('in page order, binding across the page: a ping that reaches another address than the hosts entry fails', () => {
    const ping = folder29.files.get('ping.txt')!;
    const other = ping.replaceAll('172.30.23.2', '172.30.23.9');
    const { plan } = planCaptures(pages, manifest, withFiles(folder29, { 'ping.txt': other }));
    const { results } = compareCaptures(plan!, 'content', dir29);
    const failed = results.filter((r) => r.result.status !== 'ok');
    expect(failed.map((r) => r.capture)).toEqual(['ping.txt']);
    expect(failed[0]!.result.failure?.hint).toBe('test/fixtures/engine-29.7/ping.txt is what Docker 29.7.2 printed: write the page\'s block from it (--update rewrites from a live run)');
    expect(failed[0]!.result.rewrite).toBeUndefined();
  });

  it('the rising request count binds from curl-1 to curl-2: the same count twice fails', () => {
    const { plan } = planCaptures(pages, manifest, withFiles(folder29, { 'curl-2.txt': folder29.files.get('curl-1.txt') }));
    const { results } = compareCaptures(plan!, 'content', dir29);
    expect(results.filter((r) => r.result.status !== 'ok').map((r) => r.capture)).toEqual(['curl-2.txt']);
  });
});

describe('--captures on the command line', () => {
  it('takes the folder; runs no engine, so not with --matrix, --engines or --update', () => {
    expect(parseArgs(['--captures', dir29])).toMatchObject({ captures: dir29, mode: { kind: 'check' } });
    expect(() => parseArgs(['--captures'])).toThrow(/^--captures needs a value\n/);
    expect(() => parseArgs(['--captures', dir29, '--matrix'])).toThrow(/^--captures compares the pages with output captured earlier/);
    expect(() => parseArgs(['--update', '--captures', dir29])).toThrow(/^--captures compares/);
  });
});

describe('the console lines of a captures run', () => {
  it('the start names the folder; each case names its capture; the cases with no capture are listed', () => {
    expect(formatConsoleEvent({ kind: 'run-start', engine: '29.7.2', mode: 'check', contentDir: 'content', cases: ['a', 'b'], captures: dir29 })).toBe(
      'doctest: 2 cases from content/ against what Docker 29.7.2 printed, captured in test/fixtures/engine-29.7/',
    );
    const { plan } = planCaptures(pages, manifest, folder29);
    const first = compareCaptures(plan!, 'content', dir29).results[0]!;
    expect(formatConsoleEvent({ kind: 'case-end', result: first.result, capture: first.capture })).toBe('content/step1.mdx:15 ok against run-redis.txt');
    expect(
      formatConsoleEvent({
        kind: 'not-captured',
        dir: dir29,
        cases: [{ name: 'content/step4.mdx:58', command: 'docker rm -f redis-server' }],
        ignored: [{ file: 'env-keep-legacy-vars.txt', why: 'not a default daemon' }],
      }),
    ).toBe(
      [
        'not compared: 1 case with no capture in test/fixtures/engine-29.7/ (not claimed in the record)',
        '    content/step4.mdx:58 `docker rm -f redis-server`',
        'not compared: test/fixtures/engine-29.7/env-keep-legacy-vars.txt: not a default daemon',
      ].join('\n'),
    );
  });
});

describe('runCaptures on a copy of the pages', () => {
  /** content/ copied (the run then writes the record beside it, never the project's) and a capture folder. */
  function setUp(change: Record<string, string | undefined> = {}) {
    const base = mkdtempSync(path.join(scratch, 'run-'));
    cpSync(path.join(root, 'content'), path.join(base, 'content'), { recursive: true });
    mkdirSync(path.join(base, 'captures'));
    for (const [name, text] of withFiles(folder29, change).files) writeFileSync(path.join(base, 'captures', name), text);
    return base;
  }
  async function run(base: string) {
    const events: ReportEvent[] = [];
    const code = await runCaptures(root, { captures: path.join(base, 'captures'), content: path.join(base, 'content'), junit: path.join(base, 'reports/junit.xml') }, (e) => events.push(e));
    return { code, events, recordFile: path.join(base, 'verification/record.json') };
  }

  it('every captured case passes: exit 0, and the entry says captures, per page whether all of it was covered', async () => {
    const base = setUp();
    const { code, events, recordFile } = await run(base);
    expect(code, JSON.stringify(events.filter((e) => e.kind === 'case-end' && e.result.status !== 'ok'), null, 2)).toBe(0);
    const cases = events.filter((e) => e.kind === 'case-end');
    expect(cases.length).toBe(8);
    const notCaptured = events.find((e) => e.kind === 'not-captured');
    expect(notCaptured?.kind === 'not-captured' && notCaptured.cases.some((c) => c.command === 'docker network create guide-net')).toBe(true);
    expect(events.at(-1)).toMatchObject({ kind: 'run-end', passed: 8, failed: 0 });
    expect(events.find((e) => e.kind === 'recorded')).toMatchObject({ engine: '29.7.2', proof: 'captures' });

    const record = parseRecord(readFileSync(recordFile, 'utf8'), recordFile);
    const entry = record.engines['29.7.2']!;
    expect(entry).toMatchObject({ engine: '29.7.2', proof: 'captures', captures: path.join(base, 'captures'), client: 'unknown', images: [] });
    expect(Object.keys(entry.pages).sort()).toEqual(['step1', 'step2', 'step3', 'step4']); // networks: no capture, no claim
    const hash = (id: string) => hashPage(readFileSync(path.join(base, 'content', `${id}.mdx`), 'utf8'));
    const fence = (name: string) => path.relative(root, path.join(base, name)); // blocks are named as the run names the pages
    const step1Values = { [fence('content/step1.mdx:18')]: { written: expect.stringMatching(/^sha256:/), lines: { '1': [expect.stringMatching(/^[0-9a-f]{64}$/)] } } };
    // step 1's check and the errors each step provokes on purpose ("When it goes wrong") have no capture: those pages are partly covered
    expect(entry.pages.step1).toMatchObject({ hash: hash('step1'), ok: false, failures: [], cases: 4, examples: step1Values });
    expect(entry.pages.step1!.uncovered!.map((name) => name.replace(/^.*content\//, 'content/'))).toEqual(['content/step1.mdx:40', 'content/step1.mdx:62', 'content/step1.mdx:84']);
    expect(entry.pages.step2?.examples?.[fence('content/step2.mdx:93')]?.lines).toEqual({ '8': ['172.30.23.2', '075a4feb8551'], '9': ['172.30.23.3', 'd2e9253ce847'] });
    expect(entry.pages.step2).toMatchObject({ ok: false, failures: [], cases: 7 });
    expect(entry.pages.step2!.uncovered).toHaveLength(4);
    const step4 = entry.pages.step4!;
    expect(step4.ok).toBe(false); // its clean-up commands have no capture: not proven
    expect(step4.failures).toEqual([]);
    expect(step4.uncovered!.length).toBeGreaterThan(0);
    expect(step4.cases).toBe(step4.uncovered!.length + 1); // the session is captured; its clean-up and its error are not
    expect(readFileSync(path.join(base, 'reports/verification.json'), 'utf8')).toBe(readFileSync(recordFile, 'utf8'));
  });

  it('a case that differs from its capture: exit 1, and the page records the failure', async () => {
    const base = setUp({ 'hosts.txt': folder29.files.get('hosts.txt')!.replace('ip6-allnodes', 'ip6-everyone') });
    const { code, events, recordFile } = await run(base);
    expect(code).toBe(1);
    const failed = events.filter((e) => e.kind === 'case-end' && e.result.status !== 'ok');
    expect(failed.map((e) => e.kind === 'case-end' && e.capture)).toEqual(['hosts.txt']);
    const step2 = parseRecord(readFileSync(recordFile, 'utf8'), recordFile).engines['29.7.2']!.pages.step2!;
    expect(step2.ok).toBe(false);
    expect(step2.failures).toHaveLength(1);
  });

  it('bad input: exit 2 naming the file, nothing compared, no record', async () => {
    const base = setUp({ 'extra.txt': 'what is this' });
    const { code, events, recordFile } = await run(base);
    expect(code).toBe(2);
    const error = events.find((e) => e.kind === 'run-error');
    expect(error?.kind === 'run-error' && error.message).toContain(`${path.join(base, 'captures')}/extra.txt: not in the capture manifest`);
    expect(events.some((e) => e.kind === 'case-end')).toBe(false);
    expect(() => readFileSync(recordFile)).toThrow();
    const missing = await runCaptures(root, { captures: path.join(base, 'nowhere'), content: path.join(base, 'content'), junit: path.join(base, 'j.xml') }, () => {});
    expect(missing).toBe(2);
  });
});

describe("the committed record's Docker 29.7.2 values", () => {
  it('are what the pages and the captures give: each block the record names either matches it again with the same values, or was edited since (the site then shows placeholders)', () => {
    const planned = planCaptures(pages, manifest, folder29);
    const given = new Map<string, MatchedBlock>(compareCaptures(planned.plan!, 'content', dir29).results.flatMap(({ result }) =>
      result.example ? [[`${result.example.at.file}:${result.example.at.line}`, result.example] as const] : []));
    const committed = readRecord(path.join(root, 'verification/record.json')).engines['29.7.2'];
    const recorded = Object.values(committed?.pages ?? {}).flatMap((page) => Object.entries(page.examples ?? {}));
    expect(recorded.length).toBeGreaterThan(0);
    for (const [block, example] of recorded) {
      const now = given.get(block);
      if (now?.written !== example.written) continue; // edited or moved since the record: not shown
      expect(example.lines, block).toEqual(now.lines);
    }
  });
});
