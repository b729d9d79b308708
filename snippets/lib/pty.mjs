// @ts-check
// Runs a command in a pseudo-terminal, so it prints exactly what it prints in a person's
// terminal (no progress meters meant for pipes; stdout and stderr interleaved in screen order).
// The doc-test runner's way of running a command (the pages show a terminal's output); the
// pseudo-terminal package loads on first use, so a learner's run never needs it.
import { loadOptional } from './optional.mjs';
import { trackGroup } from './shell.mjs';

export const COLS = 100;
export const ROWS = 40;

/** @typedef {import('@lydell/node-pty').IPty} IPty */

/** @type {Promise<typeof import('@lydell/node-pty')> | undefined} */
let loading;
/** Loads the pseudo-terminal package (once); the runner's snippet processes load it early. */
export function loadPty() {
  loading ??= loadOptional('@lydell/node-pty', 'running a command in a pseudo-terminal').then((m) => /** @type {any} */ (m).default ?? m);
  return loading;
}

/**
 * A command's pseudo-terminal is a session of its own, so a signal that ends this script does not
 * reach it (a scripted session handles Ctrl-C itself, session.mjs).
 * @param {string} text  the command, run by bash verbatim
 * @returns {Promise<IPty>}
 */
export async function spawnInPty(text) {
  const pty = await loadPty();
  const env = { ...process.env, TERM: process.env.TERM && process.env.TERM !== 'dumb' ? process.env.TERM : 'xterm-256color' };
  return pty.spawn('bash', ['-c', text], { name: env.TERM, cols: COLS, rows: ROWS, env });
}

/**
 * Runs a non-interactive command; its output is streamed to this terminal as it comes.
 * @param {string} text @param {{ timeoutMs: number, echo?: boolean }} options
 * @returns {Promise<{ output: string, exitCode: number | null, timedOut: boolean, durationMs: number }>}
 */
export async function runInPty(text, { timeoutMs, echo = true }) {
  const started = performance.now();
  const child = await spawnInPty(text);
  // the docker CLI, which proxies signals to its container, would outlive a hang-up and go on
  // creating: while it runs, Ctrl-C and SIGTERM end its whole session first (shell.mjs)
  const untrack = trackGroup(child.pid); // the pty's session leader leads its process group
  const chunks = /** @type {string[]} */ ([]);
  return new Promise((resolve) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killSession(child.pid); // the whole session: a child that ignores the hang-up goes too
    }, timeoutMs);
    child.onData((data) => {
      const text = data.replace(/\r\n/g, '\n');
      chunks.push(text);
      if (echo) process.stdout.write(text);
    });
    child.onExit(({ exitCode, signal }) => {
      clearTimeout(timer);
      untrack();
      const output = chunks.join('');
      resolve({ output, exitCode: timedOut ? null : exitStatus(exitCode, signal), timedOut, durationMs: Math.round(performance.now() - started) });
    });
  });
}

/**
 * The status a shell shows: a command ended by a signal is 128 + its number (a pseudo-terminal
 * reports exit code 0 with the signal beside it). Pure.
 * @param {number} exitCode @param {number | undefined} signal
 */
export function exitStatus(exitCode, signal) {
  return signal ? 128 + signal : exitCode;
}

/** @param {number} pid  the session leader, whose group is the command's */
function killSession(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
