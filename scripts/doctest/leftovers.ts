// What a run created outlives a run that could not remove it (the engine stopped, the process
// was killed): each run keeps its clean-up scope and its snippets' state file in
// .cache/doctest/runs/<engine id>/ while it runs, and removes the folder once its clean-up
// succeeded. A folder still there when the next run on that engine starts (it holds the
// engine's lock, so the other run is over) is a run that did not finish: the next run, or
// `npm run doctest -- --cleanup`, removes what that run created, by the same rules, first.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CleanupScope } from './cleanup.ts';

export interface RunDir {
  dir: string;
  stateDir: string; // the run's state folder, handed to its snippets
  scopeFile: string;
}

export interface SavedRun {
  pid: number;
  since: string; // ISO 8601
  scope: CleanupScope;
}

/** .cache/doctest/runs/<engine id>/ under the project. */
export function runDirFor(root: string, engineId: string): RunDir {
  const dir = path.join(root, '.cache', 'doctest', 'runs', engineId.replace(/[^A-Za-z0-9_.-]/g, '_'));
  return { dir, stateDir: path.join(dir, 'state'), scopeFile: path.join(dir, 'scope.json') };
}

/** JSON with Sets written as `{ "$set": [...] }`, so a scope reads back as it was. Pure. */
export function serializeRun(run: SavedRun): string {
  return `${JSON.stringify(run, (_key, value: unknown) => (value instanceof Set ? { $set: [...value] } : value), 2)}\n`;
}

/** The inverse of serializeRun; throws naming the file when it is not one. Pure. */
export function parseRun(text: string, file: string): SavedRun {
  const run = JSON.parse(text, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && Array.isArray((value as { $set?: unknown }).$set) ? new Set((value as { $set: unknown[] }).$set) : value,
  ) as Partial<SavedRun>;
  if (!Number.isInteger(run.pid) || typeof run.since !== 'string' || typeof run.scope !== 'object' || run.scope === null) {
    throw new Error(`${file}: not a doc-test run's clean-up scope (pid, since, scope); remove the folder by hand once you have checked \`docker ps -a\``);
  }
  return run as SavedRun;
}

/** Keeps the scope of the run now starting (its state dir is the folder's). */
export function saveRun(runDir: RunDir, scope: CleanupScope, since: Date): void {
  mkdirSync(runDir.stateDir, { recursive: true });
  writeFileSync(runDir.scopeFile, serializeRun({ pid: process.pid, since: since.toISOString(), scope: { ...scope, stateDir: runDir.stateDir } }));
}

/** The run that left its folder behind, if any. */
export function findUnfinishedRun(runDir: RunDir): SavedRun | undefined {
  if (!existsSync(runDir.scopeFile)) {
    rmSync(runDir.dir, { recursive: true, force: true }); // a run stopped before it saved anything created nothing yet
    return undefined;
  }
  return parseRun(readFileSync(runDir.scopeFile, 'utf8'), runDir.scopeFile);
}

/** The run's clean-up is done: nothing of it is left to remove. */
export function dropRun(runDir: RunDir): void {
  rmSync(runDir.dir, { recursive: true, force: true });
}
