// `node scripts/doctest/bench.ts [rounds]`: wall time of `npm run doctest` (whole guide) against a
// plain shell script running the same commands in sequence (bench-script.ts), warm images,
// alternated, one warm-up each, then N rounds. Prints each round and the ratio (target <= 1.10).
// It creates the guide's containers: run it holding the lock,
//   flock /tmp/guide-docker.lock node scripts/doctest/bench.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { discoverPages } from '../page/discover.ts';
import { renderBaseline } from './bench-script.ts';

const root = path.resolve(import.meta.dirname, '../..');
const rounds = Number(process.argv[2] ?? 5);
const script = path.join(mkdtempSync(path.join(os.tmpdir(), 'doctest-bench-')), 'guide.sh');
writeFileSync(script, renderBaseline((await discoverPages(root)).pages), { mode: 0o755 });
process.on('exit', () => rmSync(path.dirname(script), { recursive: true, force: true }));

const contenders = {
  doctest: ['npm', ['run', '--silent', 'doctest', '--', '--junit', path.join(path.dirname(script), 'junit.xml')]],
  'shell script': ['bash', [script]],
} as const;
type Name = keyof typeof contenders;

function time(name: Name): number {
  const [cmd, args] = contenders[name];
  const t0 = performance.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (result.status !== 0) throw new Error(`bench: ${name} (${cmd} ${args.join(' ')}) exited ${result.status}\n${result.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(2)}s`;

console.log(`bench: ${rounds} rounds, alternated, after one warm-up each; baseline ${script}`);
time('shell script');
time('doctest');
const times: Record<Name, number[]> = { doctest: [], 'shell script': [] };
for (let round = 1; round <= rounds; round += 1) {
  const order: Name[] = round % 2 === 1 ? ['doctest', 'shell script'] : ['shell script', 'doctest'];
  for (const name of order) times[name].push(time(name));
  const [d, b] = [times.doctest.at(-1)!, times['shell script'].at(-1)!];
  console.log(`round ${round}: doctest ${s(d)}  shell script ${s(b)}  ratio ${(d / b).toFixed(2)}x`);
}
const [d, b] = [median(times.doctest), median(times['shell script'])];
console.log(`median: doctest ${s(d)}  shell script ${s(b)}  ratio ${(d / b).toFixed(2)}x (target <= 1.10x)`);
