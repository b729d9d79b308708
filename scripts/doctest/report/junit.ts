// JUnit XML (reports/doctest-junit.xml): one <testsuite> per page, one <testcase> per case named
// by its file:line. A case that did not run is a failure, never a skip; an error that stopped the
// run before any case is a failing `doctest` case of its own.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CaseResult, ReportEvent, Reporter } from '../events.ts';

const escapeXml = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

function formatCase(r: CaseResult): string {
  const open = `    <testcase name="${escapeXml(r.name)}" classname="${escapeXml(r.at.file)}" time="${(r.durationMs / 1000).toFixed(3)}"`;
  if (!r.failure) return `${open}/>`;
  const f = r.failure;
  const text = [f.message, f.diff, f.cause && `cause: ${f.cause}`, f.hint && `to accept the actual output: ${f.hint}`].filter(Boolean).join('\n');
  const firstLine = f.message.split('\n')[0] ?? '';
  return `${open}>\n      <failure type="${r.status}" message="${escapeXml(firstLine)}">${escapeXml(text)}</failure>\n    </testcase>`;
}

/** The whole XML document for the cases and run errors of one run. */
export function formatJunit(results: CaseResult[], runErrors: string[], durationMs: number): string {
  const files = [...new Set(results.map((r) => r.at.file))];
  const suites = files.map((file) => {
    const cases = results.filter((r) => r.at.file === file);
    const failures = cases.filter((r) => r.status !== 'ok').length;
    const time = cases.reduce((t, r) => t + r.durationMs, 0) / 1000;
    return [
      `  <testsuite name="${escapeXml(file)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="${time.toFixed(3)}">`,
      ...cases.map(formatCase),
      '  </testsuite>',
    ].join('\n');
  });
  if (runErrors.length > 0) {
    const errors = runErrors.map((m) => `    <testcase name="doctest" classname="doctest">\n      <error message="${escapeXml(m.split('\n')[0] ?? '')}">${escapeXml(m)}</error>\n    </testcase>`);
    suites.push([`  <testsuite name="doctest" tests="${runErrors.length}" failures="0" errors="${runErrors.length}" skipped="0">`, ...errors, '  </testsuite>'].join('\n'));
  }
  const failed = results.filter((r) => r.status !== 'ok').length;
  const head = `<testsuites name="doctest" tests="${results.length + runErrors.length}" failures="${failed}" errors="${runErrors.length}" time="${(durationMs / 1000).toFixed(3)}">`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...suites, '</testsuites>', ''].join('\n');
}

/** Collects the run's events and writes the file when the run ends (or stops with an error). */
export function createJunitReporter(file: string): Reporter {
  const results: CaseResult[] = [];
  const errors: string[] = [];
  const write = (durationMs: number) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, formatJunit(results, errors, durationMs));
  };
  return (event: ReportEvent) => {
    if (event.kind === 'case-end') results.push(event.result);
    if (event.kind === 'run-error') errors.push(event.cause ? `${event.message}\ncause: ${event.cause}` : event.message);
    if (event.kind === 'run-end') write(event.durationMs);
  };
}
