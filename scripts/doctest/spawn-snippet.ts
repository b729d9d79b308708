// Stage "run": a snippet process (snippet-host.mjs) with an IPC channel, the one typed channel
// between runner and script (snippets/lib/handover.mjs). It is spawned early (it loads the runtime,
// then waits) and runs a snippet when it is handed one (`start`), its RunEvents arriving as
// messages as they happen, so a case is reported as soon as its command ends; `snippet-done` ends
// the snippet, and the process can be handed another. Two deadlines: per command (the page's
// `timeout`, plus a grace for the runtime to report its own timeout) and per snippet; either kills
// the process group (the process then runs nothing more) and reports the command in flight as
// timed out. Running never compares.
import type { ChildProcess } from 'node:child_process';
import type { DoneMessage, HandoverMessage } from '../../snippets/lib/handover.mjs';
import type { RunEvent } from '../page/types.ts';
import type { SnippetPlan } from './plan.ts';
import { startSnippetHost } from './snippet-host-process.mjs';

export interface SnippetOutcome {
  exitCode: number | null;
  killed?: 'command-timeout' | 'snippet-timeout' | 'interrupted';
  error?: string; // the step-end error, or why the process was killed
  output: string; // its stdout and stderr while it ran, last 8 KB
  durationMs: number;
}

export interface SpawnOptions {
  cwd: string;
  signal: AbortSignal; // Ctrl-C
}

export type EventSink = (event: RunEvent) => void;

const graceMs = 3_000;

export interface SnippetProcess {
  /** Runs `plan`'s snippet in it, its events to `onEvent`; resolves when the snippet has ended. */
  start(plan: SnippetPlan, handover: HandoverMessage, onEvent: EventSink): Promise<SnippetOutcome>;
  /** Lets it go: it runs nothing more and exits; resolves with its exit code. */
  cancel(): Promise<number | null>;
  /** Whether it can run another snippet: not exited, not killed, not let go. */
  usable(): boolean;
}

/** A snippet process, which waits for its first snippet: a new one, or `child` started earlier (bin.mjs). */
export function spawnSnippet(options: SpawnOptions, child: ChildProcess = startSnippetHost(options.cwd)): SnippetProcess {
  let output = '';
  const keep = (data: Buffer) => (output = (output + data.toString()).slice(-8192));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let killed: SnippetOutcome['killed'];
  let killReason = '';
  let letGo = false;
  const kill = (why: NonNullable<SnippetOutcome['killed']>, reason: string) => {
    if (killed || child.exitCode !== null) return;
    [killed, killReason] = [why, reason];
    signalGroup(child.pid, 'SIGTERM');
    setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 1_000).unref();
  };
  const onAbort = () => kill('interrupted', 'interrupted (SIGINT/SIGTERM)');
  options.signal.addEventListener('abort', onAbort, { once: true });
  if (options.signal.aborted) onAbort();
  child.on('error', () => {}); // a send to a process that died before it was handed its snippet
  // ended: exited, its output read to the end and its last messages received (the channel closes
  // after them). 'close' would say the same, but does not come when the channel was disconnected
  // before the child had set it up, so each is waited for.
  const streamEnd = (stream: NodeJS.ReadableStream | null) => new Promise<void>((resolve) => (stream ? stream.once('close', () => resolve()) : resolve()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const channelEnd = new Promise<void>((resolve) => (child.connected ? child.once('disconnect', () => resolve()) : resolve()));
  const closed = Promise.all([exited, streamEnd(child.stdout), streamEnd(child.stderr), channelEnd]).then(([code]) => {
    options.signal.removeEventListener('abort', onAbort);
    return code;
  });

  /** The snippet it runs now: where its events go, and how it ends. */
  let current: { sink: EventSink; end(exitCode: number | null): void } | undefined;
  let running: Promise<SnippetOutcome> | undefined;
  child.on('message', (message) => {
    if ((message as DoneMessage).kind === 'snippet-done') current?.end((message as DoneMessage).exitCode);
    else current?.sink(message as RunEvent);
  });
  void closed.then((code) => current?.end(code));

  const start = (plan: SnippetPlan, handover: HandoverMessage, onEvent: EventSink): Promise<SnippetOutcome> => {
    const started = performance.now();
    output = '';
    let inFlight: Extract<RunEvent, { kind: 'command-start' }> | undefined;
    let commandTimer: NodeJS.Timeout | undefined;
    let stepError: string | undefined;
    const snippetTimer = setTimeout(() => kill('snippet-timeout', `the snippet did not end within ${plan.deadlineMs / 1000}s`), plan.deadlineMs);
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
      onEvent(event);
    };
    running = new Promise<SnippetOutcome>((resolve) => {
      current = {
        sink: handle,
        end(exitCode) {
          current = undefined;
          clearTimeout(snippetTimer);
          clearTimeout(commandTimer);
          if (killed && inFlight) handle(timedOutEnd(inFlight, killed === 'interrupted'));
          const error = killed ? killReason : (stepError ?? (exitCode === 0 ? undefined : `exited with ${exitCode}`));
          resolve({ exitCode, killed, error, output, durationMs: Math.round(performance.now() - started) });
        },
      };
      if (child.connected && !letGo && !killed) child.send(handover); // snippet-host.mjs runs it
      else void closed.then((code) => current?.end(code));
    });
    return running;
  };
  const disconnect = () => {
    if (child.connected) child.disconnect(); // no more handovers: snippet-host.mjs exits
  };
  const cancel = () => {
    letGo = true;
    if (current) void running?.then(disconnect); // after the snippet it runs, whose events still come
    else disconnect();
    return closed;
  };
  const usable = () => !letGo && !killed && child.exitCode === null && child.signalCode === null && child.connected;
  return { start, cancel, usable };
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
