// @ts-check
// Reads what a docker command will do, from its text alone (pure): the container name it
// creates, the ports it publishes (host and container side), the containers it links to (and
// the alias of each), the network it joins and its aliases there, the named volumes it mounts,
// the image it runs and the command after it; the containers `docker rm` removes (and whether with their
// anonymous volumes, `-v`); the networks `docker network create/rm` name; the volumes `docker
// volume create/rm` name; the tags `docker build -t` gives and the images `docker image rm` removes
// (those three in docker-command-storage.mjs).
import { describeBuild, describeImageRemove, describeVolume, namedVolumeOfBind, namedVolumeOfMount, operands } from './docker-command-storage.mjs';

/** Options of `docker run` that take a value (the next word, or `--opt=value`). */
const VALUE_OPTIONS = new Set([
  '--name', '-p', '--publish', '--link', '-e', '--env', '--env-file', '-v', '--volume', '--mount',
  '--network', '--net', '--network-alias', '-w', '--workdir', '-u', '--user', '--entrypoint',
  '-h', '--hostname', '-l', '--label', '--restart', '--add-host', '-m', '--memory', '--cpus',
  '--platform', '--pull', '--log-driver', '--log-opt', '--device', '--dns', '--ulimit', '--expose',
  '--cidfile', '--stop-signal', '--stop-timeout', '--shm-size', '--ip', '--mac-address', '-a', '--attach',
  '--volumes-from', '--volume-driver', '--tmpfs', '--cap-add', '--cap-drop', '--security-opt', '--sysctl', '--group-add',
]);
/** Short options that take a value, for combined flags like `-dp 3000:3000`. */
const SHORT_VALUE = new Set(['p', 'e', 'v', 'w', 'u', 'h', 'l', 'm', 'a']);
/**
 * @typedef {{ host?: number, container: number }} PublishedPort  `-p 3000:3000`; no host port: Docker picks one
 * @typedef {{ name: string, alias: string }} Link  `--link redis-server:redis`; no alias: the name
 * @typedef {{ kind: 'run', name?: string, detached: boolean, tty: boolean, ports: number[],
 *   published: PublishedPort[], links: string[], linked: Link[], network?: string, networkAliases: string[],
 *   volumes: string[], image?: string, args: string[] }} RunCommand  ports: the host ports alone; args: the words after the image
 * @typedef {{ kind: 'rm', names: string[], volumes: boolean }} RemoveCommand
 * @typedef {{ kind: 'network-create', name: string }} NetworkCreateCommand
 * @typedef {{ kind: 'network-rm', names: string[] }} NetworkRemoveCommand
 * @typedef {{ kind: 'volume-create', name?: string }} VolumeCreateCommand  no name: Docker makes one up and prints it
 * @typedef {{ kind: 'volume-rm', names: string[] }} VolumeRemoveCommand
 * @typedef {{ kind: 'build', tags: string[] }} BuildCommand  tags as `name:tag` (`:latest` added)
 * @typedef {{ kind: 'image-rm', names: string[] }} ImageRemoveCommand
 * @typedef {{ kind: 'other' }} OtherCommand
 * @typedef {RunCommand | RemoveCommand | NetworkCreateCommand | NetworkRemoveCommand | VolumeCreateCommand
 *   | VolumeRemoveCommand | BuildCommand | ImageRemoveCommand | OtherCommand} DockerCommand
 */

/**
 * @param {string} text
 * @returns {DockerCommand}
 */
export function describeCommand(text) {
  const words = splitWords(text.replace(/\\\n/g, ' '));
  if (words.some((w) => ['|', '&&', ';', '||'].includes(w))) return { kind: 'other' };
  if (words[0] !== 'docker') return { kind: 'other' };
  const [group, verb, ...rest] = words.slice(1);
  if (group === 'container') return describeContainer(words.slice(2));
  if (group === 'network') return describeNetwork(words.slice(2));
  if (group === 'volume') return describeVolume(words.slice(2));
  if (group === 'image' && verb === 'build') return describeBuild(rest);
  if (group === 'image' && (verb === 'rm' || verb === 'remove')) return describeImageRemove(rest);
  if (group === 'build') return describeBuild(words.slice(2));
  if (group === 'rmi') return describeImageRemove(words.slice(2));
  return describeContainer(words.slice(1));
}

/** `docker [container] run …`, `docker [container] rm …` @param {string[]} sub @returns {DockerCommand} */
function describeContainer(sub) {
  if (sub[0] === 'run') return describeRun(sub.slice(1));
  if (sub[0] === 'rm' || sub[0] === 'remove') {
    const flags = sub.slice(1).filter((w) => w.startsWith('-'));
    const volumes = flags.some((f) => f === '--volumes' || (!f.startsWith('--') && f.includes('v')));
    return { kind: 'rm', names: sub.slice(1).filter((w) => !w.startsWith('-')), volumes };
  }
  return { kind: 'other' };
}

