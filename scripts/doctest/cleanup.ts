// Guaranteed cleanup, after a pass, a failure, a timeout or Ctrl-C: every container the run
// created is removed, and only those. "Created by the run" = not on the engine before the run
// started AND (reported by a command, recorded in the run's state file, named like a container
// the guide creates, linked to one, or attached to one of the run's networks). Containers that
// existed before are never touched. The run's networks follow the same rule: not on the engine
// before the run AND (recorded by a snippet, or named like a network a page creates); they go
// once their containers are gone. Names and networks count, not only what was reported or
// recorded, because Ctrl-C can land between Docker creating something and the snippet learning
// its id (an unnamed `docker run --rm --network guide-net …` reports its container only at its end).
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
  const networks = await findRunNetworks(scope);
  const networkNames = networks.map((n) => n.name);
  const fresh = (await listContainerIds()).filter((id) => !scope.before.has(id));
  const recorded = readRecorded(scope.stateDir, 'containers');
  const containers = await inspectContainers(fresh);
  const ours = containers.filter(
    (c) =>
      scope.reported.has(c.id) ||
      recorded.has(c.id) ||
      scope.guideNames.includes(c.name) ||
      c.links.some((link) => scope.guideNames.some((name) => link.startsWith(`/${name}:`))) ||
      c.networks.some((name) => networkNames.includes(name)),
  );
  const ids = ours.map((c) => c.id);
  await removeContainers(ids);
  return [...ids, ...(await removeNetworks(networks.map((n) => n.id)))];
}

/**
 * The complaints of `docker rm -f` that mean the container is going anyway: gone already, or a
 * `--rm` container whose own removal began when its command was stopped. Pure.
 */
export function isRemovalUnderway(stderrLine: string): boolean {
  return /removal of container \S+ is already in progress|No such container/.test(stderrLine);
}

/** Removes containers by id and waits (bounded) until each is gone, also one removing itself. */
async function removeContainers(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const removed = await runDocker(['rm', '-f', '-v', ...ids], 60_000);
  const complaints = removed.stderr.split('\n').filter((line) => line.trim() && !isRemovalUnderway(line));
  if (removed.exitCode !== 0 && complaints.length > 0) {
    throw new Error(`\`docker rm -f ${ids.map((id) => id.slice(0, 12)).join(' ')}\` failed: ${complaints.join('\n')}`);
  }
  if (removed.exitCode === 0) return; // every one removed, none left removing itself
  const deadline = Date.now() + 10_000;
  let left = ids;
  while (left.length > 0) {
    const existing = new Set(await listContainerIds());
    left = left.filter((id) => existing.has(id));
    if (left.length === 0) return;
    if (Date.now() > deadline) throw new Error(`containers ${left.map((id) => id.slice(0, 12)).join(' ')} were still being removed after 10s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Which of the networks now on the engine the run created. Pure. */
export function selectRunNetworks(existing: NetworkInfo[], scope: Pick<CleanupScope, 'networksBefore' | 'guideNetworks'>, recorded: Set<string>): string[] {
  return existing
    .filter((n) => !scope.networksBefore.has(n.id) && (recorded.has(n.id) || scope.guideNetworks.includes(n.name)))
    .map((n) => n.id);
}

/** The run's networks on the engine now. */
async function findRunNetworks(scope: CleanupScope): Promise<NetworkInfo[]> {
  const recorded = readRecorded(scope.stateDir, 'networks');
  if (recorded.size === 0 && scope.guideNetworks.length === 0) return [];
  const existing = await listNetworks();
  const ids = selectRunNetworks(existing, scope, recorded);
  return existing.filter((n) => ids.includes(n.id));
}

/** Removes networks by id (their containers gone); returns their ids. */
async function removeNetworks(ids: string[]): Promise<string[]> {
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
