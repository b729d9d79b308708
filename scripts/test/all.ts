// `npm test`: every check the project has, in the order a fresh machine needs them.
// The same stages run locally and in CI (.ci/run calls `npm ci && npm test`). The doc-tests
// (in the docker suite, then Docker 29.7 against its captured output) write their record to
// reports/verification.json (ignored: the checkout stays as it was); the site is built after
// them, so the browser suite checks that the built site shows this commit's record. At the end,
// a table of each stage's time, then of each test suite's (unit, docker, browser) with its slowest
// files, from the JSON reports of the vitest runs (reports/vitest-*.json, times.ts; the Docker
// suite's shards each write one, and each file's time is its own, so shards side by side add up
// to more than the stage's wall time).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { formatTimeTable, readFileTimes, type FileTime, type VitestReport } from './times.ts';

interface Stage {
  name: string;
  argv: string[];
}

const root = path.resolve(import.meta.dirname, '../..');
const reportsDir = path.join(root, 'reports');
const timeReports = () => readdirSync(reportsDir).filter((f) => /^vitest-.*\.json$/.test(f)).map((f) => path.join(reportsDir, f));
mkdirSync(reportsDir, { recursive: true });
for (const file of timeReports()) rmSync(file); // a table from this run only

/** A vitest stage of `projects`, its console report as always and its JSON report for the time table. */
function vitest(name: string, ...projects: string[]): string[] {
  const report = path.join(reportsDir, `vitest-${name}.json`);
  return ['npx', 'vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
}

const stages: Stage[] = [
  { name: 'typecheck', argv: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'snippets are up to date', argv: ['npm', 'run', '--silent', 'snippets', '--', '--check'] },
  { name: 'docker engine and images', argv: ['npm', 'run', '--silent', 'docker:setup'] },
  { name: 'browser', argv: ['npm', 'run', '--silent', 'browsers:setup'] },
  // the Docker files in shards side by side, each on an engine of its own (docker-shards.ts), the unit tests beside them
  { name: 'tests (unit, docker)', argv: ['node', 'scripts/test/docker-shards.ts', '--with-unit'] },
  // after the matrix (in the docker suite) wrote Docker 20.10, 26.1 and 28.5: Docker 29, which
  // cannot run here, from its captured output, so the record then holds all four engines
  {
    name: 'doc-tests against Docker 29.7\'s captured output',
    argv: ['npm', 'run', '--silent', 'doctest', '--', '--captures', 'test/fixtures/engine-29.7', '--junit', 'reports/doctest-junit.captures-29.7.xml'],
  },
  { name: 'site build (with this run\'s record)', argv: ['npm', 'run', '--silent', 'build'] },
  { name: 'size budgets', argv: ['npm', 'run', '--silent', 'budget'] },
  { name: 'tests (browser)', argv: vitest('browser', 'browser') },
];

const started = Date.now();
const times: { name: string; seconds: string }[] = [];
for (const [index, stage] of stages.entries()) {
  const t0 = Date.now();
  console.log(`\n== [${index + 1}/${stages.length}] ${stage.name}: ${stage.argv.join(' ')}`);
  const [cmd, ...args] = stage.argv as [string, ...string[]];
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n== FAILED: ${stage.name} (exit ${result.status ?? result.signal}, ${seconds}s)`);
    console.error(`   rerun this stage alone: ${stage.argv.join(' ')}`);
    process.exit(1);
  }
  console.log(`== ok: ${stage.name} (${seconds}s)`);
  times.push({ name: stage.name, seconds });
}
const total = ((Date.now() - started) / 1000).toFixed(1);
const width = Math.max(...times.map((t) => t.name.length));
console.log(`\n== time per stage\n${times.map((t) => `   ${t.name.padEnd(width)}  ${t.seconds.padStart(6)}s`).join('\n')}\n   ${'total'.padEnd(width)}  ${total.padStart(6)}s`);
const files: FileTime[] = timeReports().flatMap((file) => readFileTimes(JSON.parse(readFileSync(file, 'utf8')) as VitestReport, root));
if (files.length > 0) console.log(`\n== time per test suite, with its slowest files\n${formatTimeTable(files)}`);
console.log(`\n== all ${stages.length} stages passed in ${total}s`);
