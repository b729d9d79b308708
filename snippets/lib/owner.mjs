// @ts-check
// Which containers are the guide's: the ones it recorded (state.mjs), and the ones created with
// a link to a container it recorded (`--link redis-server:redis` while redis-server is its own);
// and the networks it recorded (`docker network create guide-net`).
import { readOwned, readOwnedNetworks } from './state.mjs';
import { GuideError } from './errors.mjs';

/** @typedef {import('./engine.mjs').ContainerInfo} ContainerInfo */

/** @param {string} engine @param {ContainerInfo} container */
export function isRecorded(engine, container) {
  return readOwned().some((c) => c.engine === engine && c.id === container.id);
}

/**
 * Recorded, or linked to one of `ownedNames` (names of existing containers the guide recorded).
 * @param {string} engine @param {ContainerInfo} container @param {string[]} ownedNames
 */
export function isGuideContainer(engine, container, ownedNames) {
  if (isRecorded(engine, container)) return true;
  return container.links.some((link) => ownedNames.some((name) => link.startsWith(`/${name}:`)));
}

/**
 * Stops the step when a container it would use or create by name belongs to someone else.
 * @param {string} engine @param {ContainerInfo} container @param {string} at  the command's file:line
 */
export function refuseForeign(engine, container, at) {
  if (isRecorded(engine, container)) return;
  throw new GuideError(
    `${at}: a container named ${container.name} already exists, and this guide did not create it`,
    [
      `expected: no container named ${container.name}, or the one this guide started`,
      `received: ${container.name} (${container.id.slice(0, 12)}, ${container.running ? 'running' : 'stopped'}), not in the guide's record`,
    ],
    `the guide never touches it. Rename it (\`docker rename ${container.name} my-${container.name}\`) or remove it yourself, ` +
      'or run the guide against another engine (DOCKER_HOST or `docker context use`); then run this step again',
  );
}

/** @param {string} engine @param {{ id: string }} network */
export function isRecordedNetwork(engine, network) {
  return readOwnedNetworks().some((n) => n.engine === engine && n.id === network.id);
}

/**
 * Stops the step when a network it would create, join or remove by name belongs to someone else.
 * @param {string} engine @param {import('./engine.mjs').NetworkInfo} network @param {string} at  the command's file:line
 */
export function refuseForeignNetwork(engine, network, at) {
  if (isRecordedNetwork(engine, network)) return;
  throw new GuideError(
    `${at}: a network named ${network.name} already exists, and this guide did not create it`,
    [
      `expected: no network named ${network.name}, or the one this guide created`,
      `received: ${network.name} (${network.id.slice(0, 12)}, ${network.containers.length} container(s) attached), not in the guide's record`,
    ],
    `the guide never touches it. Remove it yourself if it is unused (\`docker network rm ${network.name}\`), ` +
      'or run the guide against another engine (DOCKER_HOST or `docker context use`); then run this step again',
  );
}
