// @ts-check
// The guide's questions to the Docker engine, through the docker CLI (so DOCKER_HOST and
// contexts work as they do for the person): which engine, which containers, networks and images.
// The one Docker core: the snippets a person runs and the doc-test runner (scripts/doctest/)
// both ask through these, with one bounded CLI call and one container shape.
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
  const info = await runDocker(['info', '--format', '{{.ID}} {{.ServerVersion}}'], timeoutMs);
  const [id, version] = info.stdout.trim().split(' ');
  if (info.exitCode === 0 && id && version) return { engine: { id, version }, problem: '' };
  return { problem: firstLine(info.stderr) || `exit ${info.exitCode}` };
}

/**
 * The one bounded docker CLI call, for the guide's scripts and the doc-test runner alike: never
 * throws; no CLI is exit 127, a deadline a non-zero exit saying so; a process group of its own, so
 * Ctrl-C at the terminal does not cut the runner's clean-up short (shell.mjs).
 * @param {string[]} args  after `docker` @param {number} [timeoutMs]
 * @returns {Promise<{ stdout: string, stderr: string, exitCode: number }>}
 */
export async function runDocker(args, timeoutMs = 15_000) {
  const result = await runQuiet(['docker', ...args], timeoutMs);
  if (result.exitCode !== null) return { ...result, exitCode: result.exitCode };
  return { ...result, stderr: [result.stderr, `no answer within ${timeoutMs / 1000}s`].filter(Boolean).join('\n'), exitCode: 127 };
}

/**
 * The answer to an inspect of names or ids: the ones that exist. A name that does not exist is
 * an answer (Docker says "No such …" or "… not found" for it); anything else it says on a failure
 * (no engine, no permission) is an Error naming the command, never read as "nothing there".
 * @param {string[]} args @param {number} [timeoutMs] @returns {Promise<string>}  stdout
 */
export async function inspectExisting(args, timeoutMs) {
  const result = await runDocker(args, timeoutMs);
  if (result.exitCode === 0) return result.stdout;
  const other = result.stderr.split('\n').filter((line) => line.trim() && !/no such|not found/i.test(line));
  if (result.stderr.trim() === '' || other.length > 0) throw new Error(`\`docker ${args.slice(0, 2).join(' ')}\` failed: ${other[0] ?? `exit ${result.exitCode}`}`);
  return result.stdout;
}

/**
 * A docker query that must answer: its stdout, or an Error naming the command and what the CLI said.
 * @param {string[]} args @param {number} [timeoutMs]
 */
async function ask(args, timeoutMs) {
  const result = await runDocker(args, timeoutMs);
  if (result.exitCode !== 0) throw new Error(`\`docker ${args.slice(0, 2).join(' ')}\` failed: ${firstLine(result.stderr) || `exit ${result.exitCode}`}`);
  return result.stdout;
}

/**
 * One shape of a container, for every reader (ownership, effects, preflight, clean-up).
 * @typedef {{ id: string, name: string, image: string, imageId: string, status: string, running: boolean,
 *   links: string[], ports: number[], networks: string[], volumes: string[], created: number }} ContainerInfo
 *   name without its slash; imageId: the sha256 it was created from; links as Docker keeps them
 *   ("/redis-server:/eager_turing/redis"); ports: the host ports it publishes; networks: the names
 *   of those it is attached to; volumes: the names it mounts, named or anonymous (64 hex)
 */

const CONTAINER_FORMAT = ['.Id', '.Name', '.Config.Image', '.Image', '.State.Status', '.State.Running', '.HostConfig.Links', '.HostConfig.PortBindings', '.NetworkSettings.Networks', '.Mounts', '.Created']
  .map((field) => `{{json ${field}}}`)
  .join('\t');

/**
 * @param {string[]} refs  names or ids
 * @returns {Promise<ContainerInfo[]>}  the ones that exist
 */
export async function inspectContainers(refs) {
  if (refs.length === 0) return [];
  const stdout = await inspectExisting(['container', 'inspect', '--format', CONTAINER_FORMAT, ...refs], 30_000);
  return stdout.split('\n').filter(Boolean).map(readContainerLine);
}

