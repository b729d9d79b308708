// @ts-check
// Where the engine the docker CLI talks to runs: DOCKER_HOST when set, else the current
// `docker context` (Docker Desktop, rootless and remote engines alike). The docker CLI honours
// both by itself; what the guide checks from this machine (a port on localhost, a URL) holds only
// when the engine's published ports are on this machine too, and a remote engine is said so.
import { runQuiet } from './shell.mjs';

/**
 * @typedef {{ host: string, source: string, remote: false } | { host: string, source: string, remote: true, machine: string }} Endpoint
 */

/**
 * Pure: a docker host URL into local or remote. unix:// and npipe:// sockets are this machine's
 * (Docker Desktop and rootless publish their ports on localhost); tcp:// and ssh:// are remote
 * unless they name this machine.
 * @param {string} host @param {string} source  how it was chosen, for the note
 * @returns {Endpoint}
 */
export function classifyEndpoint(host, source) {
  const match = /^(tcp|ssh|https?):\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/.exec(host);
  if (!match) return { host, source, remote: false };
  const machine = /** @type {string} */ (match[2]).replace(/^\[|\]$/g, '');
  if (machine === 'localhost' || /^127\./.test(machine) || machine === '::1') return { host, source, remote: false };
  return { host, source, remote: true, machine };
}

/** @returns {Promise<Endpoint>} */
export async function readEndpoint(env = process.env) {
  if (env.DOCKER_HOST) return classifyEndpoint(env.DOCKER_HOST, 'DOCKER_HOST');
  const context = env.DOCKER_CONTEXT ? `context ${env.DOCKER_CONTEXT} (DOCKER_CONTEXT)` : 'the current docker context';
  const inspected = await runQuiet(['docker', 'context', 'inspect', '--format', '{{.Name}} {{.Endpoints.docker.Host}}'], 10_000);
  const [name, host] = inspected.stdout.trim().split(' ');
  if (inspected.exitCode !== 0 || !host) return { host: 'the default socket', source: context, remote: false };
  return classifyEndpoint(host, env.DOCKER_CONTEXT ? context : `docker context ${name}`);
}

/**
 * What a remote engine means for a step that checks a port or URL on localhost (pure).
 * @param {Endpoint} endpoint @param {{ ports: number[], urls: string[] }} local
 * @returns {string | undefined}
 */
export function describeRemote(endpoint, local) {
  if (!endpoint.remote || (local.ports.length === 0 && local.urls.length === 0)) return undefined;
  const ports = [...new Set([...local.ports, ...local.urls.map((u) => Number(new URL(u).port || 80))])];
  return (
    `the engine is remote (${endpoint.host}, from ${endpoint.source}): the ports it publishes (${ports.join(', ')}) are on ${endpoint.machine}, ` +
    `so this machine's localhost reaches them only through a tunnel, for example \`ssh -N -L ${ports[0]}:localhost:${ports[0]} ${endpoint.machine}\`; ` +
    'the port check on this machine is skipped'
  );
}
