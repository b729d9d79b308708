// One timed run of a contender, as the operating system accounts for it: GNU time (`/usr/bin/time`)
// runs the command and writes its wall time, the CPU time of the whole process tree (user + system,
// children included) and the peak resident memory of its largest process. The figures' reader
// and the median are pure; `measure` runs the command.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Figures {
  wallS: number;
  cpuS: number; // user + system, the command and every process it waited for
  peakMiB: number; // the largest single process's peak resident memory
}

export const TIME_FORMAT = 'wall=%e user=%U sys=%S maxrss=%M status=%x';

/** GNU time's line (TIME_FORMAT) into figures and the command's exit status; an Error naming what is missing. */
export function readTimeLine(text: string): Figures & { status: number } {
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
  return { wallS: median((f) => f.wallS), cpuS: median((f) => f.cpuS), peakMiB: median((f) => f.peakMiB) };
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
    const result = spawnSync('/usr/bin/time', ['-o', file, '-f', TIME_FORMAT, ...contender.argv], { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.error) throw new Error(`bench: could not start /usr/bin/time for ${contender.name}: ${result.error.message}`);
    const { status, ...figures } = readTimeLine(readFileSync(file, 'utf8'));
    if (status !== 0 && !(contender.okStatus ?? []).includes(status)) {
      const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-30).join('\n');
      throw new Error(`bench: ${contender.name} (${contender.argv.join(' ')}) exited ${status}\n${output}`);
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