/**
 * `docker network create [opts] NAME`, `docker network rm NAME...`
 * @param {string[]} args  the words after `docker network`
 * @returns {NetworkCreateCommand | NetworkRemoveCommand | OtherCommand}
 */
function describeNetwork(args) {
  const [verb, ...rest] = args;
  // create's options that take a value: the next word is not the network's name
  const withValue = new Set(['-d', '--driver', '--subnet', '--gateway', '--ip-range', '-o', '--opt', '--label', '--scope', '--ipam-driver', '--ipam-opt', '--aux-address', '--config-from']);
  const names = operands(rest, withValue);
  if (verb === 'create' && names.length === 1 && names[0]) return { kind: 'network-create', name: names[0] };
  if ((verb === 'rm' || verb === 'remove') && names.length > 0) return { kind: 'network-rm', names };
  return { kind: 'other' };
}

/** Networks named by `--network`: not the built-in ones, nor `container:<name>`. @param {string} value */
function userNetwork(value) {
  return ['bridge', 'host', 'none', 'default'].includes(value) || value.startsWith('container:') ? undefined : value;
}

/** @param {string[]} args  the words after `docker run` @returns {RunCommand} */
function describeRun(args) {
  /** @type {RunCommand} */
  const run = { kind: 'run', detached: false, tty: false, ports: [], published: [], links: [], linked: [], networkAliases: [], volumes: [], args: [] };
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? '';
    if (!word.startsWith('-')) {
      run.image = word;
      run.args = args.slice(i + 1);
      break;
    }
    const [flag, inline] = word.startsWith('--') ? splitLong(word) : [word, undefined];
    const takesValue = VALUE_OPTIONS.has(flag) || (!flag.startsWith('--') && SHORT_VALUE.has(flag.slice(-1)));
    const value = takesValue ? inline ?? args[++i] ?? '' : undefined;
    const letters = flag.startsWith('--') ? [] : [...flag.slice(1)];
    if (flag === '--detach' || letters.includes('d')) run.detached = true;
    if (flag === '--tty' || letters.includes('t')) run.tty = true;
    if (value === undefined) continue;
    const volume = flag === '--volume' || (!flag.startsWith('--') && flag.endsWith('v')) ? namedVolumeOfBind(value) : flag === '--mount' ? namedVolumeOfMount(value) : undefined;
    if (volume && !run.volumes.includes(volume)) run.volumes.push(volume);
    if (flag === '--name') run.name = value;
    else if (flag === '--link') {
      const [name = value, alias = name] = value.split(':');
      run.links.push(name);
      run.linked.push({ name, alias });
    } else if ((flag === '--network' || flag === '--net') && userNetwork(value)) run.network = value;
    else if (flag === '--network-alias') run.networkAliases.push(value);
    else if (flag === '--publish' || (!flag.startsWith('--') && flag.endsWith('p'))) {
      const port = publishedPort(value);
      if (port) run.published.push(port);
      if (port?.host !== undefined) run.ports.push(port.host);
    }
  }
  return run;
}

/** @param {string} word @returns {[string, string | undefined]} */
function splitLong(word) {
  const i = word.indexOf('=');
  return i < 0 ? [word, undefined] : [word.slice(0, i), word.slice(i + 1)];
}

/**
 * "3000:3000", "127.0.0.1:8080:3000/tcp" -> { host, container }; "3000" -> { container } (Docker picks
 * the host port); unreadable -> undefined
 * @param {string} spec @returns {PublishedPort | undefined}
 */
function publishedPort(spec) {
  const parts = spec.replace(/\/\w+$/, '').split(':').map(Number);
  const container = parts[parts.length - 1];
  const host = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  if (!Number.isInteger(container)) return undefined;
  return host !== undefined && Number.isInteger(host) ? { host, container: /** @type {number} */ (container) } : { container: /** @type {number} */ (container) };
}

/** Splits shell words, honouring single and double quotes (enough for the guide's commands). @param {string} text */
export function splitWords(text) {
  const words = [];
  const re = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\|\||&&|[|;])|([^\s'"|;&]+)/g;
  let current = '';
  let last = 0;
  for (const m of text.matchAll(re)) {
    const gap = text.slice(last, m.index);
    if (/\s/.test(gap) && current) (words.push(current), (current = ''));
    if (m[3]) {
      if (current) (words.push(current), (current = ''));
      words.push(m[3]);
    } else current += m[1] ?? m[2] ?? m[4] ?? '';
    last = (m.index ?? 0) + m[0].length;
  }
  if (current) words.push(current);
  return words;
}
