// Before a run touches the engine: which engine it is (`docker info` ID), its lock (a second
// run queues behind the first, engine-lock.ts), and what an earlier run on it could not remove
// (leftovers.ts), removed first by the usual clean-up rules. What the run then creates is kept
// in that engine's run folder until its own clean-up succeeds. An engine that does not answer
// is left to preflight, which says so; such a run creates nothing.
import path from 'node:path';
import { removeRunContainers, removeUntilQuiet, type CleanupScope } from './cleanup.ts';
import { askEngine } from '../../snippets/lib/engine.mjs';
import { acquireEngineLock } from './engine-lock.ts';
import type { Reporter } from './events.ts';
import { dropRun, findUnfinishedRun, runDirFor, saveRun } from './leftovers.ts';

export interface ClaimOptions {
  wait: boolean;
  waitTimeoutMs: number;
  signal?: AbortSignal;
}

export interface EngineClaim {
  engineId?: string;
  stateDir: string; // the run's state folder, handed to its snippets
  /** keeps what the run is about to create, so a run that cannot remove it leaves it findable */
  save(scope: CleanupScope, since: Date): void;
  /** the run's clean-up succeeded: nothing of it is left */
  finished(): void;
  release(): void;
}

/** The engine's ID, or undefined when it does not answer (preflight reports that). */
export async function readEngineId(): Promise<string | undefined> {
  return (await askEngine(10_000)).engine?.id;
}

/** Whether the engine answers now: after a failure, tells an engine fault from a page's. */
export async function engineAnswers(): Promise<boolean> {
  return (await readEngineId()) !== undefined;
}

/** Removes what the unfinished run on this engine created; resolves with whether there was one. */
async function removeLeftovers(root: string, engineId: string, report: Reporter): Promise<boolean> {
  const runDir = runDirFor(root, engineId);
  const unfinished = findUnfinishedRun(runDir);
  if (!unfinished) return false;
  const from = `the run of ${unfinished.since} (pid ${unfinished.pid}), which could not finish its clean-up`;
  // its processes may have died a moment ago, a command's request still landing in the engine
  const removed = await removeUntilQuiet(() => removeRunContainers(unfinished.scope)).catch((error: Error) => {
    report({ kind: 'leftovers', from, removed: [], error: error.message });
    throw new Error(`could not remove what ${from} left on this engine: ${error.message.split('\n')[0]}; once the engine answers, run \`npm run doctest -- --cleanup\``);
  });
  report({ kind: 'leftovers', from, removed });
  dropRun(runDir);
  return true;
}

/** Claims the engine for this run: its lock, then its leftovers removed. */
export async function claimEngine(root: string, tmp: string, options: ClaimOptions, report: Reporter): Promise<EngineClaim> {
  const engineId = await readEngineId();
  if (!engineId) return { stateDir: path.join(tmp, 'state'), save: () => undefined, finished: () => undefined, release: () => undefined };
  const release = await acquireEngineLock({
    engineId,
    wait: options.wait,
    timeoutMs: options.waitTimeoutMs,
    onWait: (message) => report({ kind: 'waiting', message }),
    signal: options.signal,
  });
  try {
    await removeLeftovers(root, engineId, report);
  } catch (error) {
    release();
    throw error;
  }
  const runDir = runDirFor(root, engineId);
  return {
    engineId,
    stateDir: runDir.stateDir,
    save: (scope, since) => saveRun(runDir, scope, since),
    finished: () => dropRun(runDir),
    release,
  };
}

/** `npm run doctest -- --cleanup`: only the leftovers of an unfinished run on this engine. */
export async function cleanupLeftovers(root: string, options: ClaimOptions, report: Reporter): Promise<number> {
  const engineId = await readEngineId();
  if (!engineId) {
    report({ kind: 'run-error', message: '`docker info`: the Docker engine is not reachable; start it (`npm run docker:setup`), then run `npm run doctest -- --cleanup` again' });
    return 2;
  }
  let release: (() => void) | undefined;
  try {
    release = await acquireEngineLock({
      engineId,
      wait: options.wait,
      timeoutMs: options.waitTimeoutMs,
      onWait: (message) => report({ kind: 'waiting', message }),
      signal: options.signal,
    });
    if (!(await removeLeftovers(root, engineId, report))) report({ kind: 'leftovers', from: 'no unfinished doc-test run on this engine', removed: [] });
    return 0;
  } catch (error) {
    report({ kind: 'run-error', message: (error as Error).message });
    return 2;
  } finally {
    release?.();
  }
}
