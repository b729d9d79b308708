// `npm run bench:doctest [-- rounds]`: the doc-test runner against the same commands run without
// it, side by side, on the engine DOCKER_HOST names, warm images:
//   the whole guide: the runner as `npm run doctest` starts it against the bare sequence (bench-script.ts: the
//   same commands in the order a full run runs them, the errors provoked on purpose included);
//   the lesson (the index and steps 1 to 4 as a content folder): the runner against cram
//   (Debian's python3-cram) running the same commands and checking what it can (bench-cram.ts).
// Each contender runs once to warm up, then `rounds` times, the pairs alternated; every run is
// measured by /usr/bin/time (bench-measure.ts). Prints each round, then the median wall time,
// CPU time and peak memory of each, how busy the whole machine was (the engine's work included),
// the median of the pairs' ratios, and each target; exits 1
// when a target is missed. Installs cram and GNU time from Debian when they are missing (root).
// It creates the guide's containers: it holds the engine's guide lock (scripts/docker/guide-lock.ts), as the Docker suites do.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { discoverPages } from '../page/discover.ts';
import { renderCram } from './bench-cram.ts';
import { measure, medianFigures, type Contender, type Figures } from './bench-measure.ts';
import { renderBaseline } from './bench-script.ts';
import { runnerArgv } from './node-flags.mjs';
import { holdGuideLock } from '../docker/guide-lock.ts';

const root = path.resolve(import.meta.dirname, '../..');
const rounds = Number(process.argv[2] ?? 5);
const LESSON = ['index', 'step1', 'step2', 'step3', 'step4'];
const TARGETS = { guideWall: 0.8, lessonWall: 0.8, lessonCpu: 2, peakMiB: 64 };

function ensureTools(): void {
  const missing = [
    ['/usr/bin/time', 'time'],
    ['cram3', 'python3-cram'],
  ].filter(([command]) => spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0).map(([, pkg]) => pkg!);
  if (missing.length === 0) return;
  console.log(`bench: installing ${missing.join(' ')} from Debian`);
  const result = spawnSync('apt-get', ['install', '-y', '-q', ...missing], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`bench: needs ${missing.join(' and ')}: run apt-get install ${missing.join(' ')} as root, then again`);
}

function engineVersion(): string {
  const result = spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`bench: no Docker engine answers (docker version: ${result.stderr.trim()}); start one with npm run docker:setup`);
  return result.stdout.trim();
}

ensureTools();
const releaseLock = await holdGuideLock();
const engine = engineVersion();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'doctest-bench-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const { pages } = await discoverPages(root);
const lessonDir = path.join(tmp, 'lesson', 'content');
mkdirSync(lessonDir, { recursive: true });
for (const id of LESSON) copyFileSync(path.join(root, 'content', `${id}.mdx`), path.join(lessonDir, `${id}.mdx`));
const cram = renderCram(pages.filter((p) => LESSON.includes(p.id)), engine);
writeFileSync(path.join(tmp, 'lesson.t'), cram.text);
writeFileSync(path.join(tmp, 'guide.sh'), renderBaseline(pages), { mode: 0o755 });

const runner = (args: string[]): [string, ...string[]] => [...runnerArgv(root), ...args];
const pairs: { title: string; ours: Contender; theirs: Contender }[] = [
  {
    title: 'the whole guide',
    ours: { name: 'doctest (guide)', argv: runner(['--junit', path.join(tmp, 'guide', 'junit.xml')]) },
    theirs: { name: 'bare sequence (guide)', argv: ['bash', path.join(tmp, 'guide.sh')] },
  },
  {
    title: 'the lesson',
    ours: { name: 'doctest (lesson)', argv: runner(['--content', lessonDir, '--junit', path.join(tmp, 'lesson', 'junit.xml')]) },
    theirs: { name: 'cram (lesson)', argv: ['cram3', '--shell=/bin/bash', path.join(tmp, 'lesson.t')] },
  },
];

