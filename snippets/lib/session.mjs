// @ts-check
// An interactive (`-it`) command. In a terminal it is the person's (stdio inherited). With no
// terminal it runs in a pseudo-terminal: wait for each prompt, type the page's input, render the
// screen with a terminal emulator, and return that transcript. A deadline kills the pty, and
// the container it created is removed, so it never hangs. The scripted way needs a
// pseudo-terminal and a terminal emulator (npm packages, loaded on first use); a person's
// terminal needs nothing.
import { listContainerIds } from './engine.mjs';
import { runInherited, runQuiet } from './shell.mjs';
import { GuideError } from './errors.mjs';
import { loadOptional } from './optional.mjs';
import { COLS, ROWS, loadPty, spawnInPty } from './pty.mjs';

/** Loads the terminal emulator and the pseudo-terminal (a scripted session, in the runner's snippets). */
export async function loadScripted() {
  const [xterm] = await Promise.all([loadOptional('@xterm/headless', 'a scripted `-it` session (no terminal to hand it to)'), loadPty()]);
  return /** @type {typeof import('@xterm/headless')} */ (/** @type {any} */ (xterm).default ?? xterm);
}

/** @returns {boolean} */
export function hasTerminal() {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY);
}

/** The person types; nothing is captured. @param {string} text */
export async function runInTerminal(text) {
  return { ...(await runInherited(text)), containers: [] };
}

/**
 * @param {string} text @param {{ prompt: string, inputs: string[] }} session @param {number} timeoutMs
 * @returns {Promise<{ output: string, exitCode: number | null, timedOut: boolean, durationMs: number, containers: string[] }>}
 */
export async function runScripted(text, session, timeoutMs) {
  const started = performance.now();
  const xterm = await loadScripted();
  const before = new Set(await listContainerIds());
  const term = new xterm.Terminal({ cols: COLS, rows: ROWS, scrollback: 1000, allowProposedApi: true });
  const child = await spawnInPty(text);
  child.onData((data) => term.write(data));
  term.onData((reply) => child.write(reply)); // answers to the program's queries, e.g. cursor position
  const exited = new Promise((resolve) => child.onExit(({ exitCode }) => resolve(exitCode)));
  const stop = new AbortController();
  const outcome = await Promise.race([typeInputs(term, child, session, stop.signal).then(() => exited), exited, waitForDeadline(timeoutMs, stop.signal)]);
  stop.abort();
  const timedOut = typeof outcome === 'string';
  if (timedOut) child.kill('SIGKILL');
  const created = (await listContainerIds()).filter((id) => !before.has(id));
  if (timedOut && created.length > 0) await runQuiet(['docker', 'rm', '-f', '-v', ...created]); // -v: its anonymous volumes too
  if (outcome === 'SIGINT' || outcome === 'SIGTERM') {
    throw new GuideError(`\`${text}\`: interrupted (${outcome})`, [`the session was stopped and its container removed (${created.length})`], 'run the step again when you are ready', outcome);
  }
  await new Promise((resolve) => term.write('', () => resolve(undefined)));
  const output = renderScreen(term);
  term.dispose();
  return { output, exitCode: timedOut ? null : /** @type {number} */ (outcome), timedOut, durationMs: Math.round(performance.now() - started), containers: created };
}

/**
 * Resolves with 'deadline' after `ms`, or with the signal's name on Ctrl-C / SIGTERM; nothing once `stop` aborts.
 * @param {number} ms @param {AbortSignal} stop @returns {Promise<string>}
 */
function waitForDeadline(ms, stop) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('deadline'), ms);
    /** @param {NodeJS.Signals} signal */
    const onSignal = (signal) => resolve(signal);
    process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
    stop.addEventListener('abort', () => {
      clearTimeout(timer);
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    });
  });
}

/**
 * Types each input once its prompt is on the cursor's line, below where the previous one was typed.
 * @param {import('@xterm/headless').Terminal} term @param {import('@lydell/node-pty').IPty} child
 * @param {{ prompt: string, inputs: string[] }} session @param {AbortSignal} signal
 */
async function typeInputs(term, child, session, signal) {
  let promptRow = -1;
  for (const input of session.inputs) {
    promptRow = await waitForPrompt(term, session.prompt.trimEnd(), promptRow, signal);
    if (signal.aborted) return;
    child.write(`${input}\r`);
  }
}

/** @param {import('@xterm/headless').Terminal} term @param {string} prompt @param {number} afterRow @param {AbortSignal} signal */
async function waitForPrompt(term, prompt, afterRow, signal) {
  while (!signal.aborted) {
    const buffer = term.buffer.active;
    const row = buffer.baseY + buffer.cursorY;
    if (row > afterRow && buffer.getLine(row)?.translateToString(true).trimEnd() === prompt) return row;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return afterRow;
}

/** The screen and scrollback as text lines, trailing blanks removed. @param {import('@xterm/headless').Terminal} term */
export function renderScreen(term) {
  const buffer = term.buffer.active;
  const lines = [];
  for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true).trimEnd() ?? '');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
