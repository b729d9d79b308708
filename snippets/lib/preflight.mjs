// @ts-check
// Before anything runs, the one preflight of the guide's scripts and of the doc-test runner: every
// image is there (or can be pulled, or a command builds it), no container, network, volume or image
// tag the commands name is in the way, and each published port is free. One walk over the commands
// (planChecks, pure), one set of questions to the engine, and the policy as a parameter:
// - `person` (a step a person runs): what the guide recorded is its own and is reused; something
//   of the same name that it did not record stops the step; a missing image is pulled; a port held
//   by the guide's own app is reused, and a port on this machine is checked only when the engine's
//   ports are here (endpoint.mjs).
// - `doctest` (the runner, which creates everything itself and removes it afterwards): anything of
//   those names stops the run, a missing image too (`npm run docker:setup` builds them), and a port
//   held by anything.
import { describeCommand } from './docker-command.mjs';
import { normalizeImageRef } from './docker-command-storage.mjs';
import { findMissingImages, findPublishers, firstLine, inspectContainers, inspectNetworks, pullImage } from './engine.mjs';
import { inspectImages, inspectVolumes } from './engine-storage.mjs';
import { GuideError } from './errors.mjs';
import { isGuideContainer, refuseForeign, refuseForeignNetwork } from './owner.mjs';
import { refuseForeignImage, refuseForeignVolume } from './owner-storage.mjs';
import { isListening } from './port.mjs';
import { printNote } from './print.mjs';
import { readOwned } from './state.mjs';

/**
 * @typedef {{ text: string, at: string }} Planned
 * @typedef {{ kind: 'person', portsHere: boolean } | { kind: 'doctest' }} Policy
 * @typedef {{ containers: Map<string, string>, networks: Map<string, string>, volumes: Map<string, string>,
 *   tags: Map<string, string>, images: Map<string, string>, ports: { port: number, at: string }[] }} Checks
 *   each name with the file:line of the first command that names it
 */

/** Docker's own networks: joining one is not creating it. */
const BUILTIN_NETWORKS = new Set(['bridge', 'host', 'none', 'default']);

/**
 * Pure: what the commands name, each once, with its first command. Images a command builds are
 * not looked for.
 * @param {Planned[]} commands @returns {Checks}
 */
export function planChecks(commands) {
  const described = commands.map((c) => ({ at: c.at, docker: describeCommand(c.text) }));
  /** @param {(d: import('./docker-command.mjs').DockerCommand) => (string | undefined)[]} pick */
  const firstUses = (pick) => {
    const found = new Map();
    for (const c of described) for (const name of pick(c.docker)) if (name && !found.has(name)) found.set(name, c.at);
    return found;
  };
  const built = new Set(described.flatMap((c) => (c.docker.kind === 'build' ? c.docker.tags : [])));
  return {
    containers: firstUses((d) => (d.kind === 'run' ? [d.name, ...d.links] : d.kind === 'rm' ? d.names : [])),
    networks: firstUses((d) => (d.kind === 'network-create' ? [d.name] : d.kind === 'network-rm' ? d.names : d.kind === 'run' && d.network && !BUILTIN_NETWORKS.has(d.network) ? [d.network] : [])),
    volumes: firstUses((d) => (d.kind === 'volume-create' ? [d.name] : d.kind === 'volume-rm' ? d.names : d.kind === 'run' ? d.volumes : [])),
    tags: firstUses((d) => (d.kind === 'build' ? d.tags : d.kind === 'image-rm' ? d.names : [])),
    images: firstUses((d) => (d.kind === 'run' && d.image && !built.has(normalizeImageRef(d.image)) ? [d.image] : [])),
    ports: described.flatMap((c) => (c.docker.kind === 'run' && c.docker.detached ? c.docker.ports.map((port) => ({ port, at: c.at })) : [])),
  };
}

/**
 * @param {string} engine  the engine's ID (the guide's record is per engine)
 * @param {Planned[]} commands @param {Policy} [policy]
 */
