// `--matrix` limited to one extra engine (Docker 28.5, Debian forky's docker.io, started beside
// the default one): the whole guide passes there, the summary names the engine with its wall
// time, and the entry lands in the temporary folder's record, not the project's.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPage, parseRecord } from '../../../scripts/verify/record.ts';
import { makeContent, root, runDoctest, withGuideLock } from './helpers.ts';

const pages = ['index.mdx', 'step1.mdx', 'step2.mdx', 'step3.mdx', 'step4.mdx'];
const projectRecord = path.join(root, 'verification/record.json');
const readProjectRecord = () => (existsSync(projectRecord) ? readFileSync(projectRecord, 'utf8') : 'absent');

describe('doctest --engines 28.5', () => {
  it('runs the guide on Docker 28.5 and records it there', { timeout: 600_000 }, async () => {
    const content = makeContent(pages);
    const projectBefore = readProjectRecord();
    const run = await withGuideLock(() => runDoctest(['--engines', '28.5', '--content', content]));
    if (run.exitCode !== 0) throw new Error(`the matrix run exited ${run.exitCode}:\n${run.output}`);
    expect(run.output).toMatch(/doctest: \d+ cases from .+ on Docker 28\.5\.\d/);
    expect(run.output).toMatch(/doctest matrix: 1 of 1 engine\(s\)\n {2}Docker 28\.5\.\d\S* +(\d+) passed, 0 failed +run +[\d.]+s +wall +[\d.]+s/);
    const failedCases = run.events.filter((e) => e.kind === 'case-end' && e.result.status !== 'ok');
    expect(failedCases).toEqual([]);

    const file = path.join(path.dirname(content), 'verification/record.json');
    const record = parseRecord(readFileSync(file, 'utf8'), file);
    const [only, ...others] = Object.values(record.engines);
    expect(others).toEqual([]);
    expect(only?.engine).toMatch(/^28\.5\.\d+$/);
    for (const id of ['step1', 'step2', 'step3', 'step4']) {
      expect(only?.pages[id]).toEqual({ hash: hashPage(readFileSync(path.join(content, `${id}.mdx`), 'utf8')), ok: true, failures: [] });
    }
    expect(readProjectRecord()).toBe(projectBefore);
  });
});
