// `npm run test:docker [-- <part of a file's path> ...]` (and the Docker stage of `npm test`, with
// `--with-unit`): the Docker test
// files in shards that run side by side, each on an engine of its own. The guide's names and host
// port 3000 exist once per engine and network namespace, so within a shard files run one at a
// time, as before; across shards they do not meet. The `host` shard runs on the default engine
// (with the files that need this machine's network or start engines of their own, shards.ts);
// each other shard on an isolated engine (scripts/docker/engines/isolated.ts), its vitest in that
// engine's network namespace with DOCKER_HOST set. GUIDE_DOCKER_SHARDS=<n> sets how many isolated
// engines (default: one per two cores, at most four, none on one core, shards.ts; 0: every file on the
// default engine). Files are spread by their time in the
// last run on this machine (.cache/test/docker-times.json). The isolated engines stop at the end, also after a
// failure or Ctrl-C. Each shard writes reports/vitest-<shard>.json; the exit code is 1 when any
// shard failed. A fresh checkout plans by test/docker/shard-times.json, which only
// `node scripts/test/docker-shards.ts --save-baseline` rewrites.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { inNamespace, startIsolatedEngine, stopIsolatedEngine, type IsolatedEngine } from '../docker/engines/isolated.ts';
import { defaultIsolatedShards, planShards, UNIT_KEY, type Shard } from './shards.ts';
import { readFileTimes, type VitestReport } from './times.ts';

const root = path.resolve(import.meta.dirname, '../..');
const withUnit = process.argv.includes('--with-unit');
const saveBaseline = process.argv.includes('--save-baseline');
const count = process.env.GUIDE_DOCKER_SHARDS === undefined ? defaultIsolatedShards(os.availableParallelism()) : Number(process.env.GUIDE_DOCKER_SHARDS);
if (!Number.isInteger(count) || count < 0 || count > 8) {
  console.error(`GUIDE_DOCKER_SHARDS=${process.env.GUIDE_DOCKER_SHARDS}: give a whole number of isolated engines from 0 to 8 (0: every Docker file on the default engine)`);
  process.exit(2);
}
const timesFile = path.join(root, '.cache', 'test', 'docker-times.json'); // this machine's last run
const baselineFile = path.join(root, 'test', 'docker', 'shard-times.json'); // committed: a fresh checkout's plan (`--save-baseline` rewrites it)
const vitestBin = path.join(path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

function listTestFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => path.posix.join(dir, f.split(path.sep).join('/')))
    .sort();
}

function readTimes(file = existsSync(timesFile) ? timesFile : baselineFile): Record<string, number> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

const reportOf = (shard: Shard) => path.join(root, 'reports', `vitest-${shard.name === 'host' ? (withUnit ? 'unit-docker' : 'docker') : `docker-${shard.name}`}.json`);

