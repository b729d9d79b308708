// @ts-check
// What the guide created, per engine: $GUIDE_STATE_DIR/containers.json (the doc-test runner's own
// folder for its snippets, handover.mjs)
// (default ${XDG_STATE_HOME:-~/.local/state}/docker-links-guide/): containers, networks, volumes
// (named ones, and the anonymous volumes of its containers that a `docker rm` without `-v` left)
// and images (the tags `docker build -t` gave). The page's commands are run verbatim, without
// labels, so ownership is this record. Before a command that creates something by name runs,
// the record also notes it as pending: if the command is interrupted (Ctrl-C) after Docker
// created it but before it was recorded, the next run can still tell it is the guide's (owner.mjs).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One thing the guide created. A volume's id is its name (`created`: its CreatedAt when recorded,
 * for the reader; Docker moves it as the volume's content changes); an image's id is the image id
 * and its name the tag.
 * @typedef {{ engine: string, id: string, name: string, created?: string }} OwnedContainer
 * @typedef {'containers' | 'networks' | 'volumes' | 'images'} RecordKind
 * @typedef {{ engine: string, kind: 'container' | 'network' | 'volume' | 'image', name: string, since: number }} Pending
 */

/** @type {readonly RecordKind[]} */
export const RECORD_KINDS = ['containers', 'networks', 'volumes', 'images'];

/** @type {string | undefined} */
let runnerDir;
/** The doc-test runner's state folder for its run (handover.mjs), instead of the person's. @param {string} dir */
export function useStateDir(dir) {
  runnerDir = dir;
}

export function stateFile() {
  const base = process.env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state');
  const dir = runnerDir || process.env.GUIDE_STATE_DIR || path.join(base, 'docker-links-guide');
  return path.join(dir, 'containers.json');
}

/** @typedef {Record<RecordKind, OwnedContainer[]> & { pending: Pending[] }} StateRecord */

/** @returns {StateRecord} */
function readRecord() {
  return readStateFile(stateFile());
}

/**
 * The one reader of a state file (the guide's scripts and the doc-test runner's clean-up, which
 * reads its run's folder): each list empty when the file or the list is absent.
 * @param {string} file @returns {StateRecord}
 */
export function readStateFile(file) {
  const list = (/** @type {unknown} */ value) => (Array.isArray(value) ? value : []);
  try {
    const data = JSON.parse(readFileSync(file, 'utf8'));
    return { containers: list(data.containers), networks: list(data.networks), volumes: list(data.volumes), images: list(data.images), pending: list(data.pending) };
  } catch {
    return { containers: [], networks: [], volumes: [], images: [], pending: [] };
  }
}

/** @param {Partial<StateRecord>} change */
function writeRecord(change) {
  const record = { ...readRecord(), ...change };
  const file = stateFile();
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  /** @type {Record<string, unknown>} */
  const data = { containers: record.containers };
  for (const key of [...RECORD_KINDS.slice(1), /** @type {const} */ ('pending')]) if (record[key].length > 0) data[key] = record[key];
  writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`);
  renameSync(tmp, file);
}

/** Everything of one kind the guide recorded, every engine. @param {RecordKind} kind */
export function readRecorded(kind) {
  return readRecord()[kind];
}

/** @param {OwnedContainer} a @param {OwnedContainer} b */
const same = (a, b) => a.engine === b.engine && a.id === b.id && a.name === b.name;

/** Records one thing the guide created (one entry per engine, id and name: an image may have two tags). @param {RecordKind} kind @param {OwnedContainer} entry */
export function recordResource(kind, entry) {
  writeRecord({ [kind]: [...readRecorded(kind).filter((e) => !same(e, entry)), entry] });
}

/** Forgets this engine's entries of `kind` with these ids. @param {RecordKind} kind @param {string} engine @param {string[]} ids */
export function forgetResources(kind, engine, ids) {
  writeRecord({ [kind]: readRecorded(kind).filter((e) => e.engine !== engine || !ids.includes(e.id)) });
}

/** Forgets exactly these entries (engine, id and name). @param {RecordKind} kind @param {OwnedContainer[]} entries */
export function forgetEntries(kind, entries) {
  writeRecord({ [kind]: readRecorded(kind).filter((e) => !entries.some((gone) => same(e, gone))) });
}

/** @returns {OwnedContainer[]} */
export function readOwned() {
  return readRecorded('containers');
}

/** Networks the guide created (`docker network create`), same shape as containers. @returns {OwnedContainer[]} */
export function readOwnedNetworks() {
  return readRecorded('networks');
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

/** @param {OwnedContainer} network */
export function recordOwnedNetwork(network) {
  recordResource('networks', network);
}

/** Forgets networks the guide removed. @param {string} engine @param {string[]} ids */
export function forgetNetworks(engine, ids) {
  forgetResources('networks', engine, ids);
}

/** @param {OwnedContainer} container */
export function recordOwned(container) {
  recordResource('containers', container);
}

/** Forgets this engine's records whose container no longer exists. @param {string} engine @param {Set<string>} existing */
export function pruneOwned(engine, existing) {
  writeRecord({ containers: readOwned().filter((c) => c.engine !== engine || existing.has(c.id)) });
}
