// Guaranteed cleanup, after a pass, a failure, a timeout or Ctrl-C: every container the run
// created is removed, and only those. "Created by the run" = not on the engine before the run
// started AND (reported by a command, recorded in the run's state file, named like a container
// the guide creates, or linked to one). Containers that existed before are never touched. Then,
// once their containers are gone, the run's networks, by the same rule: not on the engine before
// the run AND (recorded by a snippet, or named like a network a page creates). The name counts
// because Ctrl-C can land between `docker network create` and the snippet recording its id.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inspectContainers, listContainerIds, listNetworks, runDocker, type NetworkInfo } from './docker.ts';

export interface CleanupScope {
  before: Set<string>; // container ids on the engine before the run
  reported: Set<string>; // ids the snippets reported in `command-end` events
  stateDir: string; // the run's GUIDE_STATE_DIR (containers.json)
  guideNames: string[]; // names the pages give containers: ["redis-server"]
  networksBefore: Set<string>; // network ids on the engine before the run
  guideNetworks: string[]; // names of the networks the pages create: ["guide-net"]
}

/** Removes the run's containers; returns their ids. Throws only when the engine cannot be asked. */
export async function removeRunContainers(scope: CleanupScope): Promise<string[]> {
  const fresh = (await listContainerIds()).filter((id) => !scope.before.has(id));
  const recorded = readRecorded(scope.stateDir, 'containers');
  const containers = await inspectContainers(fresh);
  const ours = containers.filter(
    (c) =>
      scope.reported.has(c.id) ||
      recorded.has(c.id) ||
      scope.guideNames.includes(c.name) ||
      c.links.some((link) => scope.guideNames.some((name) => link.startsWith(`/${name}:`))),
  );
  const ids = ours.map((c) => c.id);
  if (ids.length > 0) {
    const removed = await runDocker(['rm', '-f', '-v', ...ids], 60_000);
    if (removed.exitCode !== 0) throw new Error(`\`docker rm -f ${ids.map((id) => id.slice(0, 12)).join(' ')}\` failed: ${removed.stderr.trim()}`);
  }
  return [...ids, ...(await removeRunNetworks(scope))];
}

/** Which of the networks now on the engine the run created. Pure. */
export function selectRunNetworks(existing: NetworkInfo[], scope: Pick<CleanupScope, 'networksBefore' | 'guideNetworks'>, recorded: Set<string>): string[] {
  return existing
    .filter((n) => !scope.networksBefore.has(n.id) && (recorded.has(n.id) || scope.guideNetworks.includes(n.name)))
    .map((n) => n.id);
}

/** The run's networks that still exist, removed by id; returns their ids. */
async function removeRunNetworks(scope: CleanupScope): Promise<string[]> {
  const recorded = readRecorded(scope.stateDir, 'networks');
  if (recorded.size === 0 && scope.guideNetworks.length === 0) return [];
  const ids = selectRunNetworks(await listNetworks(), scope, recorded);
  if (ids.length === 0) return [];
  const removed = await runDocker(['network', 'rm', ...ids], 30_000);
  if (removed.exitCode !== 0) throw new Error(`\`docker network rm ${ids.map((id) => id.slice(0, 12)).join(' ')}\` failed: ${removed.stderr.trim()}`);
  return ids;
}

function readRecorded(stateDir: string, kind: 'containers' | 'networks'): Set<string> {
  try {
    const data = JSON.parse(readFileSync(path.join(stateDir, 'containers.json'), 'utf8')) as Record<typeof kind, { id: string }[] | undefined>;
    return new Set((data[kind] ?? []).map((c) => c.id));
  } catch {
    return new Set(); // nothing recorded yet
  }
}
