// `--matrix`: the whole guide (a copy of every page) on Docker 20.10 (the default engine), 26.1
// and 28.5 (Debian trixie's and forky's docker.io, each started beside the default one on its
// own data root, then stopped). Every case passes on each, the summary names each engine with
// its wall time, and the entries land in the temporary folder's record, not the project's.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPage, parseRecord } from '../../../scripts/verify/record.ts';
import { makeContent, root, runDoctest, withGuideLock } from './helpers.ts';

const pages = ['index.mdx', 'step1.mdx', 'step2.mdx', 'step3.mdx', 'step4.mdx', 'networks.mdx'];
const versions = ['20.10', '26.1', '28.5'];
const projectRecord = path.join(root, 'verification/record.json');
const readProjectRecord = () => (existsSync(projectRecord) ? readFileSync(projectRecord, 'utf8') : 'absent');

describe('doctest --matrix', () => {
  it('runs the whole guide on Docker 20.10, 26.1 and 28.5, one after the other, and records each', { timeout: 900_000 }, async () => {
    const content = makeContent(pages);
    const projectBefore = readProjectRecord();
    const run = await withGuideLock(() => runDoctest(['--matrix', '--content', content]));
    if (run.exitCode !== 0) throw new Error(`the matrix run exited ${run.exitCode}:\n${run.output}`);
    const failedCases = run.events.filter((e) => e.kind === 'case-end' && e.result.status !== 'ok');
    expect(failedCases).toEqual([]);
    const summary = run.output.slice(run.output.indexOf('doctest matrix: 3 of 3 engine(s)'));
    const rows = versions.map((v) => summary.match(new RegExp(`\\n {2}Docker ${v.replace('.', '\\.')}\\.\\d\\S* +(\\d+) passed, 0 failed +run +[\\d.]+s +wall +[\\d.]+s`)));
    expect(rows.every((row) => row !== null), summary).toBe(true);
    const cases = rows.map((row) => Number(row![1]));
    expect(cases[0]).toBeGreaterThan(15); // every case of six pages, the same on each engine
    expect(new Set(cases).size).toBe(1);

    const file = path.join(path.dirname(content), 'verification/record.json');
    const record = parseRecord(readFileSync(file, 'utf8'), file);
    const entries = Object.values(record.engines).sort((a, b) => a.engine.localeCompare(b.engine));
    expect(entries.map((e) => e.engine.split('.').slice(0, 2).join('.'))).toEqual(versions);
    for (const entry of entries) {
      expect(entry.client).toMatch(/^\d+\.\d+\.\d+/);
      for (const id of ['step1', 'step2', 'step3', 'step4', 'networks']) {
        expect(entry.pages[id], `${id} on ${entry.engine}`).toEqual({
          hash: hashPage(readFileSync(path.join(content, `${id}.mdx`), 'utf8')),
          ok: true,
          failures: [],
        });
      }
    }
    expect(readProjectRecord()).toBe(projectBefore);
  });
});
