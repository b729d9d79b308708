// @ts-check
// What the doc-test runner (scripts/doctest/) hands a snippet it starts, so the checks it already
// made for the whole run are not made again: the engine it asked (GUIDE_ENGINE="<id> <version>"),
// that its preflight covered this step (GUIDE_PREFLIGHT=done: engine, images, port 3000 free, no
// container, network, volume or image tag named like the guide's), and which pages' steps it ran successfully in this run
// (GUIDE_NEEDS_DONE=step1,step3: their set-up is not replayed). Only the runner sets these; a
// snippet a person runs has none of them and makes every check itself.

/**
 * @typedef {{ engine: { id: string, version: string }, needsDone: Set<string> }} Handover
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Handover | undefined}  undefined unless GUIDE_PREFLIGHT=done with a complete GUIDE_ENGINE
 */
export function readHandover(env = process.env) {
  if (env.GUIDE_PREFLIGHT !== 'done') return undefined;
  const [id, version, ...rest] = (env.GUIDE_ENGINE ?? '').trim().split(/\s+/);
  if (!id || !version || rest.length > 0) return undefined;
  const needsDone = new Set((env.GUIDE_NEEDS_DONE ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  return { engine: { id, version }, needsDone };
}
