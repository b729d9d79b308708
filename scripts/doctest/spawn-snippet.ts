// Stage "run": one generated snippet as its own process (`node snippets/step2.mjs`), with
// GUIDE_EVENTS and GUIDE_STATE_DIR set. It is spawned early (prewarm.mjs loads the runtime, then
// waits) and started when its needs are done, so node's start-up is off the critical path. Its RunEvents are read as they are written, so a case is
// reported as soon as its command ends. Two deadlines: per command (the page's `timeout`, plus a
// grace for the runtime to report its own timeout) and per snippet; either kills the process
// group and reports the command in flight as timed out. Running never compares.
import { spawn } from 'node:child_process';
import { openSync, readSync, closeSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { RunEvent } from '../page/types.ts';
import type { SnippetPlan } from './plan.ts';

export interface SnippetOutcome {
  exitCode: number | null;
  killed?: 'command-timeout' | 'snippet-timeout' | 'interrupted';
  error?: string; // the step-end error, or why the process was killed
  output: string; // its stdout and stderr, last 8 KB
  durationMs: number;
}

export interface SpawnOptions {
  cwd: string;
  eventsDir: string; // one events file per snippet goes here
  stateDir: string; // GUIDE_STATE_DIR, shared by the run's snippets
  signal: AbortSignal; // Ctrl-C
  onEvent: (event: RunEvent) => void;
}

const graceMs = 3_000;
const pollMs = 15;

export interface SnippetProcess {
  start(env?: Record<string, string>): Promise<SnippetOutcome>; // lets it run, with `env` added; resolves when it has ended
  cancel(): void; // before start: it ends without running anything
}

const prewarm = path.join(import.meta.dirname, 'prewarm.mjs');

/** Spawns the snippet, held before its first line until `start()`. */
export function spawnSnippet(plan: SnippetPlan, options: SpawnOptions): SnippetProcess {
  let started = performance.now();
  const eventsFile = path.join(options.eventsDir, `${plan.name}.jsonl`);
  writeFileSync(eventsFile, '');
  const child = spawn(process.execPath, ['--import', prewarm, plan.file], {
    cwd: options.cwd,
    env: {
      ...process.env,
      GUIDE_EVENTS: eventsFile,
      GUIDE_STATE_DIR: options.stateDir,
      FORCE_COLOR: '0',
      DOCTEST_PREWARM: plan.commands.some((c) => c.interactive) ? 'session' : 'step',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true, // its own process group: killed as a whole, and Ctrl-C reaches it only through us
  });
  let output = '';
  const keep = (data: Buffer) => (output = (output + data.toString()).slice(-8192));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  let killed: SnippetOutcome['killed'];
  let killReason = '';
  let inFlight: Extract<RunEvent, { kind: 'command-start' }> | undefined;
  let commandTimer: NodeJS.Timeout | undefined;
  let stepError: string | undefined;
  const kill = (why: NonNullable<SnippetOutcome['killed']>, reason: string) => {
    if (killed || child.exitCode !== null) return;
    [killed, killReason] = [why, reason];
    signalGroup(child.pid, 'SIGTERM');
    setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 1_000).unref();
  };
  const handle = (event: RunEvent) => {
    if (event.kind === 'command-start') {
      inFlight = event;
      const timeout = plan.commands.find((c) => c.id === event.id)?.timeout ?? 60;
      clearTimeout(commandTimer);
      commandTimer = setTimeout(() => kill('command-timeout', `${event.at.file}:${event.at.line}: no end after ${timeout}s`), timeout * 1000 + graceMs);
    }
    if (event.kind === 'command-end') {
      inFlight = undefined;
      clearTimeout(commandTimer);
    }
    if (event.kind === 'step-end' && !event.ok) stepError = event.error;
    options.onEvent(event);
  };
  const tail = tailJsonLines(eventsFile, handle);
  let poll: NodeJS.Timeout | undefined;
  let snippetTimer: NodeJS.Timeout | undefined;
  const onAbort = () => kill('interrupted', 'interrupted (SIGINT/SIGTERM)');
  options.signal.addEventListener('abort', onAbort, { once: true });
  if (options.signal.aborted) onAbort();
  child.stdin.on('error', () => {}); // a snippet that died before its start
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));

  const start = async (env: Record<string, string> = {}): Promise<SnippetOutcome> => {
    started = performance.now();
    poll = setInterval(tail, pollMs);
    snippetTimer = setTimeout(() => kill('snippet-timeout', `the snippet did not end within ${plan.deadlineMs / 1000}s`), plan.deadlineMs);
    child.stdin.end(`${JSON.stringify(env)}\n`); // prewarm.mjs sets these, then the snippet runs
    return closed.then((exitCode) => {
      clearInterval(poll);
      clearTimeout(snippetTimer);
      clearTimeout(commandTimer);
      options.signal.removeEventListener('abort', onAbort);
      tail();
      if (killed && inFlight) handle(timedOutEnd(inFlight, killed === 'interrupted'));
      const error = killed ? killReason : (stepError ?? (exitCode === 0 ? undefined : `exited with ${exitCode}`));
      return { exitCode, killed, error, output, durationMs: Math.round(performance.now() - started) };
    });
  };
  const cancel = () => {
    options.signal.removeEventListener('abort', onAbort);
    child.stdin.end(); // no line: prewarm.mjs exits without running the snippet
  };
  return { start, cancel };
}

/** The `command-end` a killed command never wrote. */
function timedOutEnd(start: Extract<RunEvent, { kind: 'command-start' }>, interrupted: boolean): RunEvent {
  const durationMs = Date.now() - start.time;
  return { kind: 'command-end', id: start.id, at: start.at, text: start.text, output: '', exitCode: null, durationMs, timedOut: !interrupted, containers: [] };
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  try {
    if (pid) process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Returns a function that reads the lines appended since its last call and hands each event on. */
function tailJsonLines(file: string, onEvent: (event: RunEvent) => void): () => void {
  let offset = 0;
  let partial = '';
  const buffer = Buffer.alloc(65536);
  const decoder = new StringDecoder('utf8');
  return () => {
    const fd = openSync(file, 'r');
    try {
      for (let n = readSync(fd, buffer, 0, buffer.length, offset); n > 0; n = readSync(fd, buffer, 0, buffer.length, offset)) {
        offset += n;
        partial += decoder.write(buffer.subarray(0, n));
      }
    } finally {
      closeSync(fd);
    }
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) onEvent(JSON.parse(line) as RunEvent);
  };
}
