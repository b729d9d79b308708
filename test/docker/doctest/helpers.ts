// One helper for the Docker-backed doc-test tests: hold the guide's lock, run the doc-test as a
// child process (reading its report events), copy the pages into a temporary content folder.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { ReportEvent } from '../../../scripts/doctest/events.ts';
import { runnerArgv } from '../../../scripts/doctest/node-flags.mjs';
import { holdGuideLock } from '../../../scripts/docker/guide-lock.ts';

export const root = path.resolve(import.meta.dirname, '../../..');

/** Every temporary folder of a test file lives here, and goes after the file's tests. */
const scratch = mkdtempSync(path.join(os.tmpdir(), 'doctest-tests-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `fn` while holding the guide's lock on the engine the tests use (scripts/docker/guide-lock.ts). */
export async function withGuideLock<T>(fn: () => Promise<T>): Promise<T> {
  const release = await holdGuideLock();
  try {
    return await fn();
  } finally {
    await release();
  }
}

export interface DoctestRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  output: string; // stdout and stderr
  events: ReportEvent[];
}

/** Starts the runner as `npm run doctest <args>` does (or another argv), with an events file. */
export function startDoctest(args: string[], options: { env?: NodeJS.ProcessEnv; argv?: string[]; junit?: string } = {}) {
  const dir = mkdtempSync(path.join(scratch, 'run-'));
  const eventsFile = path.join(dir, 'events.jsonl');
  const junitFile = options.junit ?? path.join(dir, 'junit.xml'); // the run's record goes beside it
  const reportArgs = ['--events', eventsFile, '--junit', junitFile];
  const argv = options.argv ?? runnerArgv(root);
  const child: ChildProcess = spawn(argv[0]!, [...argv.slice(1), ...args, ...reportArgs], {
    cwd: root,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, as a terminal's foreground job: Ctrl-C = SIGINT to the group
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const readEvents = (): ReportEvent[] =>
    existsSync(eventsFile) ? readFileSync(eventsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ReportEvent) : [];
  const done = new Promise<DoctestRun>((resolve) =>
    child.on('close', (exitCode, signal) => resolve({ exitCode, signal, output, events: readEvents() })),
  );
  return { child, done, readEvents, junitFile };
}

export function runDoctest(args: string[], env?: NodeJS.ProcessEnv): Promise<DoctestRun> {
  return startDoctest(args, { env }).done;
}

/** A temporary content folder: the named pages of content/ plus extra pages; returns its path. */
export function makeContent(copy: string[], extra: Record<string, string> = {}): string {
  const dir = path.join(mkdtempSync(path.join(scratch, 'pages-')), 'content');
  mkdirSync(dir, { recursive: true });
  for (const name of copy) cpSync(path.join(root, 'content', name), path.join(dir, name));
  for (const [name, text] of Object.entries(extra)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** Every container id on the engine, sorted. */
export function containerIds(): string[] {
  return execFileSync('docker', ['ps', '-aq', '--no-trunc'], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
}

/** How the runner names a file in that folder (relative to the project root). */
export function pageName(contentDir: string, page: string): string {
  return path.relative(root, path.join(contentDir, page));
}
