// @ts-check
// Starting a snippet process (snippet-host.mjs): the one place its command line is made.
// bin.mjs starts the run's first one before it loads the runner, so that Node's start-up and the
// snippet runtime's loading overlap with the runner's; spawn-snippet.ts wires that one (handed to
// the pool) and every other. Plain JS, so that bin.mjs can import it without the type stripper.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { LEAN_NODE_FLAGS } from './node-flags.mjs';

const host = path.join(import.meta.dirname, 'snippet-host.mjs');

/**
 * A snippet process in `cwd`, waiting for its first handover on its IPC channel.
 * @param {string} cwd
 * @returns {import('node:child_process').ChildProcess}
 */
export function startSnippetHost(cwd) {
  return spawn(process.execPath, [...LEAN_NODE_FLAGS, host], {
    cwd,
    env: withoutGuideVariables(process.env), // the channel carries everything; a person's settings do not leak in
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    detached: true, // its own process group: killed as a whole, and Ctrl-C reaches it only through the runner
  });
}

/**
 * Lets go of a snippet process that was never handed a snippet: it exits, and nothing of it keeps
 * the runner alive.
 * @param {import('node:child_process').ChildProcess} child
 */
export function letGoOfHost(child) {
  child.stdout?.resume();
  child.stderr?.resume();
  if (child.connected) child.disconnect(); // snippet-host.mjs exits
}

/**
 * A person's GUIDE_* settings (a state folder, an events file) are not the run's.
 * @param {NodeJS.ProcessEnv} env
 * @returns {NodeJS.ProcessEnv}
 */
export function withoutGuideVariables(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('GUIDE_')));
}

/**
 * Whether a doc-test run with these arguments runs snippets in this process: not `--cleanup`,
 * `--captures` (no engine), a matrix (each engine's run is a process of its own) or `--help`. Pure.
 * @param {string[]} argv
 */
export function runsSnippetsHere(argv) {
  return !argv.some((arg) => ['--cleanup', '--captures', '--matrix', '--engines', '--engine', '--help', '-h'].includes(arg));
}
