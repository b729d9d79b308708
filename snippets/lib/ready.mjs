// @ts-check
// `ready`: after a command, wait until a URL answers 200 or a command exits 0, bounded by a deadline.
// A URL is asked with node:http(s) (http.mjs), not fetch, whose whole implementation would load
// for a few GET requests.
import { askEngine } from './engine.mjs';
import { httpClient } from './http.mjs';
import { runShell } from './shell.mjs';
import { GuideError } from './errors.mjs';

const POLL_MS = 100;
const ENGINE_CHECK_MS = 2000; // while not ready, how often to ask whether the engine still answers

/**
 * @param {string} ready  "http://..." or a command
 * @param {number} deadline  performance.now() value after which to give up
 * @param {string} at  the command's file:line, for the error
 * @returns {Promise<number>}  milliseconds spent waiting
 */
export async function waitReady(ready, deadline, at) {
  const started = performance.now();
  const probe = /^https?:\/\//.test(ready) ? probeUrl : probeCommand;
  let last = '';
  let engineChecked = started;
  while (performance.now() < deadline) {
    const result = await probe(ready, budgetMs(deadline));
    if (result.ok) return Math.round(performance.now() - started);
    if (!result.cutShort || !last) last = result.detail; // a probe the deadline cut short says less than the one before it
    if (performance.now() - engineChecked >= ENGINE_CHECK_MS) {
      engineChecked = performance.now();
      await checkEngineAnswers(ready, at, started);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new GuideError(
    `${at}: not ready after ${((performance.now() - started) / 1000).toFixed(1)}s: ${ready}`,
    [`expected: ${/^https?:/.test(ready) ? 'HTTP 200' : 'exit status 0'}`, `received: ${last || 'no answer'}`],
    'check the container\'s logs (`docker logs <id>`) and run the step again; raise timeout= on the page if the engine is slow',
  );
}

/**
 * Milliseconds left before `deadline`, as a whole number of at least 1 (AbortSignal.timeout and
 * timers take integers). Pure.
 * @param {number} deadline  a performance.now() value @param {number} [now]
 */
export function budgetMs(deadline, now = performance.now()) {
  return Math.max(1, Math.ceil(deadline - now));
}

/**
 * A readiness wait does not outlive the engine: once `docker info` fails, the wait ends at once
 * with an error that names the command and what the engine said.
 * @param {string} ready @param {string} at @param {number} started
 */
async function checkEngineAnswers(ready, at, started) {
  const info = await askEngine(5000);
  if (info.engine) return;
  throw new GuideError(
    `${at}: the Docker engine stopped answering while waiting ${((performance.now() - started) / 1000).toFixed(1)}s for ${ready}`,
    ['expected: the engine answering `docker info`', `received: ${info.problem}`],
    'start the engine again (`npm run docker:setup` in this checkout), then run the step again',
  );
}

/** @param {string} url @param {number} budget @returns {Promise<{ ok: boolean, detail: string, cutShort?: boolean }>} */
function probeUrl(url, budget) {
  return new Promise((resolve) => {
    const request = httpClient(url).get(url, { timeout: Math.min(budget, 2000) }, (response) => {
      response.resume(); // the body is not needed
      resolve({ ok: response.statusCode === 200, detail: `HTTP ${response.statusCode}` });
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${Math.min(budget, 2000)} ms`)));
    request.on('error', (error) => resolve({ ok: false, detail: error.message }));
  });
}

/** @param {string} command @param {number} budget */
async function probeCommand(command, budget) {
  const timeoutMs = Math.min(budget, 5000);
  const result = await runShell(command, { timeoutMs, echo: false });
  return { ok: result.exitCode === 0, detail: `exit ${result.exitCode}: ${result.output.trim().split('\n').pop() ?? ''}`, cutShort: result.timedOut && timeoutMs < 5000 };
}
