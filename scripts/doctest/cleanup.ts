// Guaranteed cleanup, after a pass, a failure, a timeout or Ctrl-C: every container the run
// created is removed, and only those. "Created by the run" = not on the engine before the run
// started AND (reported by a command, recorded in the run's state file, named like a container
// the guide creates, linked to one, or attached to one of the run's networks). Containers that
// existed before are never touched. The run's networks follow the same rule: not on the engine
// before the run AND (recorded by a snippet, or named like a network a page creates); they go
// once their containers are gone. Names and networks count, not only what was reported or
// recorded, because Ctrl-C can land between Docker creating something and the snippet learning
// its id (an unnamed `docker run --rm --network guide-net …` reports its container only at its end).
// A container made from an image the run built is the run's too. Then the run's volumes and
// images (cleanup-storage.ts, by what the snippets recorded): its containers' anonymous volumes go
// with them (`docker rm -v`), its named volumes and the tags it built after. After a run that
// killed a command mid-request, the passes repeat until the engine has stayed quiet for a second
// (removeUntilQuiet): Docker finishes a request whose client it lost.
import path from 'node:path';
import { isLinkedTo } from '../../snippets/lib/owner.mjs';
import { readStateFile } from '../../snippets/lib/state.mjs';
import { findRunImages, removeRunImages, removeRunVolumes, type StorageScope, type StorageState } from './cleanup-storage.ts';
import { inspectContainers, listContainerIds, listNetworks, runDocker } from '../../snippets/lib/engine.mjs';

/** A network as `docker network ls` lists it. */
export interface NetworkInfo {
  id: string;
  name: string;
}

export interface CleanupScope extends StorageScope {
  before: Set<string>; // container ids on the engine before the run
  reported: Set<string>; // ids the snippets reported in `command-end` events
  stateDir: string; // the run's state folder, handed to its snippets (containers.json)
  guideNames: string[]; // names the pages give containers: ["redis-server"]
  networksBefore: Set<string>; // network ids on the engine before the run
  guideNetworks: string[]; // names of the networks the pages create: ["guide-net"]
}

/**
 * Removes the run's containers, networks, volumes and images; returns their ids (volumes: names;
 * images: the tags or ids removed). Throws when the engine cannot be asked, or something of the
 * run's could not be removed (after trying the rest).
 */
export async function removeRunContainers(scope: CleanupScope): Promise<string[]> {
  const networks = await findRunNetworks(scope);
  const networkNames = networks.map((n) => n.name);
  const storage = readStorageState(scope.stateDir);
  const images = await findRunImages(scope, storage);
  const fresh = (await listContainerIds()).filter((id) => !scope.before.has(id));
  const recorded = readRecorded(scope.stateDir, 'containers');
  const containers = await inspectContainers(fresh);
  const ours = containers.filter(
    (c) =>
      scope.reported.has(c.id) ||
      recorded.has(c.id) ||
      scope.guideNames.includes(c.name) ||
      isLinkedTo(c, scope.guideNames) ||
      c.networks.some((name) => networkNames.includes(name)) ||
      images.ids.includes(c.imageId),
  );
  const ids = ours.map((c) => c.id);
  const anonymous = new Set(ours.flatMap((c) => c.volumes.filter((name) => /^[0-9a-f]{64}$/.test(name))));
  await removeContainers(ids);
  const removed = [...ids, ...(await removeNetworks(networks.map((n) => n.id)))];
  const failures: string[] = [];
  const attempt = async (remove: () => Promise<string[]>) => removed.push(...(await remove().catch((error: Error) => (failures.push(error.message), []))));
  await attempt(() => removeRunVolumes(scope, storage, anonymous));
  await attempt(() => removeRunImages(images.refs));
  if (failures.length > 0) throw new Error(failures.join('\n'));
  return removed;
}

export interface QuietWindow {
  quietMs: number; // how long nothing new of the run's must appear
  limitMs: number; // the longest it waits in all
  pollMs: number;
}

/**
 * A command killed mid-request (Ctrl-C, a deadline) may still be creating in the engine: Docker
 * finishes a request whose client has gone (`docker network create` killed after it sent its
 * request makes the network a moment later; a `docker run -v data:/data` its container, which then
 * holds the volume a pass is removing). So after a run that killed a command, `remove` (one
 * clean-up pass, returning what it removed) runs, then again every `pollMs`, until a whole
 * `quietMs` has passed with nothing more removed and no pass failing, or `limitMs` in all.
 * Returns all it removed; throws the last pass's error when that pass failed.
 */
export async function removeUntilQuiet(
  remove: () => Promise<string[]>,
  window: QuietWindow = { quietMs: 1_000, limitMs: 5_000, pollMs: 100 },
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => number = () => performance.now(),
): Promise<string[]> {
  const removed: string[] = [];
  let failure: Error | undefined;
  const start = now();
  let quietSince = start;
  const pass = async () => {
    try {
      const more = await remove();
      failure = undefined;
      if (more.length === 0) return;
      removed.push(...more);
    } catch (error) {
      failure = error as Error; // something arriving while it was removed: tried again
    }
    quietSince = now();
  };
  await pass();
  while (now() - quietSince < window.quietMs && now() - start < window.limitMs) {
    await sleep(window.pollMs);
    await pass();
  }
  if (failure) throw failure;
  return removed;
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
  return new Set(readState(stateDir)[kind].map((c) => c.id));
}

/** The volumes, images and pending creations the run's snippets noted. */
function readStorageState(stateDir: string): StorageState {
  const { volumes, images, pending } = readState(stateDir);
  return { volumes, images, pending };
}

/** The run's state file, read as the snippets read theirs (snippets/lib/state.mjs). */
function readState(stateDir: string) {
  return readStateFile(path.join(stateDir, 'containers.json'));
}
