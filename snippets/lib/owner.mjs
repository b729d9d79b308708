// @ts-check
// Which containers are the guide's: the ones it recorded (state.mjs), and the ones created with
// a link to a container it recorded (`--link redis-server:redis` while redis-server is its own);
// and the networks it recorded (`docker network create guide-net`); volumes and images are in
// owner-storage.mjs. A container, network, volume or image tag that a command was creating when it
// was interrupted is the guide's too when the engine created it within that command's run
// (pending in state.mjs); it is then recorded.
import { dropPending, readOwned, readOwnedNetworks, readPending, recordResource } from './state.mjs';
import { GuideError } from './errors.mjs';

/** @typedef {import('./engine.mjs').ContainerInfo} ContainerInfo */

/** How long after a command started Docker may have created what it names: ms before (clock skew), ms after. */
export const PENDING_WINDOW = { before: 2_000, after: 120_000 };

/** @typedef {import('./state.mjs').Pending['kind']} PendingKind */
/** @type {Record<PendingKind, import('./state.mjs').RecordKind>} */
const RECORDS = { container: 'containers', network: 'networks', volume: 'volumes', image: 'images' };

/**
 * Whether `found` is what an interrupted command noted as pending was creating: same engine, kind
 * and name, created within the window around the command's start. Pure.
 * @param {import('./state.mjs').Pending[]} pending @param {string} engine @param {PendingKind} kind
 * @param {{ name: string, created: number }} found
 */
export function matchPending(pending, engine, kind, found) {
  return pending.some(
    (p) =>
      p.engine === engine && p.kind === kind && p.name === found.name &&
      found.created >= p.since - PENDING_WINDOW.before && found.created <= p.since + PENDING_WINDOW.after,
  );
}

/**
 * A pending entry for this name is settled now: what exists is recorded as the guide's when it
 * matches, and the entry is dropped either way.
 * @param {string} engine @param {PendingKind} kind
 * @param {{ id: string, name: string, created: number, createdAt?: string }} found  createdAt: a volume's, kept in its record
 */
export function settlePending(engine, kind, found) {
  const pending = readPending();
  if (!pending.some((p) => p.engine === engine && p.kind === kind && p.name === found.name)) return false;
  const ours = matchPending(pending, engine, kind, found);
  if (ours) recordResource(RECORDS[kind], { engine, id: found.id, name: found.name, ...(found.createdAt ? { created: found.createdAt } : {}) });
  dropPending({ engine, kind, name: found.name });
  return ours;
}

/**
 * The GuideError for something named like the guide's that is not in its record. Pure.
 * @param {{ at: string, what: string, verb: string, expected: string, received: string, todo: string }} facts
 */
export function foreignError({ at, what, verb, expected, received, todo }) {
  return new GuideError(
    `${at}: ${what} already exists, and this guide did not ${verb} it`,
    [`expected: ${expected}`, `received: ${received}, not in the guide's record`],
    `the guide never touches it. ${todo}, or run the guide against another engine (DOCKER_HOST or \`docker context use\`); then run this step again`,
  );
}

/** @param {string} engine @param {ContainerInfo} container */
export function isRecorded(engine, container) {
  return readOwned().some((c) => c.engine === engine && c.id === container.id) || settlePending(engine, 'container', container);
}

/**
 * The link rule, pure: the container was created with a link to one of `names` (Docker keeps
 * `--link redis-server:redis` as "/redis-server:/<its name>/redis").
 * @param {Pick<ContainerInfo, 'links'>} container @param {string[]} names
 */
export function isLinkedTo(container, names) {
  return container.links.some((link) => names.some((name) => link.startsWith(`/${name}:`)));
}

/**
 * Recorded, or linked to one of `ownedNames` (names of existing containers the guide recorded).
 * @param {string} engine @param {ContainerInfo} container @param {string[]} ownedNames
 */
export function isGuideContainer(engine, container, ownedNames) {
  return isRecorded(engine, container) || isLinkedTo(container, ownedNames);
}

/**
 * Stops the step when a container it would use or create by name belongs to someone else.
 * @param {string} engine @param {ContainerInfo} container @param {string} at  the command's file:line
 */
export function refuseForeign(engine, container, at) {
  if (isRecorded(engine, container)) return;
  throw foreignError({
    at,
    what: `a container named ${container.name}`,
    verb: 'create',
    expected: `no container named ${container.name}, or the one this guide started`,
    received: `${container.name} (${container.id.slice(0, 12)}, ${container.running ? 'running' : 'stopped'})`,
    todo: `Rename it (\`docker rename ${container.name} my-${container.name}\`) or remove it yourself`,
  });
}

/** @param {string} engine @param {{ id: string, name: string, created: number }} network */
export function isRecordedNetwork(engine, network) {
  return readOwnedNetworks().some((n) => n.engine === engine && n.id === network.id) || settlePending(engine, 'network', network);
}

/**
 * Stops the step when a network it would create, join or remove by name belongs to someone else.
 * @param {string} engine @param {import('./engine.mjs').NetworkInfo} network @param {string} at  the command's file:line
 */
export function refuseForeignNetwork(engine, network, at) {
  if (isRecordedNetwork(engine, network)) return;
  throw foreignError({
    at,
    what: `a network named ${network.name}`,
    verb: 'create',
    expected: `no network named ${network.name}, or the one this guide created`,
    received: `${network.name} (${network.id.slice(0, 12)}, ${network.containers.length} container(s) attached)`,
    todo: `Remove it yourself if it is unused (\`docker network rm ${network.name}\`)`,
  });
}
