// @ts-check
// The typed channel between the doc-test runner (scripts/doctest/) and the snippets it runs: the
// runner spawns a snippet process (scripts/doctest/snippet-host.mjs) with an IPC channel and sends
// a `handover` message per snippet it is to run there (the snippet's file), so the checks it
// already made for the whole run are not made again: the engine it asked, that its preflight
// covered this step (engine, images, ports free, no container, network, volume or image tag named
// like the guide's), the pages whose steps it ran successfully in this run (their set-up is not
// replayed), and the run's state folder. The snippet sends its RunEvents back on the same channel
// as they happen (print.mjs), then `snippet-done` with its exit status. No environment variable
// carries any of it; a snippet a person runs has no channel, receives nothing and makes every
// check itself.
import { useStateDir } from './state.mjs';

/**
 * @typedef {{ kind: 'handover', file: string, engine: { id: string, version: string }, needsDone: string[], stateDir: string }} HandoverMessage
 *   file: the snippet to run, as the runner's working folder names it
 * @typedef {{ kind: 'snippet-done', exitCode: number }} DoneMessage  the snippet of the last handover ended
 * @typedef {{ engine: { id: string, version: string }, needsDone: Set<string> }} Handover
 */

/** @type {Handover | undefined} */
let received;

/**
 * Pure: the message, checked; undefined when it is not a complete handover.
 * @param {unknown} message @returns {HandoverMessage | undefined}
 */
export function readHandoverMessage(message) {
  const m = /** @type {Partial<HandoverMessage> | null} */ (typeof message === 'object' ? message : null);
  if (!m || m.kind !== 'handover' || typeof m.stateDir !== 'string' || !m.stateDir || typeof m.file !== 'string' || !m.file) return undefined;
  if (typeof m.engine?.id !== 'string' || !m.engine.id || typeof m.engine.version !== 'string' || !m.engine.version) return undefined;
  if (!Array.isArray(m.needsDone) || !m.needsDone.every((page) => typeof page === 'string')) return undefined;
  return { kind: 'handover', file: m.file, engine: { id: m.engine.id, version: m.engine.version }, needsDone: m.needsDone, stateDir: m.stateDir };
}

/**
 * Waits for the runner's next handover on the IPC channel (scripts/doctest/snippet-host.mjs), the
 * channel keeping the process alive meanwhile. Resolves undefined when the process has no channel,
 * or the runner disconnects first (no snippet must then run).
 * @returns {Promise<(Handover & { file: string }) | undefined>}
 */
export function receiveHandover() {
  if (!process.send || !process.connected) return Promise.resolve(undefined); // no runner, or it already went away
  process.channel?.ref();
  return new Promise((resolve) => {
    /** @param {unknown} message */
    const onMessage = (message) => {
      const handover = readHandoverMessage(message);
      if (!handover) return; // not ours: keep waiting
      process.off('message', onMessage).off('disconnect', onDisconnect);
      process.channel?.unref(); // events still go out; the channel no longer keeps the snippet alive
      useStateDir(handover.stateDir);
      received = { engine: handover.engine, needsDone: new Set(handover.needsDone) };
      resolve({ ...received, file: handover.file });
    };
    const onDisconnect = () => resolve(undefined);
    process.on('message', onMessage).once('disconnect', onDisconnect);
  });
}

/** What the runner handed over, or undefined for a person's run. @returns {Handover | undefined} */
export function readHandover() {
  return received;
}

/**
 * Tells the runner that the snippet of the last handover ended, with its exit status; what was
 * handed over is forgotten (the next snippet gets its own). @param {number} exitCode
 */
export function reportDone(exitCode) {
  received = undefined;
  /** @type {DoneMessage} */
  const done = { kind: 'snippet-done', exitCode };
  if (process.send && process.connected) process.send(done);
}
