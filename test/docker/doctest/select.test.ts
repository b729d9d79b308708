// A run of some cases: one page (`npm run doctest -- --content <dir> <dir>/step2.mdx`) runs the
// page it needs first, as set-up, and reports only its own cases; `--grep` selects cases by their
// name or command, the rest of their snippet running as set-up. Neither claims more in the
// verification record than it ran in full: the pages it did not keep what was recorded before.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportEvent } from '../../../scripts/doctest/events.ts';
import { isProvoked } from '../../../scripts/page/commands.ts';
import { parsePage } from '../../../scripts/page/parse.ts';
import { parseRecord } from '../../../scripts/verify/record.ts';
import { makeContent, pageName, root, runDoctest, withGuideLock } from './helpers.ts';

const content = makeContent(['index.mdx', 'step1.mdx', 'step2.mdx', 'step3.mdx']);
const recordFile = path.join(path.dirname(content), 'verification/record.json');

/** The cases of a page of the copy, as the runner names them; `provoked`: an error of its "When it goes wrong" (snippets/troubleshoot.mjs). */
function casesOf(page: string): { name: string; text: string; provoked: boolean }[] {
  const file = pageName(content, page);
  return parsePage(file, readFileSync(path.join(content, page), 'utf8')).page.commands.map((c) => ({ name: `${file}:${c.at.line}`, text: c.text, provoked: isProvoked(c) }));
}

const pick = <K extends ReportEvent['kind']>(events: ReportEvent[], kind: K) => events.filter((e): e is Extract<ReportEvent, { kind: K }> => e.kind === kind);

describe('a run of some cases', () => {
  const step1 = casesOf('step1.mdx');
  const step2 = casesOf('step2.mdx');
  const all = step1.length + step2.length + casesOf('step3.mdx').length;

  it('one page: the page it needs runs first as set-up, and only the page\'s own cases are reported and recorded', async () => {
    const run = await withGuideLock(() => runDoctest(['--content', content, path.join(content, 'step2.mdx')]));
    expect(run.exitCode, run.output).toBe(0);
    const [start] = pick(run.events, 'run-start');
    expect(start?.cases).toEqual(step2.map((c) => c.name));
    expect(start?.selection).toEqual({ of: all, pages: [pageName(content, 'step2.mdx')], setup: ['step1'] });
    expect(run.output).toContain(`doctest: ${step2.length} of ${all} cases selected (${pageName(content, 'step2.mdx')})`);

    const setup = pick(run.events, 'setup');
    // step1's snippet; then, around step2's errors in troubleshoot.mjs, the other pages' errors, provoked as set-up (each exits as its page says)
    const provokedElsewhere = [...step1, ...casesOf('step3.mdx')].filter((c) => c.provoked).map((c) => [c.name, c.text, 'troubleshoot', 125]);
    expect(setup.map((e) => [e.name, e.command, e.snippet, e.exitCode])).toEqual([...step1.filter((c) => !c.provoked).map((c) => [c.name, c.text, 'step1', 0]), ...provokedElsewhere]);
    expect(run.output).toContain(`${step1[0]!.name} ran as set-up, not a case of this run`);
    expect(pick(run.events, 'case-end').map((e) => [e.result.name, e.result.status])).toEqual(step2.map((c) => [c.name, 'ok']));
    expect(pick(run.events, 'run-end')).toMatchObject([{ passed: step2.length, failed: 0 }]);

    expect(pick(run.events, 'recorded')).toMatchObject([{ pages: 1, kept: [] }]);
    const [entry] = Object.values(parseRecord(readFileSync(recordFile, 'utf8'), recordFile).engines);
    expect(Object.keys(entry!.pages)).toEqual(['step2']); // step1 ran, but only as set-up: not proven by this run
  });

  it('--grep: the selected case, its snippet\'s other commands and the page it needs as set-up; the record keeps step2 as it was', async () => {
    const hosts = step2.find((c) => c.text.endsWith('cat /etc/hosts'))!;
    const before = parseRecord(readFileSync(recordFile, 'utf8'), recordFile); // the previous test's run: step2 proven
    const run = await withGuideLock(() => runDoctest(['--content', content, '--grep', 'cat /etc/hosts']));
    expect(run.exitCode, run.output).toBe(0);
    expect(run.output).toContain(`doctest: 1 of ${all} cases selected (--grep cat /etc/hosts)`);
    expect(pick(run.events, 'case-end').map((e) => e.result.name)).toEqual([hosts.name]);
    expect(pick(run.events, 'setup').map((e) => e.name)).toEqual([...step1, ...step2.filter((c) => c !== hosts)].filter((c) => !c.provoked).map((c) => c.name)); // troubleshoot.mjs holds no selected case: not run
    expect(pick(run.events, 'run-end')).toMatchObject([{ passed: 1, failed: 0 }]);

    expect(pick(run.events, 'recorded')).toMatchObject([{ pages: 0, kept: ['step2'] }]);
    const [earlier] = Object.values(before.engines);
    const [entry] = Object.values(parseRecord(readFileSync(recordFile, 'utf8'), recordFile).engines);
    expect(entry!.pages).toEqual({ step2: { ...earlier!.pages.step2, date: earlier!.date } });
  });

  it('a file that is no page, and a --grep that selects nothing, run nothing (exit 2)', async () => {
    const stray = path.join(path.dirname(content), 'notes.mdx');
    const noPage = await runDoctest(['--content', content, stray]);
    expect(noPage.exitCode).toBe(2);
    expect(noPage.output).toContain(`doctest: ${stray} is not a page of ${path.relative(root, content)}/; its pages: `);
    const none = await runDoctest(['--content', content, '--grep', 'kubectl']);
    expect(none.exitCode).toBe(2);
    expect(none.output).toContain(`doctest: --grep kubectl selects none of the ${all} cases in `);
    expect([...noPage.events, ...none.events].some((e) => e.kind === 'run-start')).toBe(false);
  });
});