export async function checkPreflight(engine, commands, policy = { kind: 'person', portsHere: true }) {
  const checks = planChecks(commands);
  const [containers, networks, volumes, images, missing] = await Promise.all([
    inspectContainers([...checks.containers.keys()]),
    inspectNetworks([...checks.networks.keys()]),
    inspectVolumes([...checks.volumes.keys()]),
    inspectImages([...checks.tags.keys()]),
    findMissingImages([...checks.images.keys()]),
  ]);
  const at = (/** @type {Map<string, string>} */ uses, /** @type {string} */ name) => uses.get(name) ?? '';
  if (policy.kind === 'doctest') {
    for (const c of containers) throw inTheWay(`a container named ${c.name}`, `${c.name}: id ${c.id.slice(0, 12)}, image ${c.image}, status ${c.status}`,
      `Rename it (\`docker rename ${c.name} my-${c.name}\`) or remove it yourself (\`docker rm -f ${c.id.slice(0, 12)}\`; if the guide's scripts created it, their cleanup.mjs)`);
    for (const n of networks) throw inTheWay(`a network named ${n.name}`, `${n.name}: id ${n.id.slice(0, 12)}`, `Remove it yourself (\`docker network rm ${n.name}\`) once nothing uses it`);
    for (const v of volumes) throw inTheWay(`a volume named ${v.name}`, `${v.name}: created ${v.createdAt}`, `Its data stays yours: remove it yourself only if you no longer need it (\`docker volume rm ${v.name}\`)`);
    for (const i of images) throw inTheWay(`an image tagged ${i.ref}`, `${i.ref}: id ${i.id.replace(/^sha256:/, '').slice(0, 12)}`, `Keep it under another name and free this one yourself (\`docker tag ${i.ref} my-${i.ref.replace(/:latest$/, '')}\`, then \`docker image rm ${i.ref}\`)`);
    if (missing.length > 0) throw missingImages(missing.map((image) => `${image} (${at(checks.images, image)})`));
    for (const holder of await Promise.all(checks.ports.map((p) => findPortHolder(engine, p, false, true)))) if (holder) throw holder;
    return;
  }
  for (const c of containers) refuseForeign(engine, c, at(checks.containers, c.name));
  for (const n of networks) refuseForeignNetwork(engine, n, at(checks.networks, n.name));
  for (const v of volumes) refuseForeignVolume(engine, v, at(checks.volumes, v.name));
  for (const i of images) refuseForeignImage(engine, i, i.ref, at(checks.tags, i.ref));
  const holders = await Promise.all([
    ...missing.map((image) => pullOrExplain(image, at(checks.images, image)).then(() => undefined)),
    ...checks.ports.map((p) => findPortHolder(engine, p, true, policy.portsHere)),
  ]);
  for (const holder of holders) if (holder) throw holder;
}

/** The doc-test runner's refusal: something of a name its pages create is on the engine. @param {string} what @param {string} received @param {string} todo */
function inTheWay(what, received, todo) {
  return new GuideError(
    `${what} already exists; the doc-test would have to use or remove it, so nothing ran`,
    [`expected: no ${what.replace(/^an? /, '')} (the run creates its own and removes it afterwards)`, `received: ${received}`],
    `it is left untouched. ${todo}, then run the doc-test again`,
  );
}

/** @param {string[]} where  "image (file:line)" each */
function missingImages(where) {
  const one = where.length === 1;
  return new GuideError(
    `${one ? 'an image' : 'images'} the pages run ${one ? 'is' : 'are'} not on this engine: ${where.join(', ')}; no command ran`,
    [`expected: ${where.map((w) => w.replace(/ \(.*$/, '')).join(', ')} in \`docker images\``, 'received: `docker image inspect` found no such image'],
    'run `npm run docker:setup` (it installs and starts an engine and builds the images the guide uses)',
  );
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
 * What holds a host port a command publishes, as the error that stops the step, or undefined when
 * it is free (or, with `reuseOwn`, published by the guide's own container: the step reuses it). A
 * process on this machine counts only when the engine's ports are `here`.
 * @param {string} engine @param {{ port: number, at: string }} use @param {boolean} reuseOwn @param {boolean} here
 * @returns {Promise<GuideError | undefined>}
 */
async function findPortHolder(engine, { port, at }, reuseOwn, here) {
  const publishers = await inspectContainers(await findPublishers(port));
  const ownedNames = reuseOwn ? (await inspectContainers(readOwned().filter((c) => c.engine === engine).map((c) => c.id))).map((c) => c.name) : []; // the guide's own, by its record
  const foreign = reuseOwn ? publishers.filter((c) => !isGuideContainer(engine, c, ownedNames)) : publishers;
  if (publishers.length > 0 && foreign.length === 0) return undefined;
  const holder = foreign[0] ? `container ${foreign[0].name} (${foreign[0].id.slice(0, 12)})` : here && (await isListening(port)) ? 'a process on this machine' : '';
  if (!holder) return undefined;
  const again = reuseOwn ? 'run this step again' : 'run the doc-test again';
  return new GuideError(
    `${at}: port ${port} is already in use, by ${holder}${reuseOwn ? '' : '; no command ran'}`,
    [`expected: port ${port} free${reuseOwn ? ', or the guide\'s own app on it' : ' (the page publishes it)'}`, `received: ${holder} listening on ${port}`],
    `stop what uses port ${port} (\`docker ps --filter publish=${port}\`, or \`ss -ltnp 'sport = :${port}'\`), then ${again}`,
  );
}