const fmt = (f: Figures) => `${f.wallS.toFixed(2)}s wall ${f.cpuS.toFixed(2)}s CPU ${f.peakMiB.toFixed(0)} MiB ${(f.busy * 100).toFixed(0)}% busy`;
console.log(`bench: Docker ${engine}, ${rounds} rounds after one warm-up each, pairs alternated`);
console.log(`bench: cram checks the output of ${cram.checked} of ${cram.checked + cram.unchecked.length} commands; it runs ${cram.unchecked.join(', ')} without comparing`);
const runs = new Map<string, Figures[]>();
const ratios = { guideWall: [] as number[], lessonWall: [] as number[], lessonCpu: [] as number[] };
for (const { ours, theirs } of pairs) [theirs, ours].forEach((c) => measure(c, root));
for (let round = 1; round <= rounds; round += 1) {
  const line: string[] = [];
  for (const [index, { ours, theirs }] of pairs.entries()) {
    const order = round % 2 === 1 ? [ours, theirs] : [theirs, ours];
    const figures = new Map(order.map((c) => [c.name, measure(c, root)] as const));
    for (const [name, f] of figures) runs.set(name, [...(runs.get(name) ?? []), f]);
    const [o, t] = [figures.get(ours.name)!, figures.get(theirs.name)!];
    if (index === 0) ratios.guideWall.push(o.wallS / t.wallS);
    else ratios.lessonWall.push(o.wallS / t.wallS), ratios.lessonCpu.push(o.cpuS / t.cpuS);
    line.push(`${ours.name} ${fmt(o)} | ${theirs.name} ${fmt(t)}`);
  }
  console.log(`round ${round}: ${line.join(' || ')}`);
}

const median = (xs: number[]) => medianFigures(xs.map((x) => ({ wallS: x, cpuS: 0, peakMiB: 0, busy: 0 }))).wallS;
const width = Math.max(...[...runs.keys()].map((n) => n.length));
console.log(`\nmedians of ${rounds} runs each`);
console.log(`  ${'contender'.padEnd(width)}  ${'wall'.padStart(7)}  ${'CPU'.padStart(7)}  ${'peak'.padStart(8)}  ${'machine busy'.padStart(12)}`);
for (const [name, list] of runs) {
  const m = medianFigures(list);
  console.log(`  ${name.padEnd(width)}  ${`${m.wallS.toFixed(2)}s`.padStart(7)}  ${`${m.cpuS.toFixed(2)}s`.padStart(7)}  ${`${m.peakMiB.toFixed(0)} MiB`.padStart(8)}  ${`${(m.busy * 100).toFixed(0)}%`.padStart(12)}`);
}
const peak = medianFigures(runs.get('doctest (lesson)')!).peakMiB;
const checks = [
  { what: 'guide: doctest / bare sequence, wall', value: median(ratios.guideWall), target: TARGETS.guideWall, unit: 'x' },
  { what: 'lesson: doctest / cram, wall', value: median(ratios.lessonWall), target: TARGETS.lessonWall, unit: 'x' },
  { what: 'lesson: doctest / cram, CPU', value: median(ratios.lessonCpu), target: TARGETS.lessonCpu, unit: 'x' },
  { what: 'lesson: doctest peak memory', value: peak, target: TARGETS.peakMiB, unit: ' MiB' },
];
console.log('\ntargets (median of the pairs\' ratios)');
for (const c of checks) {
  const shown = c.unit === 'x' ? c.value.toFixed(2) : c.value.toFixed(0);
  console.log(`  ${c.value <= c.target ? 'met   ' : 'missed'}  ${c.what}: ${shown}${c.unit} (target at most ${c.target}${c.unit})`);
}
process.exitCode = checks.every((c) => c.value <= c.target) ? 0 : 1;
await releaseLock(); // the lock holder's pipes would otherwise keep this process, and the lock, alive
