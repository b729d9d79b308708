// @ts-check
// Before anything runs: the engine answers, every image is there (or can be pulled, or a command
// of the step builds it), no container, network, volume or image tag the step names belongs to
// someone else, and each published port is free or the guide's app.
import { findMissingImages, findPublishers, firstLine, inspectContainers, inspectNetworks, pullImage } from './engine.mjs';
import { describeCommand } from './docker-command.mjs';
import { normalizeImageRef } from './docker-command-storage.mjs';
import { GuideError } from './errors.mjs';
import { inspectImages, inspectVolumes } from './engine-storage.mjs';
import { isGuideContainer, refuseForeign, refuseForeignNetwork } from './owner.mjs';
import { refuseForeignImage, refuseForeignVolume } from './owner-storage.mjs';
import { printNote } from './print.mjs';
import { readOwned } from './state.mjs';
import { isListening } from './port.mjs';

/** @typedef {{ text: string, at: string }} Planned */

/**
 * @param {string} engine @param {Planned[]} commands
 * @param {{ portsHere: boolean }} [where]  portsHere: the engine publishes its ports on this machine (not a remote engine)
 */
export async function checkPreflight(engine, commands, where = { portsHere: true }) {
  const described = commands.map((c) => ({ ...c, docker: describeCommand(c.text) }));
  const names = new Map();
  for (const c of described) {
    const refs = c.docker.kind === 'run' ? [c.docker.name, ...c.docker.links] : c.docker.kind === 'rm' ? c.docker.names : [];
    for (const ref of refs) if (ref && !names.has(ref)) names.set(ref, c.at);
  }
  const networks = new Map();
  for (const c of described) {
    const refs = c.docker.kind === 'network-create' ? [c.docker.name] : c.docker.kind === 'network-rm' ? c.docker.names : c.docker.kind === 'run' ? [c.docker.network] : [];
    for (const ref of refs) if (ref && !networks.has(ref)) networks.set(ref, c.at);
  }
  const volumes = firstUses(described, (d) => (d.kind === 'volume-create' ? [d.name] : d.kind === 'volume-rm' ? d.names : d.kind === 'run' ? d.volumes : []));
  const tags = firstUses(described, (d) => (d.kind === 'build' ? d.tags : d.kind === 'image-rm' ? d.names : []));
  const built = new Set(described.flatMap((c) => (c.docker.kind === 'build' ? c.docker.tags : [])));
  const images = [...new Set(described.flatMap((c) => (c.docker.kind === 'run' && c.docker.image && !built.has(normalizeImageRef(c.docker.image)) ? [c.docker.image] : [])))];
  const ports = described.flatMap((c) => (c.docker.kind === 'run' && c.docker.detached ? c.docker.ports.map((p) => ({ port: p, at: c.at })) : []));
  const [existing, existingNetworks, existingVolumes, existingImages, missing] = await Promise.all([
    inspectContainers([...names.keys()]), inspectNetworks([...networks.keys()]), inspectVolumes([...volumes.keys()]), inspectImages([...tags.keys()]), findMissingImages(images),
  ]);
  for (const container of existing) refuseForeign(engine, container, names.get(container.name) ?? '');
  for (const network of existingNetworks) refuseForeignNetwork(engine, network, networks.get(network.name) ?? '');
  for (const volume of existingVolumes) refuseForeignVolume(engine, volume, volumes.get(volume.name) ?? '');
  for (const image of existingImages) refuseForeignImage(engine, image, image.ref, tags.get(image.ref) ?? '');
  await Promise.all([...missing.map((image) => pullOrExplain(image, described.find((c) => c.text.includes(image))?.at ?? '')), ...ports.map((p) => checkPort(engine, p.port, p.at, where.portsHere))]);
}

/**
 * Each name `pick` takes from the commands, with the first command that names it.
 * @param {{ at: string, docker: import('./docker-command.mjs').DockerCommand }[]} described
 * @param {(docker: import('./docker-command.mjs').DockerCommand) => (string | undefined)[]} pick
 */
function firstUses(described, pick) {
  const found = new Map();
  for (const c of described) for (const name of pick(c.docker)) if (name && !found.has(name)) found.set(name, c.at);
  return found;
}

/** @param {string} image @param {string} at */
async function pullOrExplain(image, at) {
  printNote(`the image ${image} is not on this engine; pulling it`);
  const pulled = await pullImage(image);
  if (pulled.exitCode === 0) return;
  throw new GuideError(
    `${at}: the image ${image} is not on this engine and cannot be pulled`,
    [`expected: ${image} in \`docker images\`, or a registry that serves it`, `received: ${firstLine(pulled.stderr) || `docker pull exited ${pulled.exitCode}`}`],
    'in this checkout, `npm run docker:setup` builds local stand-ins for every image the guide uses; or pull it where a registry is reachable',
  );
}

/**
 * Port free, or published by the guide's own container (then the step reuses it); a process on
 * this machine counts only when the engine's ports are here.
 * @param {string} engine @param {number} port @param {string} at @param {boolean} here
 */
async function checkPort(engine, port, at, here) {
  const publishers = await inspectContainers(await findPublishers(port));
  const ownedNames = (await inspectContainers(readOwned().filter((c) => c.engine === engine).map((c) => c.id))).map((c) => c.name); // the guide's own, by its record
  const foreign = publishers.filter((c) => !isGuideContainer(engine, c, ownedNames));
  if (publishers.length > 0 && foreign.length === 0) return;
  const holder = foreign[0] ? `container ${foreign[0].name} (${foreign[0].id.slice(0, 12)})` : here && (await isListening(port)) ? 'a process on this machine' : '';
  if (!holder) return;
  throw new GuideError(
    `${at}: port ${port} is already in use, by ${holder}`,
    [`expected: port ${port} free, or the guide's own app on it`, `received: ${holder} listening on ${port}`],
    `stop what uses port ${port} (\`docker ps --filter publish=${port}\`, or \`ss -ltnp 'sport = :${port}'\`), then run this step again`,
  );
}
