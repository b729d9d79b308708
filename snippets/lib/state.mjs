// @ts-check
// What the guide created, per engine: $GUIDE_STATE_DIR/containers.json
// (default ${XDG_STATE_HOME:-~/.local/state}/docker-links-guide/), containers and networks.
// The page's commands are run verbatim, without labels, so ownership is this record of ids.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** @typedef {{ engine: string, id: string, name: string }} OwnedContainer */

export function stateFile() {
  const base = process.env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state');
  const dir = process.env.GUIDE_STATE_DIR || path.join(base, 'docker-links-guide');
  return path.join(dir, 'containers.json');
}

/** @returns {{ containers: OwnedContainer[], networks: OwnedContainer[] }} */
function readRecord() {
  try {
    const data = JSON.parse(readFileSync(stateFile(), 'utf8'));
    return { containers: Array.isArray(data.containers) ? data.containers : [], networks: Array.isArray(data.networks) ? data.networks : [] };
  } catch {
    return { containers: [], networks: [] };
  }
}

/** @returns {OwnedContainer[]} */
export function readOwned() {
  return readRecord().containers;
}

/** Networks the guide created (`docker network create`), same shape as containers. @returns {OwnedContainer[]} */
export function readOwnedNetworks() {
  return readRecord().networks;
}

/** @param {{ containers?: OwnedContainer[], networks?: OwnedContainer[] }} change */
function writeRecord(change) {
  const { containers, networks } = { ...readRecord(), ...change };
  const file = stateFile();
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(networks.length > 0 ? { containers, networks } : { containers }, null, 2)}\n`);
  renameSync(tmp, file);
}

/** @param {OwnedContainer[]} containers */
function writeOwned(containers) {
  writeRecord({ containers });
}

/** @param {OwnedContainer} network */
export function recordOwnedNetwork(network) {
  writeRecord({ networks: [...readOwnedNetworks().filter((n) => n.id !== network.id), network] });
}

/** Forgets networks the guide removed. @param {string} engine @param {string[]} ids */
export function forgetNetworks(engine, ids) {
  writeRecord({ networks: readOwnedNetworks().filter((n) => n.engine !== engine || !ids.includes(n.id)) });
}

/** @param {OwnedContainer} container */
export function recordOwned(container) {
  writeOwned([...readOwned().filter((c) => c.id !== container.id), container]);
}

/** Forgets this engine's records whose container no longer exists. @param {string} engine @param {Set<string>} existing */
export function pruneOwned(engine, existing) {
  writeOwned(readOwned().filter((c) => c.engine !== engine || existing.has(c.id)));
}
