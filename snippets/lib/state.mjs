// @ts-check
// What the guide created, per engine: $GUIDE_STATE_DIR/containers.json
// (default ${XDG_STATE_HOME:-~/.local/state}/docker-links-guide/), containers and networks.
// The page's commands are run verbatim, without labels, so ownership is this record of ids.
// Before a command that creates something by name runs, the record also notes it as pending:
// if the command is interrupted (Ctrl-C) after Docker created it but before its id was recorded,
// the next run can still tell it is the guide's (owner.mjs).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** @typedef {{ engine: string, id: string, name: string }} OwnedContainer */
/** @typedef {{ engine: string, kind: 'container' | 'network', name: string, since: number }} Pending */

export function stateFile() {
  const base = process.env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state');
  const dir = process.env.GUIDE_STATE_DIR || path.join(base, 'docker-links-guide');
  return path.join(dir, 'containers.json');
}

/** @returns {{ containers: OwnedContainer[], networks: OwnedContainer[], pending: Pending[] }} */
function readRecord() {
  try {
    const data = JSON.parse(readFileSync(stateFile(), 'utf8'));
    const list = (/** @type {unknown} */ value) => (Array.isArray(value) ? value : []);
    return { containers: list(data.containers), networks: list(data.networks), pending: list(data.pending) };
  } catch {
    return { containers: [], networks: [], pending: [] };
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

/** @param {{ containers?: OwnedContainer[], networks?: OwnedContainer[], pending?: Pending[] }} change */
function writeRecord(change) {
  const { containers, networks, pending } = { ...readRecord(), ...change };
  const file = stateFile();
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const data = { containers, ...(networks.length > 0 ? { networks } : {}), ...(pending.length > 0 ? { pending } : {}) };
  writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`);
  renameSync(tmp, file);
}

/** @returns {Pending[]} */
export function readPending() {
  return readRecord().pending;
}

/** Notes that a command is about to create `name`. @param {Pending} entry */
export function recordPending(entry) {
  writeRecord({ pending: [...dropFrom(readPending(), entry), entry] });
}

/** @param {{ engine: string, kind: string, name: string }} entry */
export function dropPending(entry) {
  writeRecord({ pending: dropFrom(readPending(), entry) });
}

/** @param {Pending[]} pending @param {{ engine: string, kind: string, name: string }} entry */
function dropFrom(pending, entry) {
  return pending.filter((p) => p.engine !== entry.engine || p.kind !== entry.kind || p.name !== entry.name);
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
