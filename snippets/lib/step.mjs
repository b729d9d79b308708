// @ts-check
// A step, as a generated snippet declares it: set-up commands replayed from the pages it needs,
// then the page's own commands. `run()` checks the engine first, then runs them in order,
// printing each and reporting RunEvents (scripts/page/types.ts) as they happen (print.mjs); at the end it
// says what to do next. `--help` says what the script does instead of running it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describeRemote, readEndpoint } from './endpoint.mjs';
import { listContainerIds, readEngine } from './engine.mjs';
import { pruneOwned } from './state.mjs';
import { describeError } from './errors.mjs';
import { checkPreflight } from './preflight.mjs';
import { emitEvent, printError, printNote, toLocation } from './print.mjs';
import { checkExit, runCommand } from './run-command.mjs';
import { describeCommand } from './docker-command.mjs';
import { readHandover } from './handover.mjs';
import { invocation, renderHelp, renderNext, wantsHelp } from './help.mjs';
import { removeRecorded } from './sweep.mjs';

/** @typedef {import('./run-command.mjs').CommandOptions} CommandOptions */
/** @typedef {import('./run-command.mjs').Planned} Planned */

/** @param {import('./help.mjs').StepMeta} meta */
export function defineStep(meta) {
  /** @type {Planned[]} */
  const plan = [];
  return {
    /** A command of a page this step needs, replayed first. @param {string} text @param {CommandOptions} options */
    setup(text, options) {
      plan.push({ text, options, setup: true });
    },
    /** One of the page's commands. @param {string} text @param {CommandOptions} options */
    command(text, options) {
      plan.push({ text, options, setup: false });
    },
    /** An interactive command (`-it`) with the inputs of the page's session block. @param {string} text @param {CommandOptions & { prompt: string, inputs: string[] }} options */
    session(text, options) {
      plan.push({ text, options, setup: false });
    },
    /**
     * Runs the plan; on failure prints what to do and sets a non-zero exit status.
     * @param {{ forgetRemoved?: boolean, removeRecorded?: boolean }} [options]  forgetRemoved: drop removed containers from the
     *   guide's record; removeRecorded (snippets/cleanup.mjs): then remove everything else the guide recorded (sweep.mjs)
     */
    async run(options = {}) {
      const how = invocation(meta.snippet);
      if (wantsHelp(process.argv.slice(2))) {
        const beside = path.join(path.dirname(process.argv.find((a) => path.basename(a) === `${meta.snippet}.mjs`) ?? ''), 'cleanup.mjs');
        process.stdout.write(`${renderHelp(meta, plan, how, existsSync(beside))}\n`);
        return;
      }
      const started = performance.now();
      emitEvent({ kind: 'step-start', page: meta.page, snippet: meta.snippet, time: Date.now() });
      printNote(`${meta.title} (${meta.file})`);
      try {
        const handover = readHandover(); // set by the doc-test runner only, after its own checks
        const engine = handover?.engine ?? (await readEngine());
        const checked = plan.filter((p) => !p.options.provoke); // a command that fails on purpose is not checked for
        const remote = handover ? undefined : describeRemote(await readEndpoint(), localChecks(checked));
        if (remote) printNote(remote);
        if (!handover) await checkPreflight(engine.id, checked.map((p) => ({ text: p.text, at: p.options.at })), { kind: 'person', portsHere: !remote });
        const run = { pty: Boolean(handover) }; // the runner compares a terminal's output; a person's terminal gets it as it comes
        for (const planned of plan) {
          if (planned.setup && handover?.needsDone.has(planned.options.from ?? '')) skipDoneSetup(planned);
          else await (planned.setup ? runSetup(engine, planned, run) : runOwn(engine, planned, run));
        }
        if (options.removeRecorded) await removeRecorded(engine.id);
        if (options.forgetRemoved) pruneOwned(engine.id, new Set(await listContainerIds()));
        emitEvent({ kind: 'step-end', page: meta.page, ok: true, durationMs: Math.round(performance.now() - started) });
        if (!handover) for (const line of renderNext(meta, plan, how)) printNote(line);
      } catch (error) {
        const message = describeError(error);
        printError(message);
        emitEvent({ kind: 'step-end', page: meta.page, ok: false, durationMs: Math.round(performance.now() - started), error: message });
        process.exitCode = 1;
      }
    },
  };
}

/** The ports a step's containers publish and the URLs it waits for, checked from this machine. @param {Planned[]} plan */
function localChecks(plan) {
  const ports = plan.flatMap((p) => {
    const docker = describeCommand(p.text);
    return docker.kind === 'run' && docker.detached ? docker.ports : [];
  });
  const urls = plan.flatMap((p) => (p.options.ready && /^https?:\/\/(localhost|127\.)/.test(p.options.ready) ? [p.options.ready] : []));
  return { ports, urls };
}

/** @param {{ id: string, version: string }} engine @param {Planned} planned @param {{ pty: boolean }} run */
async function runSetup(engine, planned, run) {
  const { text, options } = planned;
  printNote(`Setting up: ${(options.from ?? '').replace(/^step(\d+)$/, 'step $1')}'s ${describeEffect(text)} (${options.at}), which this step needs`);
  const { outcome, failure } = await runCommand(engine, planned, run);
  const action = outcome.skipped === undefined ? 'ran' : outcome.exitCode === 0 && outcome.output ? 'reused' : 'skipped';
  emitEvent({ kind: 'setup', id: options.id, at: toLocation(options.at), text, action, ...(outcome.skipped ? { reason: outcome.skipped } : {}) });
  if (failure) throw failure;
  checkExit(planned, outcome);
}

/** A set-up command whose page the doc-test runner already ran, successfully, in this run. @param {Planned} planned */
function skipDoneSetup({ text, options }) {
  const reason = `the doc-test runner ran ${options.from} in this run`;
  printNote(`Set-up done: ${options.from}'s ${describeEffect(text)} (${options.at}): ${reason}`);
  emitEvent({ kind: 'setup', id: options.id, at: toLocation(options.at), text, action: 'skipped', reason });
}

/** "redis-server", "katacoda/redis-node-docker-example container", or the command itself. @param {string} text */
function describeEffect(text) {
  const command = describeCommand(text);
  if (command.kind === 'run' && command.name) return command.name;
  if (command.kind === 'run' && command.detached) return `${command.image} container`;
  return `\`${text}\``;
}

/** @param {{ id: string, version: string }} engine @param {Planned} planned @param {{ pty: boolean }} run */
async function runOwn(engine, planned, run) {
  const { text, options } = planned;
  const at = toLocation(options.at);
  emitEvent({ kind: 'command-start', id: options.id, at, text, time: Date.now() });
  const { outcome, failure } = await runCommand(engine, planned, run);
  emitEvent({ kind: 'command-end', id: options.id, at, text, ...outcome });
  if (failure) throw failure;
  checkExit(planned, outcome);
}
