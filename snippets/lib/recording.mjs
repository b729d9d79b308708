// @ts-check
// What a command creates or removes, recorded around its run (state.mjs). Before it runs: each
// thing it creates by name is noted as pending (a container, a network, a volume, an image tag),
// so an interrupted run can still tell later that it is the guide's; a `docker rm` without `-v`
// notes the anonymous volumes it will leave. After it ends: what it created is recorded (the id
// it printed, the volume or tag it made), what it removed is forgotten, pending entries dropped.
import { inspectImages, inspectVolumes, isAnonymousVolume } from './engine-storage.mjs';
import { inspectContainers, inspectNetworks, listContainerIds } from './engine.mjs';
import { isRecorded, isRecordedNetwork } from './owner.mjs';
import { isRecordedImage, isRecordedVolume } from './owner-storage.mjs';
import { dropPending, forgetEntries, forgetNetworks, forgetResources, readRecorded, recordOwned, recordOwnedNetwork, recordPending, recordResource } from './state.mjs';

/**
 * @typedef {import('./docker-command.mjs').DockerCommand} DockerCommand
 * @typedef {import('./state.mjs').Pending} Pending
 * @typedef {{ pending: Pending[], containersBefore?: Set<string>, networkIds: string[], imageIds: string[] }} Prepared
 */

/** Before the command runs. @param {string} engine @param {DockerCommand} docker @returns {Promise<Prepared>} */
export async function prepareRecording(engine, docker) {
  const since = Date.now();
  /** @type {Prepared} */
  const prepared = { pending: [], networkIds: [], imageIds: [] };
  const note = (/** @type {Pending['kind']} */ kind, /** @type {string} */ name) => prepared.pending.push({ engine, kind, name, since });
  if (docker.kind === 'run') {
    if (docker.name) note('container', docker.name);
    const existing = new Set((await inspectVolumes(docker.volumes)).map((v) => v.name));
    docker.volumes.filter((v) => !existing.has(v)).forEach((v) => note('volume', v));
    if (!docker.detached) prepared.containersBefore = new Set(await listContainerIds());
  }
  if (docker.kind === 'network-create') note('network', docker.name);
  if (docker.kind === 'network-rm') prepared.networkIds = (await inspectNetworks(docker.names)).map((n) => n.id);
  if (docker.kind === 'volume-create' && docker.name) note('volume', docker.name);
  if (docker.kind === 'build') docker.tags.forEach((tag) => note('image', tag));
  if (docker.kind === 'image-rm') prepared.imageIds = (await inspectImages(docker.names)).map((i) => i.id);
  if (docker.kind === 'rm' && !docker.volumes) await noteLeftVolumes(engine, docker.names);
  prepared.pending.forEach(recordPending); // settled by the next run if this one is interrupted
  return prepared;
}

/**
 * After the command ended; returns the ids of the containers it created.
 * @param {string} engine @param {DockerCommand} docker @param {{ output: string, exitCode: number | null, timedOut: boolean }} result @param {Prepared} prepared
 * @returns {Promise<string[]>}
 */
export async function finishRecording(engine, docker, result, prepared) {
  const ok = result.exitCode === 0 && !result.timedOut;
  const printed = /^[0-9a-f]{64}$/m.exec(result.output)?.[0];
  let containers = /** @type {string[]} */ ([]);
  if (docker.kind === 'run') {
    if (docker.detached && printed && result.exitCode === 0) recordOwned({ engine, id: printed, name: docker.name ?? '' });
    const before = prepared.containersBefore;
    containers = docker.detached ? (printed ? [printed] : []) : before ? (await listContainerIds()).filter((id) => !before.has(id)) : [];
  }
  if (docker.kind === 'network-create' && printed && result.exitCode === 0) recordOwnedNetwork({ engine, id: printed, name: docker.name });
  if (docker.kind === 'network-rm' && result.exitCode === 0) forgetNetworks(engine, prepared.networkIds);
  if (docker.kind === 'volume-create' && ok) await recordCreatedVolume(engine, docker.name ?? lastLine(result.output));
  if (docker.kind === 'volume-rm' && result.exitCode === 0) forgetResources('volumes', engine, docker.names);
  if (docker.kind === 'image-rm' && result.exitCode === 0) await forgetRemovedImages(engine, prepared.imageIds);
  if (ok) await settleCreated(engine, prepared.pending);
  else if (endedByItself(result)) await settleFailed(engine, prepared.pending);
  return containers;
}

