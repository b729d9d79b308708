// @ts-check
// What a person sees: each command as `$ command`, then its output as it comes; notes in between.
import { appendFileSync } from 'node:fs';
import { chalk } from 'zx';

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
 * Appends one RunEvent (scripts/page/types.ts) as a JSON line to $GUIDE_EVENTS, when it is set.
 * @param {Record<string, unknown> & { kind: string }} event
 */
export function emitEvent(event) {
  const file = process.env.GUIDE_EVENTS;
  if (file) appendFileSync(file, `${JSON.stringify(event)}\n`);
}

/** "content/step3.mdx:35" -> { file, line } @param {string} at */
export function toLocation(at) {
  const i = at.lastIndexOf(':');
  return { file: at.slice(0, i), line: Number(at.slice(i + 1)) };
}
