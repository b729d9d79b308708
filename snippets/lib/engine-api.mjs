// @ts-check
// The engine's own API, asked over its socket on this machine (node:http), for the guide's
// questions (which containers, networks, volumes and images exist): one request instead of a
// docker CLI process each (about 45 ms of CPU and as much time). Only where the docker CLI itself
// would talk to a unix socket here: DOCKER_HOST=unix://…, or no DOCKER_HOST and no docker context
// but the default one, with /var/run/docker.sock there. Any other engine (tcp://, ssh://, TLS, a
// context) is asked through the CLI, which knows how (engine.mjs).
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { httpClient } from './http.mjs';

const DEFAULT_SOCKET = '/var/run/docker.sock';

/**
 * Pure: the unix socket the docker CLI would use, or undefined when it would use anything else.
 * @param {Record<string, string | undefined>} env
 * @param {{ currentContext?: string | undefined }} config  the CLI's config.json
 * @param {(file: string) => boolean} exists
 * @returns {string | undefined}
 */
export function chooseSocket(env, config, exists) {
  if (env.DOCKER_HOST) return env.DOCKER_HOST.startsWith('unix://') ? env.DOCKER_HOST.slice('unix://'.length) : undefined;
  const context = env.DOCKER_CONTEXT || config.currentContext;
  if (context && context !== 'default') return undefined;
  return exists(DEFAULT_SOCKET) ? DEFAULT_SOCKET : undefined;
}

/** The CLI's config.json (DOCKER_CONFIG, else ~/.docker), or {} when there is none or it cannot be read. */
function readCliConfig(env = process.env) {
  try {
    return JSON.parse(readFileSync(path.join(env.DOCKER_CONFIG || path.join(os.homedir(), '.docker'), 'config.json'), 'utf8'));
  } catch {
    return {};
  }
}

const chosen = new Map(); // by the settings that choose it: the CLI's config is read once, not per question

/** The socket to ask this process's engine on, or undefined: ask through the CLI. */
export function findLocalSocket(env = process.env) {
  const key = [env.DOCKER_HOST, env.DOCKER_CONTEXT, env.DOCKER_CONFIG].join('\0');
  if (!chosen.has(key)) chosen.set(key, chooseSocket(env, env.DOCKER_HOST ? {} : readCliConfig(env), existsSync));
  return chosen.get(key);
}

/**
 * @typedef {{ status: number, body: any } | { status: 0, problem: string }} ApiAnswer
 *   status 0: no answer (no engine on the socket, a deadline); body: the JSON the engine sent
 */

/**
 * One GET on the engine's API: never throws.
 * @param {string} socket @param {string} pathname  `/containers/json?all=1` @param {number} timeoutMs
 * @returns {Promise<ApiAnswer>}
 */
export function requestEngine(socket, pathname, timeoutMs) {
  return new Promise((resolve) => {
    const request = httpClient().get({ socketPath: socket, path: pathname, headers: { Host: 'docker' }, timeout: timeoutMs }, (response) => {
      const chunks = /** @type {Buffer[]} */ ([]);
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', (error) => resolve({ status: 0, problem: error.message }));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : null });
        } catch {
          resolve({ status: response.statusCode ?? 0, body: { message: text.trim() } });
        }
      });
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs / 1000}s`)));
    request.on('error', (error) => {
      const code = /** @type {NodeJS.ErrnoException} */ (error).code;
      const problem = code === 'ENOENT' || code === 'ECONNREFUSED' ? `Cannot connect to the Docker daemon at unix://${socket}. Is the docker daemon running?` : error.message;
      resolve({ status: 0, problem });
    });
  });
}

/**
 * Asks the engine's cheapest question (`/_ping`) once, its answer unused, so that a process
 * waiting for work has loaded node:http and made its first request before its first real
 * question (about 25-45 ms, on the way to a step's first command). Never throws; nothing is
 * asked when the engine is reached through the CLI.
 */
export async function warmUpEngineApi(env = process.env) {
  const socket = findLocalSocket(env);
  if (socket) await requestEngine(socket, '/_ping', 2000);
}

/** What the engine said instead of an answer. @param {ApiAnswer} answer */
export function describeFailure(answer) {
  if ('problem' in answer) return answer.problem;
  return String(answer.body?.message ?? `HTTP ${answer.status}`);
}
