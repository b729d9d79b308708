// @ts-check
// Runs commands with Node's own child_process, so a learner's run needs no npm package at all
// (`npx zx` or plain `node`, Node.js 20 or later). Each command runs in a process group of its
// own: a deadline, Ctrl-C or SIGTERM ends the whole group (the docker CLI included), not only bash.
import { spawn } from 'node:child_process';

/**
 * @typedef {{ output: string, exitCode: number | null, timedOut: boolean, durationMs: number }} ShellResult
 */

const groups = /** @type {Set<number>} */ (new Set());
const exitCodes = { SIGINT: 130, SIGTERM: 143 };

/** @param {'SIGINT' | 'SIGTERM'} signal */
function stopGroups(signal) {
  for (const pid of groups) killGroup(pid);
  process.exit(exitCodes[signal]);
}

/** @param {number} pid */
function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/**
 * While a process group runs, Ctrl-C and SIGTERM end it first (shared with pty.mjs).
 * @param {number} pid  the group leader @returns {() => void}  call when it has exited
 */
export function trackGroup(pid) {
  if (groups.size === 0) process.on('SIGINT', stopGroups).on('SIGTERM', stopGroups);
  groups.add(pid);
  return () => {
    groups.delete(pid);
    if (groups.size === 0) process.off('SIGINT', stopGroups).off('SIGTERM', stopGroups);
  };
}

/**
 * Runs one command through bash, verbatim. By default stdout and stderr share one pipe (the
 * terminal's order), printed as it comes when `echo` is set. On a person's terminal the command
 * can have it as its own, so it prints exactly what it prints when typed (no progress meters meant
 * for pipes): `terminal: 'all'` passes stdout and stderr (nothing is captured), `terminal:
 * 'stderr'` passes stderr and captures stdout, echoed (for a command whose printed id is needed).
 * @param {string} text  the command as the page shows it
 * @param {{ timeoutMs: number, echo?: boolean, terminal?: 'all' | 'stderr' }} options
 * @returns {Promise<ShellResult>}
 */
export function runShell(text, { timeoutMs, echo = true, terminal }) {
  /** @type {import('node:child_process').StdioOptions | undefined} */
  const stdio = terminal === 'all' ? ['ignore', 'inherit', 'inherit'] : terminal === 'stderr' ? ['ignore', 'pipe', 'inherit'] : undefined;
  const argv = ['bash', '-c', terminal ? text : `exec 2>&1\n${text}`];
  return runGroup(argv, timeoutMs, echo ? (data) => process.stdout.write(data) : undefined, stdio, true).then(
    ({ stdout, exitCode, timedOut, durationMs }) => ({ output: stdout, exitCode, timedOut, durationMs }),
  );
}

/**
 * Runs a short command quietly and returns its output; for the guide's own docker queries. Its
 * group is not ended by Ctrl-C here: the doc-test runner asks through these while it cleans up
 * after Ctrl-C, and a query ends at its deadline anyway.
 * @param {string[]} argv @param {number} [timeoutMs]
 * @returns {Promise<{ stdout: string, stderr: string, exitCode: number | null }>}
 */
export async function runQuiet(argv, timeoutMs = 30_000) {
  const { stdout, stderr, exitCode } = await runGroup(argv, timeoutMs);
  return { stdout, stderr, exitCode };
}

/**
 * A command with this terminal as its own (stdin, stdout, stderr inherited): for `-it` sessions
 * a person types into. Ctrl-C goes to it, as when the person types the command.
 * @param {string} text @returns {Promise<ShellResult>}
 */
export function runInherited(text) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', text], { stdio: 'inherit' });
    const ignore = () => {}; // the session's program handles Ctrl-C; this script waits for it to end
    process.on('SIGINT', ignore);
    const done = (/** @type {number | null} */ exitCode) => {
      process.off('SIGINT', ignore);
      resolve({ output: '', exitCode, timedOut: false, durationMs: Math.round(performance.now() - started) });
    };
    child.once('error', () => done(127));
    child.once('close', (code, signal) => done(code ?? (signal ? 128 : null)));
  });
}

/**
 * A process group of its own (a new session: a deadline or Ctrl-C here ends all of it); a terminal
 * passed to it stays writable, and the command sees it as its terminal.
 * @param {string[]} argv @param {number} timeoutMs @param {(data: Buffer) => void} [onStdout]
 * @param {import('node:child_process').StdioOptions} [stdio]
 * @param {boolean} [track]  Ctrl-C and SIGTERM here end the group first (trackGroup): a step's own commands
 * @returns {Promise<{ stdout: string, stderr: string, exitCode: number | null, timedOut: boolean, durationMs: number }>}
 */
function runGroup([file, ...args], timeoutMs, onStdout, stdio = ['ignore', 'pipe', 'pipe'], track = false) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(/** @type {string} */ (file), args, { stdio, detached: true });
    const out = /** @type {Buffer[]} */ ([]);
    const err = /** @type {Buffer[]} */ ([]);
    child.stdout?.on('data', (/** @type {Buffer} */ data) => (out.push(data), onStdout?.(data)));
    child.stderr?.on('data', (/** @type {Buffer} */ data) => err.push(data));
    const untrack = child.pid === undefined || !track ? () => {} : trackGroup(child.pid);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) killGroup(child.pid);
    }, Math.max(1, Math.ceil(timeoutMs)));
    let finished = false;
    /** @param {number | null} exitCode @param {string} [problem] */
    const done = (exitCode, problem = '') => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      untrack();
      const stderr = Buffer.concat(err).toString() + problem;
      resolve({ stdout: Buffer.concat(out).toString(), stderr, exitCode: timedOut ? null : exitCode, timedOut, durationMs: Math.round(performance.now() - started) });
    };
    child.once('error', (error) => done(127, `${file}: ${error.message}\n`));
    child.once('close', (code, signal) => done(code ?? (signal ? 128 + signalNumber(signal) : null)));
  });
}

/** @param {NodeJS.Signals} signal */
function signalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[/** @type {string} */ (signal)] ?? 0;
}
