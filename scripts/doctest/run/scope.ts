// What a run may remove afterwards (cleanup.ts): the engine as it was before the run, the names
// the pages give, and the ids the snippets report as they go. Made once the pages are known,
// filled in from the engine before anything runs.
import type { Page } from '../../page/types.ts';
import { listContainerIds, listNetworks } from '../../../snippets/lib/engine.mjs';
import type { CleanupScope } from '../cleanup.ts';
import { noteStorageBefore } from '../cleanup-storage.ts';
import { findGuideNames, findGuideNetworks } from '../preflight.ts';

/** The scope of a run of `pages` whose snippets record in `stateDir`. */
export function createRunScope(pages: Page[], stateDir: string): CleanupScope {
  return {
    before: new Set(),
    reported: new Set(),
    stateDir,
    guideNames: findGuideNames(pages),
    networksBefore: new Set(),
    guideNetworks: findGuideNetworks(pages),
  };
}

/**
 * Notes what the engine holds before the run: containers, networks, volumes and images. Without
 * the list of networks, only recorded networks count as the run's.
 */
export async function noteEngineBefore(scope: CleanupScope): Promise<void> {
  const [containers, networks] = await Promise.all([listContainerIds().catch(() => []), listNetworks().catch(() => undefined), noteStorageBefore(scope)]);
  containers.forEach((id) => scope.before.add(id));
  if (networks) networks.forEach((n) => scope.networksBefore.add(n.id));
  else scope.guideNetworks = [];
}
