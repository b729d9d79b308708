// @ts-check
// One command of a step: decide whether its effect already exists, run it (or its session),
// wait until it is ready, record what it created (recording.mjs), and check its exit status.
import { describeCommand } from './docker-command.mjs';
import { decideEffect } from './effects.mjs';
import { startContainer } from './engine.mjs';
import { GuideError } from './errors.mjs';
import { printCommand, printNote } from './print.mjs';
import { waitReady } from './ready.mjs';
import { runInPty } from './pty.mjs';
import { runShell } from './shell.mjs';
import { finishRecording, prepareRecording, printsWhatItCreates } from './recording.mjs';

/**
 * @typedef {{ id: string, at: string, ready?: string, timeout?: number, exit?: number,
 *   prompt?: string, inputs?: string[], from?: string, provoke?: boolean }} CommandOptions
 *   provoke: the command is there to provoke an error (snippets/troubleshoot.mjs): run as typed,
 *   never reused, started or skipped
 * @typedef {{ text: string, options: CommandOptions, setup: boolean }} Planned
 * @typedef {{ output: string, exitCode: number | null, durationMs: number, timedOut: boolean,
 *   readyMs?: number, containers: string[], skipped?: string }} Outcome
 */

/**
 * Runs one command; `failure` is set when it did not become ready (reported after its event).
 * `pty`: in a pseudo-terminal, as the doc-test runner compares output with a terminal's; a
 * person's run pipes it to their terminal as it comes (no npm package needed).
 * @param {{ id: string, version: string }} engine @param {Planned} planned @param {{ pty: boolean }} how
 * @returns {Promise<{ outcome: Outcome, failure?: unknown }>}
 */
export async function runCommand(engine, planned, how) {
  const { text, options } = planned;
  const started = performance.now();
  const deadline = started + (options.timeout ?? 60) * 1000;
  const decision = options.provoke ? /** @type {import('./effects.mjs').Decision} */ ({ action: 'run' }) : await decideEffect(engine.id, text, options.at);
  if (decision.action !== 'run') printNote(`not running \`${text.replace(/\\\n\s*/g, '')}\`: ${decision.reason}`);
  if (decision.action === 'reuse' || decision.action === 'skip') {
    const output = decision.action === 'reuse' ? `${decision.id}\n` : '';
    return { outcome: { output, exitCode: 0, durationMs: Math.round(performance.now() - started), timedOut: false, containers: [], skipped: decision.reason } };
  }
  if (decision.action === 'run' && decision.reason) printNote(decision.reason);
  if (decision.action === 'run') printCommand(decision.text ?? text);
  const toRun = decision.action === 'run' && decision.text ? { ...planned, text: decision.text } : planned;
  const outcome = decision.action === 'start' ? await startExisting(decision) : await execute(engine, toRun, deadline, how);
  let failure;
  if (outcome.exitCode === (options.exit ?? 0) && options.ready) {
    const waiting = performance.now();
    outcome.readyMs = await waitReady(options.ready, deadline, options.at).catch((error) => {
      failure = error;
      return Math.round(performance.now() - waiting);
    });
  }
  outcome.durationMs = Math.round(performance.now() - started);
  return { outcome, failure };
}

/** @param {{ id: string, name: string, reason: string }} decision @returns {Promise<Outcome>} */
async function startExisting(decision) {
  printCommand(`docker start ${decision.name}`);
  const result = await startContainer(decision.id);
  return { output: `${decision.id}\n`, exitCode: result.exitCode, durationMs: 0, timedOut: false, containers: [], skipped: decision.reason };
}

/** @param {{ id: string }} engine @param {Planned} planned @param {number} deadline @param {{ pty: boolean }} how @returns {Promise<Outcome>} */
async function execute(engine, { text, options, setup }, deadline, how) {
  const timeoutMs = Math.max(1, deadline - performance.now());
  const docker = describeCommand(text);
  const prepared = await prepareRecording(engine.id, docker);
  const result = options.prompt !== undefined ? await runSession(text, { prompt: options.prompt, inputs: options.inputs ?? [] }, setup, timeoutMs) : how.pty ? await runInPty(text, { timeoutMs }) : await runShell(text, { timeoutMs, terminal: personsTerminal(docker) });
  const containers = await finishRecording(engine.id, docker, result, prepared);
  const own = 'containers' in result && Array.isArray(result.containers) ? result.containers : []; // a session's, removed at its deadline
  return { ...result, containers: [...new Set([...own, ...containers])] };
}

/**
 * On a person's terminal, a command has it as its own, as when typed; one whose printed id the
 * guide records keeps its stdout captured (and echoed). @param {import('./docker-command.mjs').DockerCommand} docker
 */
function personsTerminal(docker) {
  if (!process.stdout.isTTY) return undefined;
  return printsWhatItCreates(docker) ? 'stderr' : 'all';
}

/**
 * An interactive command: the person's terminal, or a scripted session with the page's inputs.
 * @param {string} text @param {{ prompt: string, inputs: string[] }} session @param {boolean} setup @param {number} timeoutMs
 */
async function runSession(text, session, setup, timeoutMs) {
  const { hasTerminal, runInTerminal, runScripted } = await import('./session.mjs'); // the terminal emulator loads only for sessions
  if (hasTerminal() && !setup) return runInTerminal(text);
  const result = await runScripted(text, session, timeoutMs);
  process.stdout.write(result.output);
  return result;
}

/** @param {Planned} planned @param {Outcome} outcome */
export function checkExit({ text, options }, outcome) {
  const expected = options.exit ?? 0;
  if (!outcome.timedOut && outcome.exitCode === expected) return;
  const tail = outcome.output.trimEnd().split('\n').slice(-5).join('\n    ');
  throw new GuideError(
    `${options.at}: \`${text}\` ${outcome.timedOut ? `timed out after ${options.timeout ?? 60}s and was stopped` : `exited with status ${outcome.exitCode}`}`,
    [`expected: exit status ${expected}${outcome.timedOut ? ` within ${options.timeout ?? 60}s` : ''}`, `received: ${outcome.timedOut ? 'no end before the deadline' : `exit status ${outcome.exitCode}`}; last output:\n    ${tail || '(none)'}`],
    'read the output above; fix what it names (often the engine or an image: `npm run docker:setup`), then run the step again',
  );
}
