// `--matrix`: the guide's own pages on Docker 20.10, 26.1 and 28.5 (Debian bookworm's, trixie's and
// forky's docker.io; the default engine serves its own version, the others start beside it on their
// own data roots and stop afterwards). Every case passes on each, the summary names each engine
// with its wall time, and each engine's entry in the record is this run's: what the published
// pages claim is what this commit's tests proved. The record goes to reports/verification.json,
// as `npm test`'s does; the committed verification/record.json stays as it was.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPage, parseRecord } from '../../../scripts/verify/record.ts';
import { root, startDoctest, withGuideLock } from './helpers.ts';

const versions = ['20.10', '26.1', '28.5'];
const pages = ['step1', 'step2', 'step3', 'step4', 'networks'];
const committedFile = path.join(root, 'verification/record.json');
const recordFile = path.join(root, 'reports/verification.json');

describe('doctest --matrix', () => {
  it('runs the whole guide on Docker 20.10, 26.1 and 28.5, one after the other, and records each', { timeout: 900_000 }, async () => {
    const started = new Date().toISOString();
    const committed = readFileSync(committedFile, 'utf8');
    const run = await withGuideLock(() => startDoctest(['--matrix'], { junit: path.join(root, 'reports/doctest-junit.xml') }).done);
    expect(readFileSync(committedFile, 'utf8'), 'the committed record, without --record').toBe(committed);
    expect(run.events.filter((e) => e.kind === 'recorded').map((e) => e.kind === 'recorded' && e.file)).toEqual(versions.map(() => 'reports/verification.json'));
    if (run.exitCode !== 0) throw new Error(`the matrix run exited ${run.exitCode}:\n${run.output}`);
    const failedCases = run.events.filter((e) => e.kind === 'case-end' && e.result.status !== 'ok');
    expect(failedCases).toEqual([]);
    const summary = run.output.slice(run.output.indexOf('doctest matrix: 3 of 3 engine(s)'));
    const rows = versions.map((v) => summary.match(new RegExp(`\\n {2}Docker ${v.replace('.', '\\.')}\\.\\d\\S* +(\\d+) passed, 0 failed +run +[\\d.]+s +wall +[\\d.]+s`)));
    expect(rows.every((row) => row !== null), summary).toBe(true);
    const cases = rows.map((row) => Number(row![1]));
    expect(cases[0]).toBeGreaterThan(15); // every case of every page, the same on each engine
    expect(new Set(cases).size).toBe(1);

    const record = parseRecord(readFileSync(recordFile, 'utf8'), recordFile);
    for (const version of versions) {
      const entry = Object.values(record.engines).find((e) => e.engine.startsWith(`${version}.`));
      expect(entry, `an entry for Docker ${version}`).toBeDefined();
      expect(entry!.date >= started, `Docker ${version}: written by this run`).toBe(true);
      expect(entry!.client).toMatch(/^\d+\.\d+\.\d+/);
      for (const id of pages) {
        expect(entry!.pages[id], `${id} on ${entry!.engine}`).toMatchObject({
          hash: hashPage(readFileSync(path.join(root, 'content', `${id}.mdx`), 'utf8')),
          ok: true,
          failures: [],
        });
      }
      // the values the site shows in place of tokens, from this engine's own run: step 2's hosts file names redis-server's address
      const hosts = Object.entries(entry!.pages.step2?.examples ?? {}).flatMap(([, block]) => Object.values(block.lines).flat());
      expect(hosts.some((value) => /^\d+\.\d+\.\d+\.\d+$/.test(value)), `step2's example values on ${entry!.engine}`).toBe(true);
    }
  });
});