/**
 * Whether the command ended of itself (an exit status below 128): Docker had answered all it asked,
 * so nothing it named can still appear. A deadline or a signal (128 + its number) may have cut it
 * off while Docker was still making something: its pending entries stay for the clean-up to settle.
 * @param {{ exitCode: number | null, timedOut: boolean }} result
 */
export function endedByItself(result) {
  return !result.timedOut && result.exitCode !== null && result.exitCode < 128;
}

/**
 * Whether the command's output names what it created (a detached container's or a network's id,
 * the name Docker chose for a volume), which is then recorded from it. @param {DockerCommand} docker
 */
export function printsWhatItCreates(docker) {
  return (docker.kind === 'run' && docker.detached) || docker.kind === 'network-create' || (docker.kind === 'volume-create' && !docker.name);
}

/**
 * What pending entries name and exists now, settled by the owner rules (owner.mjs,
 * owner-storage.mjs): the guide's when Docker made it within the command's run. Also the
 * clean-up's way to settle what an interrupted command left pending (sweep.mjs).
 * @param {string} engine @param {Pending[]} pending
 */
export async function settleExisting(engine, pending) {
  const names = (/** @type {Pending['kind']} */ kind) => pending.filter((p) => p.kind === kind).map((p) => p.name);
  for (const container of await inspectContainers(names('container'))) isRecorded(engine, container);
  for (const network of await inspectNetworks(names('network'))) isRecordedNetwork(engine, network);
  for (const volume of await inspectVolumes(names('volume'))) isRecordedVolume(engine, volume);
  for (const image of await inspectImages(names('image'))) isRecordedImage(engine, image, image.ref);
}

/** The volumes and tags it noted as pending, now made: recorded when Docker made them within its run. @param {string} engine @param {Pending[]} pending */
async function settleCreated(engine, pending) {
  await settleExisting(engine, pending.filter((p) => p.kind === 'volume' || p.kind === 'image')); // containers and networks were recorded from what the command printed
  pending.forEach(dropPending);
}

/**
 * A command that failed of itself may still have made what it named (a container created, then
 * refused a port): each that exists now is the guide's when Docker made it within the command's
 * run (owner.mjs); the rest is dropped. When the engine does not answer, they stay pending.
 * @param {string} engine @param {Pending[]} pending
 */
async function settleFailed(engine, pending) {
  try {
    await settleExisting(engine, pending);
    pending.forEach(dropPending);
  } catch {
    // the engine did not answer: snippets/cleanup.mjs settles them later
  }
}

/** `docker volume create` without a name prints the one Docker chose. @param {string} engine @param {string} name */
async function recordCreatedVolume(engine, name) {
  const [volume] = await inspectVolumes(name ? [name] : []);
  if (volume) recordResource('volumes', { engine, id: volume.name, name: volume.name, created: volume.createdAt });
}

/** Before `docker rm` without `-v`: the anonymous volumes of the guide's containers it removes stay, recorded. @param {string} engine @param {string[]} names */
async function noteLeftVolumes(engine, names) {
  for (const container of (await inspectContainers(names)).filter((c) => isRecorded(engine, c))) {
    const left = await inspectVolumes(container.volumes.filter(isAnonymousVolume));
    left.forEach((v) => recordResource('volumes', { engine, id: v.name, name: v.name, created: v.createdAt }));
  }
}

/** After `docker image rm`: records of images now gone, or of tags no longer on their image, are forgotten. @param {string} engine @param {string[]} ids */
async function forgetRemovedImages(engine, ids) {
  const remaining = await inspectImages(ids);
  forgetEntries('images', readRecorded('images').filter((i) => i.engine === engine && ids.includes(i.id) && !remaining.some((r) => r.id === i.id && r.tags.includes(i.name))));
}

/** @param {string} text */
function lastLine(text) {
  return text.trim().split('\n').pop()?.trim() ?? '';
}
