// @ts-check
// The guide's questions to the Docker engine: which engine, which containers, networks and
// images. Asked on the engine's API over its local socket where the docker CLI would use one
// (engine-api.mjs: no process per question), otherwise through the docker CLI (so DOCKER_HOST and
// contexts work as they do for the person). The one Docker core: the snippets a person runs and
// the doc-test runner (scripts/doctest/) both ask through these, with one bounded CLI call, one
// API request and one container shape.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { describeFailure, findLocalSocket, requestEngine } from './engine-api.mjs';
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
  const socket = findLocalSocket();
  if (socket) {
    const answer = await requestEngine(socket, '/info', timeoutMs);
    if (answer.status === 200 && answer.body?.ID) return { engine: { id: String(answer.body.ID), version: String(answer.body.ServerVersion) }, problem: '' };
    return { problem: describeFailure(answer) };
  }
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
 * A listing on the engine's API, when it is on a local socket: its JSON, or an Error naming the
 * docker command that asks the same (`docker ps -aq`) and what the engine said; undefined: ask the CLI.
 * @param {string} pathname @param {string} command
 */
export async function listOnApi(pathname, command, timeoutMs = 15_000) {
  const socket = findLocalSocket();
  if (!socket) return undefined;
  const answer = await requestEngine(socket, pathname, timeoutMs);
  if (answer.status !== 200) throw new Error(`\`${command}\` failed: ${describeFailure(answer)}`);
  return answer.body;
}

/**
 * Inspects on the engine's API, when it is on a local socket: the JSON of each of `refs` that
 * exists (a 404 is a name that does not), in order; an Error for any other failure, named as the
 * docker command that asks the same; undefined: ask the CLI.
 * @param {string} kind  `containers`, `networks`, `volumes` or `images` @param {string[]} refs
 * @returns {Promise<any[] | undefined>}
 */
export async function inspectOnApi(kind, refs, timeoutMs = 30_000) {
  const socket = findLocalSocket();
  if (!socket) return undefined;
  const suffix = kind === 'containers' || kind === 'images' ? '/json' : '';
  const answers = await Promise.all(refs.map((ref) => requestEngine(socket, `/${kind}/${encodeURI(ref)}${suffix}`, timeoutMs)));
  const failed = answers.find((answer) => answer.status !== 200 && answer.status !== 404);
  if (failed) throw new Error(`\`docker ${kind.replace(/s$/, '')} inspect\` failed: ${describeFailure(failed)}`);
  return answers.flatMap((answer) => (answer.status === 200 ? [answer.body] : []));
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
  const found = await inspectOnApi('containers', refs);
  if (found) return found.map(readContainerJson);
  const stdout = await inspectExisting(['container', 'inspect', '--format', CONTAINER_FORMAT, ...refs], 30_000);
  return stdout.split('\n').filter(Boolean).map(readContainerLine);
}

/** Pure: one line of CONTAINER_FORMAT. @param {string} line @returns {ContainerInfo} */
export function readContainerLine(line) {
  const [Id, Name, Image, ImageId, Status, Running, Links, PortBindings, Networks, Mounts, Created] = line.split('\t').map((field) => JSON.parse(field || 'null'));
  return readContainerJson({
    Id,
    Name,
    Config: { Image },
    Image: ImageId,
    State: { Status, Running },
    HostConfig: { Links, PortBindings },
    NetworkSettings: { Networks },
    Mounts,
    Created,
  });
}

/** Pure: a container as the engine describes it (`docker container inspect`, the API's JSON). @param {any} json @returns {ContainerInfo} */
export function readContainerJson(json) {
  const [id, name, image, imageId, status, running, links, ports, networks, mounts, created] = [
    json?.Id,
    json?.Name,
    json?.Config?.Image,
    json?.Image,
    json?.State?.Status,
    json?.State?.Running,
    json?.HostConfig?.Links,
    json?.HostConfig?.PortBindings,
    json?.NetworkSettings?.Networks,
    json?.Mounts,
    json?.Created,
  ];
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

/** Ids of every container on the engine, running or not; an Error when the engine cannot say. @returns {Promise<string[]>} */
export async function listContainerIds() {
  const listed = await listOnApi('/containers/json?all=1', 'docker ps -aq');
  if (listed) return listed.map((/** @type {{ Id: string }} */ c) => c.Id);
  return (await ask(['ps', '-aq', '--no-trunc'])).split('\n').filter(Boolean);
}

/**
 * Every network on the engine, with its full id; an Error when the engine cannot say.
 * @returns {Promise<{ id: string, name: string }[]>}
 */
export async function listNetworks() {
  const listed = await listOnApi('/networks', 'docker network ls');
  if (listed) return listed.map((/** @type {{ Id: string, Name: string }} */ n) => ({ id: n.Id, name: n.Name }));
  return (await ask(['network', 'ls', '--no-trunc', '--format', '{{.ID}} {{.Name}}']))
    .split('\n')
    .filter(Boolean)
    .map((line) => ({ id: line.slice(0, line.indexOf(' ')), name: line.slice(line.indexOf(' ') + 1) }));
}

/** Ids of running containers publishing host `port`. @param {number} port @returns {Promise<string[]>} */
export async function findPublishers(port) {
  const socket = findLocalSocket();
  if (socket) {
    const answer = await requestEngine(socket, `/containers/json?filters=${encodeURIComponent(JSON.stringify({ publish: [String(port)] }))}`, 15_000);
    return answer.status === 200 ? answer.body.map((/** @type {{ Id: string }} */ c) => c.Id) : [];
  }
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
  const socket = findLocalSocket();
  if (socket) {
    const answers = await Promise.all(images.map((image) => requestEngine(socket, `/images/${encodeURI(image)}/json`, 30_000)));
    return images.filter((_, index) => answers[index]?.status !== 200); // missing, or an answer we cannot read: named
  }
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
  const found = await inspectOnApi('networks', refs);
  if (found) return found.map(readNetworkJson).filter((n) => refs.includes(n.name) || refs.includes(n.id));
  const format = '{{json .Id}}\t{{json .Name}}\t{{json .Containers}}\t{{json .Created}}';
  return (await inspectExisting(['network', 'inspect', '--format', format, ...refs]))
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [Id, Name, Containers, Created] = line.split('\t').map((field) => JSON.parse(field ?? 'null'));
      return readNetworkJson({ Id, Name, Containers, Created });
    })
    .filter((n) => refs.includes(n.name) || refs.includes(n.id));
}

/** Pure: a network as the engine describes it. @param {any} json @returns {NetworkInfo} */
function readNetworkJson(json) {
  return { id: String(json?.Id), name: String(json?.Name), containers: Object.keys(json?.Containers ?? {}), created: Date.parse(String(json?.Created)) };
}