/** The shard's vitest: the host's with the unit project when asked, an isolated one in its engine's namespace. */
function vitestArgv(shard: Shard, engine: IsolatedEngine | undefined): string[] {
  const projects = shard.name === 'host' && withUnit ? ['unit', 'docker'] : ['docker'];
  const filters = shard.name === 'host' && withUnit ? ['test/unit/', ...shard.files] : shard.files;
  const argv = [process.execPath, vitestBin, 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${reportOf(shard)}`, ...filters];
  return engine ? inNamespace(engine.name, argv) : argv;
}

/** Runs one shard's vitest, each line of its output prefixed by the shard's name; resolves with its exit code. */
function runShard(shard: Shard, engine: IsolatedEngine | undefined, children: Set<ChildProcess>): Promise<number> {
  const [cmd, ...args] = vitestArgv(shard, engine) as [string, ...string[]];
  const env = { ...process.env, ...(engine ? { DOCKER_HOST: engine.host } : {}), ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) };
  const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const prefix = `[${shard.name}] `;
  for (const [stream, out] of [[child.stdout!, process.stdout], [child.stderr!, process.stderr]] as const) {
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop()!;
      for (const line of lines) out.write(`${prefix}${line}\n`);
    });
    stream.on('end', () => rest && out.write(`${prefix}${rest}\n`));
  }
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal === 'SIGINT' ? 130 : 1));
    }),
  );
}

/** Each file's time from the shards' reports, kept for the next run's plan. */
function saveTimes(shards: Shard[]): void {
  const times = readTimes();
  for (const shard of shards) {
    const report = reportOf(shard);
    if (!existsSync(report)) continue;
    const files = readFileTimes(JSON.parse(readFileSync(report, 'utf8')) as VitestReport, root);
    for (const f of files) if (f.project === 'docker') times[f.file] = Math.round(f.seconds * 10) / 10;
    const unit = files.filter((f) => f.project === 'unit');
    if (unit.length > 0) times[UNIT_KEY] = Math.round(unit.reduce((sum, f) => sum + f.seconds, 0) * 10) / 10;
  }
  const text = `${JSON.stringify(Object.fromEntries(Object.entries(times).sort(([a], [b]) => a.localeCompare(b))), null, 2)}\n`;
  mkdirSync(path.dirname(timesFile), { recursive: true });
  writeFileSync(timesFile, text);
  if (saveBaseline) writeFileSync(baselineFile, text);
}

const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('--')); // as vitest takes them: part of a file's path
const files = listTestFiles('test/docker').filter((file) => filters.length === 0 || filters.some((f) => file.includes(f.replace(/^\.\//, ''))));
if (files.length === 0) {
  console.error(`docker tests: no file under test/docker/ matches ${filters.join(', ')}`);
  process.exit(2);
}
const names = Array.from({ length: count }, (_, i) => `isolated-${i + 1}`);
const times = readTimes();
const shards = planShards(files, names, times, withUnit ? (times[UNIT_KEY] ?? 0) : 0);
console.log(`docker tests: ${files.length} files ${shards.length === 1 ? 'on the default engine' : `in ${shards.length} shards side by side`}${withUnit ? ' (the unit tests in the host shard)' : ''}`);
for (const shard of shards) console.log(`  ${shard.name}: ${shard.files.length} files, ~${Math.round(shard.seconds)}s last run${shard.name === 'host' && withUnit ? ' with the unit tests' : ''}: ${shard.files.map((f) => path.basename(f, '.test.ts')).join(', ')}`);
for (const shard of shards) rmSync(reportOf(shard), { force: true });

const engines = new Map<string, IsolatedEngine>();
const children = new Set<ChildProcess>();
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupted = true; // the shards end (Ctrl-C reaches them too; SIGTERM is passed on), then the engines stop
    if (signal === 'SIGTERM') for (const child of children) child.kill('SIGTERM');
  });
}

let code = 0;
const started = performance.now();
try {
  const isolated = shards.filter((s) => s.name !== 'host');
  const t0 = performance.now();
  const starts = await Promise.allSettled(isolated.map((s) => startIsolatedEngine(s.name)));
  for (const start of starts) if (start.status === 'fulfilled') engines.set(start.value.name, start.value);
  const failed = starts.find((start) => start.status === 'rejected');
  if (failed) throw failed.reason as Error; // the ones that started stop below
  if (isolated.length > 0) console.log(`isolated engines ready in ${((performance.now() - t0) / 1000).toFixed(1)}s: ${[...engines.values()].map((e) => `${e.name} (Docker ${e.serverVersion}, ${e.host})`).join(', ')}`);
  const timed = await Promise.all(
    shards.map(async (shard) => {
      const t = performance.now();
      const exit = interrupted ? 130 : await runShard(shard, engines.get(shard.name), children);
      return { shard, exit, seconds: (performance.now() - t) / 1000 };
    }),
  );
  saveTimes(shards);
  console.log(`\ndocker tests: ${timed.map((t) => `${t.shard.name} ${t.exit === 0 ? 'passed' : `FAILED (exit ${t.exit})`} in ${t.seconds.toFixed(1)}s`).join('; ')}; ${((performance.now() - started) / 1000).toFixed(1)}s in all`);
  code = interrupted ? 130 : timed.some((t) => t.exit !== 0) ? 1 : 0;
} catch (error) {
  console.error(`docker tests: ${(error as Error).message}\n  What to do: GUIDE_DOCKER_SHARDS=0 runs every Docker file on the default engine, one at a time`);
  code = 1;
} finally {
  await Promise.all([...engines.values()].map((engine) => stopIsolatedEngine(engine)));
}
process.exit(code);
