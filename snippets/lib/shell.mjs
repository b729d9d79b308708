// @ts-check
// Runs one command through a shell, verbatim, printing its output as it comes and capturing
// stdout and stderr interleaved in the order the terminal shows them (one pipe for both).
import { $ } from 'zx';

/**
 * @typedef {{ output: string, exitCode: number | null, timedOut: boolean, durationMs: number }} ShellResult
 * @param {string} text  the command as the page shows it
 * @param {{ timeoutMs: number, echo?: boolean }} options  echo: stream the output to this terminal
 * @returns {Promise<ShellResult>}
 */
export async function runShell(text, { timeoutMs, echo = true }) {
  const started = performance.now();
  const chunks = /** @type {string[]} */ ([]);
  // `exec 2>&1` sends the shell's stderr into its stdout pipe: one stream, the terminal's order.
  const process_ = $({
    nothrow: true,
    quiet: true,
    timeout: timeoutMs,
    timeoutSignal: 'SIGKILL',
    stdio: ['ignore', 'pipe', 'pipe'],
  })(asTemplate(`exec 2>&1\n${text}`));
  process_.stdout.on('data', (/** @type {Buffer} */ data) => {
    chunks.push(data.toString());
    if (echo) process.stdout.write(data);
  });
  const result = await process_;
  const timedOut = result.signal === 'SIGKILL' && performance.now() - started >= timeoutMs - 50;
  return {
    output: chunks.join(''),
    exitCode: result.exitCode,
    timedOut,
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * Runs a short command quietly and returns its output; for the guide's own docker queries.
 * @param {string[]} argv
 * @param {number} [timeoutMs]
 */
export async function runQuiet(argv, timeoutMs = 30_000) {
  const result = await $({ nothrow: true, quiet: true, timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] })`${argv}`;
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
}

/**
 * A command as zx template pieces, so zx runs it as written (no quoting of interpolations).
 * @param {string} text @returns {TemplateStringsArray}
 */
export function asTemplate(text) {
  return /** @type {TemplateStringsArray} */ (/** @type {unknown} */ (Object.assign([text], { raw: [text] })));
}
