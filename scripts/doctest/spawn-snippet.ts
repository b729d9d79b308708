// Stage "run": one generated snippet as its own process (`node snippets/step2.mjs`) with an IPC
// channel: the one typed channel between runner and script (snippets/lib/handover.mjs). It is
// spawned early (prewarm.mjs loads the runtime, then waits) and started, by the handover message,
// when its needs are done, so node's start-up is off the critical path. Its RunEvents arrive as
// messages as they happen, so a case is reported as soon as its command ends. Two deadlines: per command (the page's `timeout`, plus a
// grace for the runtime to report its own timeout) and per snippet; either kills the process
// group and reports the command in flight as timed out. Running never compares.
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { HandoverMessage } from '../../snippets/lib/handover.mjs';
import { LEAN_NODE_FLAGS } from './node-flags.mjs';
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
  signal: AbortSignal; // Ctrl-C
}

export type EventSink = (event: RunEvent) => void;

const graceMs = 3_000;

export interface SnippetProcess {
  start(handover: HandoverMessage, onEvent: EventSink): Promise<SnippetOutcome>; // lets it run, its events to `onEvent`; resolves when it has ended
  cancel(): Promise<number | null>; // before start: it ends without running anything; resolves with its exit code
}

const prewarm = path.join(import.meta.dirname, 'prewarm.mjs');

/** Spawns the snippet, held before its first line until `start()`. */
export function spawnSnippet(plan: SnippetPlan, options: SpawnOptions): SnippetProcess {
  let started = performance.now();
  const child = spawn(process.execPath, [...LEAN_NODE_FLAGS, '--import', prewarm, plan.file], {
    cwd: options.cwd,
    env: withoutGuideVariables(process.env), // the channel carries everything; a person's settings do not leak in
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    detached: true, // its own process group: killed as a whole, and Ctrl-C reaches it only through us
  });
  let output = '';
  const keep = (data: Buffer) => (output = (output + data.toString()).slice(-8192));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

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
  let sink: EventSink | undefined; // given at start: no event comes before the handover
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
    sink?.(event);
  };
  child.on('message', (message) => handle(message as RunEvent));
  child.on('error', () => {}); // a send to a snippet that died before its start
  let snippetTimer: NodeJS.Timeout | undefined;
  const onAbort = () => kill('interrupted', 'interrupted (SIGINT/SIGTERM)');
  options.signal.addEventListener('abort', onAbort, { once: true });
  if (options.signal.aborted) onAbort();
  // ended: exited, its output read to the end and its last messages received (the channel closes
  // after them). 'close' would say the same, but does not come when the channel was disconnected
  // before the child had set it up, so each is waited for.
  const streamEnd = (stream: NodeJS.ReadableStream | null) => new Promise<void>((resolve) => (stream ? stream.once('close', () => resolve()) : resolve()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const channelEnd = new Promise<void>((resolve) => (child.connected ? child.once('disconnect', () => resolve()) : resolve()));
  const closed = Promise.all([exited, streamEnd(child.stdout), streamEnd(child.stderr), channelEnd]).then(([code]) => code);

  const start = async (handover: HandoverMessage, onEvent: EventSink): Promise<SnippetOutcome> => {
    started = performance.now();
    sink = onEvent;
    snippetTimer = setTimeout(() => kill('snippet-timeout', `the snippet did not end within ${plan.deadlineMs / 1000}s`), plan.deadlineMs);
    if (child.connected) child.send(handover); // prewarm.mjs receives it, then the snippet runs
    return closed.then((exitCode) => {
      clearTimeout(snippetTimer);
      clearTimeout(commandTimer);
      options.signal.removeEventListener('abort', onAbort);
      if (killed && inFlight) handle(timedOutEnd(inFlight, killed === 'interrupted'));
      const error = killed ? killReason : (stepError ?? (exitCode === 0 ? undefined : `exited with ${exitCode}`));
      return { exitCode, killed, error, output, durationMs: Math.round(performance.now() - started) };
    });
  };
  const cancel = () => {
    options.signal.removeEventListener('abort', onAbort);
    if (child.connected) child.disconnect(); // no handover: prewarm.mjs exits without running the snippet
    return closed;
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

/** A person's GUIDE_* settings (a state folder, an events file) are not the run's. */
function withoutGuideVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('GUIDE_')));
}
