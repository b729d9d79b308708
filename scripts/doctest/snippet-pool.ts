// The run's snippet processes (spawn-snippet.ts), each running one snippet after another. When a
// plan's needs have all started (prepare), it is promised a process: the one that runs one of its
// needs, when no other plan was promised that one after it (step 4 runs where step 3 ran, the
// errors provoked on purpose where the last page ran, the clean-up after them), else a new one,
// spawned then so that Node's start-up overlaps with the steps before it (the first: the one bin.mjs
// started before the runner loaded, when it was given one). The lesson runs in two
// processes, not six. A process that was killed (a deadline, Ctrl-C) or exited runs nothing more:
// what was promised to it gets a new one. Once the run's preflight has checked the engine
// (`checked`), each snippet is started with the handover message (snippets/lib/handover.mjs):
// its file, that engine, the checks made, the pages already run successfully in this run, whose
// set-up it then does not replay, and the run's state folder. cancelAll lets every process go;
// a plan that never started is then never run.
import type { ChildProcess } from 'node:child_process';
import type { HandoverMessage } from '../../snippets/lib/handover.mjs';
import type { SnippetPlan } from './plan.ts';
import type { Engine } from './preflight.ts';
import { letGoOfHost } from './snippet-host-process.mjs';
import { spawnSnippet, type EventSink, type SnippetOutcome, type SnippetProcess, type SpawnOptions } from './spawn-snippet.ts';

export interface SnippetPool {
  prepare(plan: SnippetPlan): void;
  checked(engine: Engine): void; // the run's preflight passed on this engine
  run(plan: SnippetPlan, onEvent: EventSink): Promise<SnippetOutcome>; // its events, as they come, to `onEvent`
  cancelAll(): void; // every process goes; a plan not started yet never runs
}

export interface PoolOptions extends SpawnOptions {
  stateDir: string; // the run's state folder, shared by its snippets (containers.json)
  early?: ChildProcess; // a snippet process started before the runner loaded (bin.mjs): the first one the pool needs
}

export function createSnippetPool(options: PoolOptions): SnippetPool {
  const processes: SnippetProcess[] = [];
  const promised = new Map<string, SnippetProcess>(); // plan name -> the process it runs in
  const last = new Map<SnippetProcess, string>(); // process -> the last plan promised to it
  let cancelled: Promise<number | null> | undefined; // every process let go: nothing runs after
  const pagesDone = new Set<string>();
  let engine: Engine | undefined;
  let early = options.early;
  const spawnOne = (): SnippetProcess => {
    const spawned = spawnSnippet({ cwd: options.cwd, signal: options.signal }, early);
    early = undefined;
    processes.push(spawned);
    return spawned;
  };
  const promise = (plan: SnippetPlan, process: SnippetProcess): SnippetProcess => {
    promised.set(plan.name, process);
    last.set(process, plan.name);
    return process;
  };
  const prepare = (plan: SnippetPlan): SnippetProcess =>
    promised.get(plan.name) ?? promise(plan, processes.find((p) => p.usable() && plan.needs.includes(last.get(p) ?? '')) ?? spawnOne());
  return {
    prepare,
    checked(checkedEngine) {
      engine = checkedEngine;
    },
    async run(plan, onEvent) {
      if (!engine) throw new Error(`snippet ${plan.name}: started before the run's preflight checked the engine`);
      if (cancelled) return { exitCode: await cancelled, error: 'not started: the run cancelled it', output: '', durationMs: 0 };
      let process = prepare(plan);
      if (!process.usable()) process = promise(plan, spawnOne()); // the one promised was killed or has exited
      const outcome = await process.start(plan, handover(plan, engine, pagesDone, options.stateDir), onEvent);
      if (!outcome.error && plan.page) pagesDone.add(plan.page);
      return outcome;
    },
    cancelAll() {
      if (early) letGoOfHost(early); // never needed
      early = undefined;
      cancelled ??= Promise.all(processes.map((p) => p.cancel())).then((codes) => codes.find((c) => c !== 0) ?? 0);
    },
  };
}

/** The message a snippet started by the runner gets (read by snippets/lib/handover.mjs). */
export function handover(plan: Pick<SnippetPlan, 'file'>, engine: Engine, pagesDone: Set<string>, stateDir: string): HandoverMessage {
  return { kind: 'handover', file: plan.file, engine: { id: engine.id, version: engine.version }, needsDone: [...pagesDone], stateDir };
}
