// @ts-check
// What a person sees: each command as `$ command`, then its output as it comes; notes in between.
import { appendFileSync } from 'node:fs';

/** Colour only on a terminal, unless NO_COLOR (https://no-color.org) or FORCE_COLOR says otherwise. @param {NodeJS.WriteStream} stream */
export function wantsColor(stream, env = process.env) {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0';
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

/** @param {string} code @param {NodeJS.WriteStream} stream */
const style = (code, stream) => (/** @type {string} */ text) => (wantsColor(stream) ? `\x1b[${code}m${text}\x1b[0m` : text);
const chalk = { bold: style('1', process.stdout), dim: style('2', process.stdout), red: style('31', process.stderr) };

/** @param {string} text  the command, verbatim (continuation lines included) */
export function printCommand(text) {
  process.stdout.write(`\n${chalk.bold(`$ ${text}`)}\n`);
}

/** A line that is not part of any command's output: set-up, reuse, skips. @param {string} text */
export function printNote(text) {
  process.stdout.write(`${chalk.dim(`# ${text}`)}\n`);
}

/** @param {string} text */
export function printError(text) {
  process.stderr.write(`\n${chalk.red(text)}\n`);
}

/**
 * One RunEvent (scripts/page/types.ts), as it happens: to the doc-test runner on the IPC channel
 * it started this snippet with (handover.mjs), and as a JSON line to $GUIDE_EVENTS when a person
 * asks for a file of events.
 * @param {Record<string, unknown> & { kind: string }} event
 */
export function emitEvent(event) {
  if (process.send && process.connected) process.send(event);
  const file = process.env.GUIDE_EVENTS;
  if (file) appendFileSync(file, `${JSON.stringify(event)}\n`);
}

/** "content/step3.mdx:35" -> { file, line } @param {string} at */
export function toLocation(at) {
  const i = at.lastIndexOf(':');
  return { file: at.slice(0, i), line: Number(at.slice(i + 1)) };
}
