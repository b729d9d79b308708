// One timed run of a contender, as the operating system accounts for it: GNU time (`/usr/bin/time`)
// runs the command and writes its wall time, the CPU time of the whole process tree (user + system,
// children included) and the peak resident memory of its largest process; /proc/stat, read before
// and after, how busy the whole machine was meanwhile (the Docker engine and the containers
// included, which GNU time cannot see: they are no children of the command). The figures' readers
// and the median are pure; `measure` runs the command.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Figures {
  wallS: number;
  cpuS: number; // user + system, the command and every process it waited for
  peakMiB: number; // the largest single process's peak resident memory
  busy: number; // the share of all the machine's cores busy during the run, 0 to 1
}

/** The machine's CPU time so far from /proc/stat's first line, in clock ticks: busy and in all. */
export function readCpuTicks(procStat: string): { busy: number; total: number } {
  const fields = (procStat.split('\n')[0] ?? '').trim().split(/\s+/);
  if (fields[0] !== 'cpu' || fields.length < 8) throw new Error(`/proc/stat: no cpu line in "${procStat.slice(0, 80)}"`);
  const [user, nice, system, idle, iowait, irq, softirq, steal = 0] = fields.slice(1, 9).map(Number) as number[];
  const busy = user! + nice! + system! + irq! + softirq! + steal;
  return { busy, total: busy + idle! + iowait! };
}

/** The busy share between two readings of readCpuTicks. */
export function busyShare(before: { busy: number; total: number }, after: { busy: number; total: number }): number {
  const total = after.total - before.total;
  return total > 0 ? (after.busy - before.busy) / total : 0;
}

export const TIME_FORMAT = 'wall=%e user=%U sys=%S maxrss=%M status=%x';

/** GNU time's line (TIME_FORMAT) into figures and the command's exit status; an Error naming what is missing. */
export function readTimeLine(text: string): Omit<Figures, 'busy'> & { status: number } {
  const line = text.trim().split('\n').at(-1) ?? '';
  const field = (name: string): number => {
    const m = new RegExp(`\\b${name}=(-?[0-9.]+)`).exec(line);
    if (!m) throw new Error(`/usr/bin/time wrote no ${name}= in "${line}"`);
    return Number(m[1]);
  };
  return { wallS: field('wall'), cpuS: field('user') + field('sys'), peakMiB: field('maxrss') / 1024, status: field('status') };
}

/** The median of each figure over runs. */
export function medianFigures(runs: readonly Figures[]): Figures {
  const median = (pick: (f: Figures) => number) => {
    const sorted = runs.map(pick).sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  return { wallS: median((f) => f.wallS), cpuS: median((f) => f.cpuS), peakMiB: median((f) => f.peakMiB), busy: median((f) => f.busy) };
}

export interface Contender {
  name: string;
  argv: [string, ...string[]];
  /** exit statuses that count as a run of it (cram exits 1 when an output differs) */
  okStatus?: readonly number[];
}

/** Runs the contender once under /usr/bin/time in `cwd`; throws with its output when it fails. */
export function measure(contender: Contender, cwd: string): Figures {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-time-'));
  try {
    const file = path.join(dir, 'time.txt');
    const before = readCpuTicks(readFileSync('/proc/stat', 'utf8'));
    const result = spawnSync('/usr/bin/time', ['-o', file, '-f', TIME_FORMAT, ...contender.argv], { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const busy = busyShare(before, readCpuTicks(readFileSync('/proc/stat', 'utf8')));
    if (result.error) throw new Error(`bench: could not start /usr/bin/time for ${contender.name}: ${result.error.message}`);
    const { status, ...figures } = readTimeLine(readFileSync(file, 'utf8'));
    if (status !== 0 && !(contender.okStatus ?? []).includes(status)) {
      const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-30).join('\n');
      throw new Error(`bench: ${contender.name} (${contender.argv.join(' ')}) exited ${status}\n${output}`);
    }
    return { ...figures, busy };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
