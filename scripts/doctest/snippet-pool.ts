// The run's snippet processes, one per plan: spawned ahead (prepare), started when the plan's
// needs are done (run), or cancelled unstarted when the run stops before them. Once the run's
// preflight has checked the engine (`checked`), each snippet is started with the handover message
// (snippets/lib/handover.mjs): that engine, the checks made, the pages already run successfully in
// this run, whose set-up it then does not replay, and the run's state folder.
import type { HandoverMessage } from '../../snippets/lib/handover.mjs';
import type { SnippetPlan } from './plan.ts';
import type { Engine } from './preflight.ts';
import { spawnSnippet, type EventSink, type SnippetOutcome, type SnippetProcess, type SpawnOptions } from './spawn-snippet.ts';

export interface SnippetPool {
  prepare(plan: SnippetPlan): void;
  checked(engine: Engine): void; // the run's preflight passed on this engine
  run(plan: SnippetPlan, onEvent: EventSink): Promise<SnippetOutcome>; // its events, as they come, to `onEvent`
  cancelAll(): void; // every prepared snippet that has not started
}

export interface PoolOptions extends SpawnOptions {
  stateDir: string; // the run's state folder, shared by its snippets (containers.json)
}

export function createSnippetPool(options: PoolOptions): SnippetPool {
  const processes = new Map<string, SnippetProcess>();
  const started = new Set<string>();
  const cancelled = new Map<string, Promise<number | null>>(); // ended unstarted: never run again
  const pagesDone = new Set<string>();
  let engine: Engine | undefined;
  const prepare = (plan: SnippetPlan): SnippetProcess => {
    const existing = processes.get(plan.name);
    if (existing) return existing;
    const spawned = spawnSnippet(plan, { cwd: options.cwd, signal: options.signal });
    processes.set(plan.name, spawned);
    return spawned;
  };
  return {
    prepare,
    checked(checkedEngine) {
      engine = checkedEngine;
    },
    async run(plan, onEvent) {
      if (!engine) throw new Error(`snippet ${plan.name}: started before the run's preflight checked the engine`);
      const ended = cancelled.get(plan.name);
      if (ended) return { exitCode: await ended, error: 'not started: the run cancelled it', output: '', durationMs: 0 };
      started.add(plan.name);
      const outcome = await prepare(plan).start(handover(engine, pagesDone, options.stateDir), onEvent);
      if (!outcome.error && plan.page) pagesDone.add(plan.page);
      return outcome;
    },
    cancelAll() {
      for (const [name, process] of processes) if (!started.has(name) && !cancelled.has(name)) cancelled.set(name, process.cancel());
    },
  };
}

/** The message a snippet started by the runner gets (read by snippets/lib/handover.mjs). */
export function handover(engine: Engine, pagesDone: Set<string>, stateDir: string): HandoverMessage {
  return { kind: 'handover', engine: { id: engine.id, version: engine.version }, needsDone: [...pagesDone], stateDir };
}
