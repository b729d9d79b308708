// The run's snippet processes, one per plan: spawned ahead (prepare), started when the plan's
// needs are done (run), or cancelled unstarted when the run stops before them.
import type { RunEvent } from '../page/types.ts';
import type { SnippetPlan } from './plan.ts';
import { spawnSnippet, type SnippetOutcome, type SnippetProcess, type SpawnOptions } from './spawn-snippet.ts';

export interface SnippetPool {
  prepare(plan: SnippetPlan): void;
  run(plan: SnippetPlan): Promise<SnippetOutcome>;
  cancelAll(): void; // every prepared snippet that has not started
}

export function createSnippetPool(options: Omit<SpawnOptions, 'onEvent'> & { onEvent: (event: RunEvent, snippet: string) => void }): SnippetPool {
  const processes = new Map<string, SnippetProcess>();
  const started = new Set<string>();
  const prepare = (plan: SnippetPlan): SnippetProcess => {
    const existing = processes.get(plan.name);
    if (existing) return existing;
    const spawned = spawnSnippet(plan, { ...options, onEvent: (event) => options.onEvent(event, plan.name) });
    processes.set(plan.name, spawned);
    return spawned;
  };
  return {
    prepare,
    run(plan) {
      started.add(plan.name);
      return prepare(plan).start();
    },
    cancelAll() {
      for (const [name, process] of processes) if (!started.has(name)) process.cancel();
    },
  };
}