/** Pure: one line of CONTAINER_FORMAT. @param {string} line @returns {ContainerInfo} */
export function readContainerLine(line) {
  const [id, name, image, imageId, status, running, links, ports, networks, mounts, created] = line.split('\t').map((field) => JSON.parse(field || 'null'));
  /** @type {Record<string, { HostPort: string }[] | null>} */
  const bindings = ports ?? {};
  /** @type {{ Type: string, Name?: string }[]} */
  const mounted = mounts ?? [];
  return {
    id: String(id ?? ''),
    name: String(name ?? '').replace(/^\//, ''),
    image: String(image ?? ''),
    imageId: String(imageId ?? ''),
    status: String(status ?? ''),
    running: running === true,
    links: links ?? [],
    ports: Object.values(bindings).flatMap((b) => (b ?? []).map((x) => Number(x.HostPort))).filter(Boolean),
    networks: Object.keys(networks ?? {}),
    volumes: mounted.filter((m) => m.Type === 'volume' && m.Name).map((m) => String(m.Name)),
    created: Date.parse(String(created ?? '')),
  };
}

/** Ids of every container on the engine, running or not; an Error when the engine cannot say. */
export async function listContainerIds() {
  return (await ask(['ps', '-aq', '--no-trunc'])).split('\n').filter(Boolean);
}

/**
 * Every network on the engine, with its full id; an Error when the engine cannot say.
 * @returns {Promise<{ id: string, name: string }[]>}
 */
export async function listNetworks() {
  return (await ask(['network', 'ls', '--no-trunc', '--format', '{{.ID}} {{.Name}}']))
    .split('\n')
    .filter(Boolean)
    .map((line) => ({ id: line.slice(0, line.indexOf(' ')), name: line.slice(line.indexOf(' ') + 1) }));
}

/** Ids of running containers publishing host `port`. @param {number} port */
export async function findPublishers(port) {
  const result = await runDocker(['ps', '-q', '--no-trunc', '--filter', `publish=${port}`]);
  return result.stdout.split('\n').filter(Boolean);
}

/**
 * The images among `images` the engine does not have: one `docker image inspect` for all (it
 * prints `No such image: <name>` for each missing one), so a tag, a digest or an id all count.
 * @param {string[]} images @returns {Promise<string[]>}
 */
export async function findMissingImages(images) {
  if (images.length === 0) return [];
  const result = await runDocker(['image', 'inspect', '--format', '{{.Id}}', ...images], 30_000);
  if (result.exitCode === 0) return [];
  const missing = images.filter((image) => result.stderr.includes(`No such image: ${image}`));
  return missing.length > 0 ? missing : images; // an answer we cannot read: name them all
}

/** @param {string} image */
export async function pullImage(image) {
  return runDocker(['pull', image], 300_000);
}

/** @param {string} text */
export function firstLine(text) {
  return text.trim().split('\n')[0] ?? '';
}

/** Starts a stopped container the guide created. @param {string} id */
export async function startContainer(id) {
  return runDocker(['start', id], 60_000);
}

/**
 * @typedef {{ id: string, name: string, containers: string[], created: number }} NetworkInfo
 * @param {string[]} refs  network names or ids
 * @returns {Promise<NetworkInfo[]>}  the ones that exist (a name matches exactly, not as an id prefix)
 */
export async function inspectNetworks(refs) {
  if (refs.length === 0) return [];
  const format = '{{json .Id}}\t{{json .Name}}\t{{json .Containers}}\t{{json .Created}}';
  return (await inspectExisting(['network', 'inspect', '--format', format, ...refs]))
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [id, name, containers, created] = line.split('\t').map((field) => JSON.parse(field ?? 'null'));
      return { id: String(id), name: String(name), containers: Object.keys(containers ?? {}), created: Date.parse(String(created)) };
    })
    .filter((n) => refs.includes(n.name) || refs.includes(n.id));
}
