// @ts-check
// The guide's questions to the Docker engine, through the docker CLI (so DOCKER_HOST and
// contexts work as they do for the person): which engine, which containers, which images.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { runQuiet } from './shell.mjs';
import { GuideError } from './errors.mjs';

/**
 * The engine the docker CLI talks to; a GuideError when there is no CLI or no engine.
 * @returns {Promise<{ id: string, version: string }>}
 */
export async function readEngine() {
  if (!findOnPath('docker')) {
    throw new GuideError(
      'docker: command not found',
      ['expected: the docker CLI on PATH', `received: nothing named docker in PATH=${process.env.PATH ?? ''}`],
      'install Docker Engine 20.10 or later (https://docs.docker.com/engine/install/); in this checkout, `npm run docker:setup` installs and starts one',
    );
  }
  const info = await askEngine(20_000);
  if (!info.engine) {
    throw new GuideError(
      '`docker info`: the Docker engine is not reachable',
      ['expected: a running engine answering the docker CLI', `received: ${info.problem}`],
      'start the engine (`sudo systemctl start docker`, or Docker Desktop), or in this checkout `npm run docker:setup`; check DOCKER_HOST and `docker context ls` if you use another engine',
    );
  }
  return info.engine;
}

/** The first executable `name` on PATH, or undefined. @param {string} name */
export function findOnPath(name, env = process.env) {
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * `docker info`: the engine's ID and version, or what the CLI said instead (also asked while
 * waiting, ready.mjs, to tell an engine that stopped from a service that is not up yet).
 * @param {number} timeoutMs
 * @returns {Promise<{ engine?: { id: string, version: string }, problem: string }>}
 */
export async function askEngine(timeoutMs) {
  const info = await runQuiet(['docker', 'info', '--format', '{{.ID}} {{.ServerVersion}}'], timeoutMs);
  const [id, version] = info.stdout.trim().split(' ');
  if (info.exitCode === 0 && id && version) return { engine: { id, version }, problem: '' };
  return { problem: firstLine(info.stderr) || `exit ${info.exitCode}` };
}

/**
 * @typedef {{ id: string, name: string, running: boolean, links: string[], ports: number[], created: number }} ContainerInfo
 * @param {string[]} refs  names or ids
 * @returns {Promise<ContainerInfo[]>}  the ones that exist
 */
export async function inspectContainers(refs) {
  if (refs.length === 0) return [];
  const format = '{{json .Id}} {{json .Name}} {{.State.Running}} {{json .HostConfig.Links}} {{json .HostConfig.PortBindings}} {{json .Created}}';
  const result = await runQuiet(['docker', 'container', 'inspect', '--format', format, ...refs]);
  return result.stdout.split('\n').filter(Boolean).map(readContainerLine);
}

/** @param {string} line @returns {ContainerInfo} */
function readContainerLine(line) {
  const [id, name, running, links, ports, created] = line.split(' ');
  /** @type {Record<string, { HostPort: string }[] | null> | null} */
  const bindings = JSON.parse(ports ?? 'null');
  return {
    id: JSON.parse(id ?? '""'),
    name: String(JSON.parse(name ?? '""')).replace(/^\//, ''),
    running: running === 'true',
    links: JSON.parse(links ?? 'null') ?? [],
    ports: Object.values(bindings ?? {}).flatMap((b) => (b ?? []).map((x) => Number(x.HostPort))).filter(Boolean),
    created: Date.parse(JSON.parse(created ?? '""')),
  };
}

/** Ids of every container on the engine, running or not. */
export async function listContainerIds() {
  const result = await runQuiet(['docker', 'ps', '-aq', '--no-trunc']);
  return result.stdout.split('\n').filter(Boolean);
}

/** Ids of running containers publishing host `port`. @param {number} port */
export async function findPublishers(port) {
  const result = await runQuiet(['docker', 'ps', '-q', '--no-trunc', '--filter', `publish=${port}`]);
  return result.stdout.split('\n').filter(Boolean);
}

/** The images among `images` the engine does not have. @param {string[]} images */
export async function findMissingImages(images) {
  const result = await runQuiet(['docker', 'image', 'ls', '--format', '{{.Repository}}:{{.Tag}}']);
  const have = new Set(result.stdout.split('\n'));
  return images.filter((image) => !have.has(image.includes(':') ? image : `${image}:latest`));
}

/** @param {string} image */
export async function pullImage(image) {
  return runQuiet(['docker', 'pull', image], 300_000);
}

/** @param {string} text */
export function firstLine(text) {
  return text.trim().split('\n')[0] ?? '';
}

/** Starts a stopped container the guide created. @param {string} id */
export async function startContainer(id) {
  return runQuiet(['docker', 'start', id], 60_000);
}

/**
 * @typedef {{ id: string, name: string, containers: string[], created: number }} NetworkInfo
 * @param {string[]} refs  network names or ids
 * @returns {Promise<NetworkInfo[]>}  the ones that exist (a name matches exactly, not as an id prefix)
 */
export async function inspectNetworks(refs) {
  if (refs.length === 0) return [];
  const format = '{{json .Id}}\t{{json .Name}}\t{{json .Containers}}\t{{json .Created}}';
  const result = await runQuiet(['docker', 'network', 'inspect', '--format', format, ...refs]);
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [id, name, containers, created] = line.split('\t').map((field) => JSON.parse(field ?? 'null'));
      return { id: String(id), name: String(name), containers: Object.keys(containers ?? {}), created: Date.parse(String(created)) };
    })
    .filter((n) => refs.includes(n.name) || refs.includes(n.id));
}
