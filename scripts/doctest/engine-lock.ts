// Runs that share an engine queue. A doc-test run holds a lock file per Docker engine (by its
// `docker info` ID, so two DOCKER_HOST spellings of one engine are one lock) while it creates
// and removes the guide's containers; a second run on that engine waits, saying who holds it
// (pid, command, since when), up to a bound, then runs; `--no-wait` fails at once with the same
// words. The lock is a file created exclusively (`wx`); one whose process is gone is stale and
// taken over. Released by the process that took it, also when it ends on a signal.
import { mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LockHolder {
  pid: number;
  since: string; // ISO 8601
  command: string; // "npm run doctest -- --matrix"
  host: string; // DOCKER_HOST as the holder had it, or "the default docker context"
}

export interface LockOptions {
  engineId: string;
  wait: boolean; // false: --no-wait
  timeoutMs: number;
  onWait?: (message: string) => void; // said once, when the run starts waiting
  dir?: string;
  pollMs?: number;
  signal?: AbortSignal; // Ctrl-C while waiting: stop waiting, nothing ran
}

export class EngineBusyError extends Error {}

export const lockDir = path.join(os.tmpdir(), 'docker-links-guide-doctest');

/** The lock file of an engine: its ID made safe as a file name. */
export function lockPath(engineId: string, dir = lockDir): string {
  return path.join(dir, `engine-${engineId.replace(/[^A-Za-z0-9_.-]/g, '_')}.lock`);
}

/** "another doc-test run (pid 4242, `npm run doctest`, since 14:03:12 UTC, 42s ago) is using this engine". Pure. */
export function describeHolder(holder: LockHolder, now = Date.now()): string {
  const since = new Date(holder.since);
  const ago = Math.max(0, Math.round((now - since.getTime()) / 1000));
  const clock = since.toISOString().slice(11, 19);
  return `another doc-test run (pid ${holder.pid}, \`${holder.command}\`, since ${clock} UTC, ${ago}s ago) is using this Docker engine (${holder.host})`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    return Number.isInteger(holder.pid) ? holder : undefined;
  } catch {
    return undefined; // gone, or being written
  }
}

/** Moves a stale lock aside, unless it was replaced by a live one in the meantime (then puts that back). */
function takeOverStale(file: string, stale: LockHolder | undefined): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // someone else took it over first
  }
  const moved = readHolder(aside);
  if (moved && stale && moved.pid !== stale.pid && isAlive(moved.pid)) renameSync(aside, file);
  else rmSync(aside, { force: true });
}

/** Takes the engine's lock, waiting as the options say; resolves with the function that releases it. */
export async function acquireEngineLock(options: LockOptions): Promise<() => void> {
  const { engineId, wait, timeoutMs, onWait, dir = lockDir, pollMs = 250, signal } = options;
  mkdirSync(dir, { recursive: true });
  const file = lockPath(engineId, dir);
  const mine: LockHolder = {
    pid: process.pid,
    since: new Date().toISOString(),
    command: process.argv.length > 2 ? `npm run doctest -- ${process.argv.slice(2).join(' ')}` : 'npm run doctest',
    host: process.env.DOCKER_HOST ? `DOCKER_HOST=${process.env.DOCKER_HOST}` : 'the default docker context',
  };
  const started = Date.now();
  let told = false;
  for (;;) {
    if (signal?.aborted) throw new EngineBusyError('interrupted while waiting for the engine; nothing ran');
    try {
      writeFileSync(file, `${JSON.stringify(mine)}\n`, { flag: 'wx' });
      const release = () => {
        if (readHolder(file)?.pid === process.pid) unlinkSync(file);
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    if (holder === undefined || !isAlive(holder.pid)) {
      // unreadable for more than a moment, or its process is gone: stale
      if (holder !== undefined || Date.now() - started > 2000) takeOverStale(file, holder);
    } else {
      const busy = describeHolder(holder);
      if (!wait) throw new EngineBusyError(`${busy}; --no-wait was given, so nothing ran. Wait for it, or run again without --no-wait to queue`);
      if (Date.now() - started > timeoutMs) {
        throw new EngineBusyError(`${busy}, still after ${Math.round(timeoutMs / 1000)}s of waiting; nothing ran. Let it finish, then run again`);
      }
      if (!told) onWait?.(`doctest: ${busy}; waiting for it to finish (at most ${Math.round(timeoutMs / 60_000)} min; --no-wait fails at once instead)`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
