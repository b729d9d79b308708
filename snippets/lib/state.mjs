// @ts-check
// What the guide created, per engine: $GUIDE_STATE_DIR/containers.json
// (default ${XDG_STATE_HOME:-~/.local/state}/docker-links-guide/). The page's commands are run
// verbatim, without labels, so ownership is this record of ids.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** @typedef {{ engine: string, id: string, name: string }} OwnedContainer */

export function stateFile() {
  const base = process.env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state');
  const dir = process.env.GUIDE_STATE_DIR || path.join(base, 'docker-links-guide');
  return path.join(dir, 'containers.json');
}

/** @returns {OwnedContainer[]} */
export function readOwned() {
  try {
    const data = JSON.parse(readFileSync(stateFile(), 'utf8'));
    return Array.isArray(data.containers) ? data.containers : [];
  } catch {
    return [];
  }
}

/** @param {OwnedContainer[]} containers */
function writeOwned(containers) {
  const file = stateFile();
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ containers }, null, 2)}\n`);
  renameSync(tmp, file);
}

/** @param {OwnedContainer} container */
export function recordOwned(container) {
  writeOwned([...readOwned().filter((c) => c.id !== container.id), container]);
}

/** Forgets this engine's records whose container no longer exists. @param {string} engine @param {Set<string>} existing */
export function pruneOwned(engine, existing) {
  writeOwned(readOwned().filter((c) => c.engine !== engine || existing.has(c.id)));
}
