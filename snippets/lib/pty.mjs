// @ts-check
// Runs a command in a pseudo-terminal, so it prints exactly what it prints in a person's
// terminal (no progress meters meant for pipes; stdout and stderr interleaved in screen order).
import pty from '@lydell/node-pty';

export const COLS = 100;
export const ROWS = 40;

// A command's pseudo-terminal is a session of its own, so a signal that ends this script does not
// reach it; and the docker CLI, which proxies signals to its container, would outlive a hang-up
// and go on creating. While commands run, Ctrl-C and SIGTERM end their whole sessions first.
const running = /** @type {Set<import('@lydell/node-pty').IPty>} */ (new Set());
const exitCodes = { SIGINT: 130, SIGTERM: 143 };
/** @param {'SIGINT' | 'SIGTERM'} signal */
function stopRunning(signal) {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGKILL'); // the pty's session leader leads its process group
    } catch {
      // already gone
    }
  }
  process.exit(exitCodes[signal]);
}
/** @param {import('@lydell/node-pty').IPty} child */
function track(child) {
  if (running.size === 0) process.on('SIGINT', stopRunning).on('SIGTERM', stopRunning);
  running.add(child);
  child.onExit(() => {
    running.delete(child);
    if (running.size === 0) process.off('SIGINT', stopRunning).off('SIGTERM', stopRunning);
  });
}

/**
 * @param {string} text  the command, run by bash verbatim
 * @returns {import('@lydell/node-pty').IPty}
 */
export function spawnInPty(text) {
  const env = { ...process.env, TERM: process.env.TERM && process.env.TERM !== 'dumb' ? process.env.TERM : 'xterm-256color' };
  return pty.spawn('bash', ['-c', text], { name: env.TERM, cols: COLS, rows: ROWS, env });
}

/**
 * Runs a non-interactive command; its output is streamed to this terminal as it comes.
 * @param {string} text @param {{ timeoutMs: number, echo?: boolean }} options
 * @returns {Promise<{ output: string, exitCode: number | null, timedOut: boolean, durationMs: number }>}
 */
export function runInPty(text, { timeoutMs, echo = true }) {
  const started = performance.now();
  const child = spawnInPty(text);
  track(child);
  const chunks = /** @type {string[]} */ ([]);
  return new Promise((resolve) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.onData((data) => {
      const text = data.replace(/\r\n/g, '\n');
      chunks.push(text);
      if (echo) process.stdout.write(text);
    });
    child.onExit(({ exitCode }) => {
      clearTimeout(timer);
      const output = chunks.join('');
      resolve({ output, exitCode: timedOut ? null : exitCode, timedOut, durationMs: Math.round(performance.now() - started) });
    });
  });
}
