// @ts-check
// Whether a command's effect already exists, so running a step twice works: the guide's
// redis-server is reused (or started when stopped), its app on port 3000 is reused, its network
// and volumes are reused, and a container, network, volume or image that is already gone is not
// removed again. What someone else created under a name the command uses stops the step.
import { describeCommand } from './docker-command.mjs';
import { findPublishers, inspectContainers, inspectNetworks } from './engine.mjs';
import { inspectImages, inspectVolumes } from './engine-storage.mjs';
import { isGuideContainer, refuseForeign, refuseForeignNetwork } from './owner.mjs';
import { refuseForeignImage, refuseForeignVolume } from './owner-storage.mjs';

/**
 * @typedef {{ action: 'run', text?: string, reason?: string }
 *   | { action: 'reuse', id: string, reason: string }
 *   | { action: 'start', id: string, name: string, reason: string }
 *   | { action: 'skip', reason: string }} Decision
 * @param {string} engine @param {string} text @param {string} at
 * @returns {Promise<Decision>}
 */
export async function decideEffect(engine, text, at) {
  const command = describeCommand(text);
  if (command.kind === 'rm') {
    const existing = await inspectContainers(command.names);
    if (existing.length === 0) return { action: 'skip', reason: `no container named ${command.names.join(', ')}: nothing to remove` };
    if (existing.length === command.names.length) return { action: 'run' };
    const gone = command.names.filter((n) => !existing.some((c) => c.name === n || c.id.startsWith(n)));
    const narrowed = text.replace(/^(docker\s+(?:container\s+)?rm\s+)(.*)$/s, (_, /** @type {string} */ head, /** @type {string} */ rest) => head + rest.split(/\s+/).filter((/** @type {string} */ w) => !gone.includes(w)).join(' '));
    return { action: 'run', text: narrowed, reason: `no container named ${gone.join(', ')} (already removed); removing the others` };
  }
  if (command.kind === 'network-create') {
    const [network] = await inspectNetworks([command.name]);
    if (!network) return { action: 'run' };
    refuseForeignNetwork(engine, network, at);
    return { action: 'reuse', id: network.id, reason: `the network ${network.name} exists (the guide created it, ${network.id.slice(0, 12)}); reusing it` };
  }
  if (command.kind === 'network-rm') {
    const existing = await inspectNetworks(command.names);
    for (const network of existing) refuseForeignNetwork(engine, network, at);
    if (existing.length === 0) return { action: 'skip', reason: `no network named ${command.names.join(', ')}: nothing to remove` };
    return { action: 'run' };
  }
  if (command.kind === 'volume-create' || command.kind === 'volume-rm' || command.kind === 'build' || command.kind === 'image-rm') return decideStorage(engine, command, at);
  if (command.kind === 'run') for (const volume of await inspectVolumes(command.volumes)) refuseForeignVolume(engine, volume, at);
  if (command.kind !== 'run' || !command.detached) return { action: 'run' };
  if (command.name) {
    const [container] = await inspectContainers([command.name]);
    if (container) {
      refuseForeign(engine, container, at);
      return container.running
        ? { action: 'reuse', id: container.id, reason: `${container.name} is already running (the guide started it, ${container.id.slice(0, 12)}); reusing it` }
        : { action: 'start', id: container.id, name: container.name, reason: `${container.name} exists but is stopped (the guide created it); starting it` };
    }
  }
  for (const port of command.ports) {
    const ownedNames = command.links.length > 0 ? await ownedLinkTargets(engine, command.links) : [];
    const publishers = await inspectContainers(await findPublishers(port));
    const ours = publishers.find((c) => isGuideContainer(engine, c, ownedNames));
    if (ours) return { action: 'reuse', id: ours.id, reason: `the guide's app (${ours.id.slice(0, 12)}) already serves port ${port}; reusing it` };
  }
  return { action: 'run' };
}

/** @param {string} engine @param {string[]} names */
async function ownedLinkTargets(engine, names) {
  const targets = await inspectContainers(names);
  return targets.filter((c) => isGuideContainer(engine, c, [])).map((c) => c.name);
}

/**
 * `docker volume create/rm`, `docker build -t`, `docker image rm`: reuse the guide's volume, skip
 * what is gone, refuse what someone else made.
 * @param {string} engine
 * @param {import('./docker-command.mjs').VolumeCreateCommand | import('./docker-command.mjs').VolumeRemoveCommand | import('./docker-command.mjs').BuildCommand | import('./docker-command.mjs').ImageRemoveCommand} command
 * @param {string} at @returns {Promise<Decision>}
 */
async function decideStorage(engine, command, at) {
  if (command.kind === 'volume-create') {
    const [volume] = await inspectVolumes(command.name ? [command.name] : []);
    if (!volume) return { action: 'run' };
    refuseForeignVolume(engine, volume, at);
    return { action: 'reuse', id: volume.name, reason: `the volume ${volume.name} exists (the guide created it, ${volume.createdAt}); reusing it` };
  }
  if (command.kind === 'volume-rm') {
    const existing = await inspectVolumes(command.names);
    for (const volume of existing) refuseForeignVolume(engine, volume, at);
    return existing.length === 0 ? { action: 'skip', reason: `no volume named ${command.names.join(', ')}: nothing to remove` } : { action: 'run' };
  }
  const refs = command.kind === 'build' ? command.tags : command.names;
  const existing = await inspectImages(refs);
  for (const image of existing) refuseForeignImage(engine, image, image.ref, at);
  if (command.kind === 'image-rm' && existing.length === 0) return { action: 'skip', reason: `no image ${command.names.join(', ')}: nothing to remove` };
  return { action: 'run' };
}
