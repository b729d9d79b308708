// The run's snippet processes, one per plan: spawned ahead (prepare), started when the plan's
// needs are done (run), or cancelled unstarted when the run stops before them. Once the run's
// preflight has checked the engine (`checked`), each snippet is started with the handover
// (snippets/lib/handover.mjs): that engine, the checks made, and the pages already run
// successfully in this run, whose set-up it then does not replay.
import type { RunEvent } from '../page/types.ts';
import type { SnippetPlan } from './plan.ts';
import type { Engine } from './preflight.ts';
import { spawnSnippet, type SnippetOutcome, type SnippetProcess, type SpawnOptions } from './spawn-snippet.ts';

export interface SnippetPool {
  prepare(plan: SnippetPlan): void;
  checked(engine: Engine): void; // the run's preflight passed on this engine
  run(plan: SnippetPlan): Promise<SnippetOutcome>;
  cancelAll(): void; // every prepared snippet that has not started
}

export function createSnippetPool(options: Omit<SpawnOptions, 'onEvent'> & { onEvent: (event: RunEvent, snippet: string) => void }): SnippetPool {
  const processes = new Map<string, SnippetProcess>();
  const started = new Set<string>();
  const pagesDone = new Set<string>();
  let engine: Engine | undefined;
  const prepare = (plan: SnippetPlan): SnippetProcess => {
    const existing = processes.get(plan.name);
    if (existing) return existing;
    const spawned = spawnSnippet(plan, { ...options, onEvent: (event) => options.onEvent(event, plan.name) });
    processes.set(plan.name, spawned);
    return spawned;
  };
  return {
    prepare,
    checked(checkedEngine) {
      engine = checkedEngine;
    },
    async run(plan) {
      started.add(plan.name);
      const outcome = await prepare(plan).start(engine ? handover(engine, pagesDone) : {});
      if (!outcome.error && plan.page) pagesDone.add(plan.page);
      return outcome;
    },
    cancelAll() {
      for (const [name, process] of processes) if (!started.has(name)) process.cancel();
    },
  };
}

/** The environment a snippet started by the runner gets (read by snippets/lib/handover.mjs). */
export function handover(engine: Engine, pagesDone: Set<string>): Record<string, string> {
  return { GUIDE_ENGINE: `${engine.id} ${engine.version}`, GUIDE_PREFLIGHT: 'done', GUIDE_NEEDS_DONE: [...pagesDone].join(',') };
}
