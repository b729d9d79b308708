// @ts-check
// The volumes and images a docker command names, from its text alone (pure): `docker volume
// create/rm`, `docker build -t`, `docker image rm` / `docker rmi`, and the named volume a
// `docker run -v` or `--mount` value mounts. describeCommand (docker-command.mjs) calls these.
/** @typedef {{ kind: 'other' }} OtherCommand */

/**
 * The words that are not options nor their values.
 * @param {string[]} args @param {Set<string>} withValue
 */
export function operands(args, withValue) {
  return args.filter((w, i) => !w.startsWith('-') && !(withValue.has(args[i - 1] ?? '') && !(args[i - 1] ?? '').includes('=')));
}

/** Options of `docker build` that take a value. */
const BUILD_VALUE = new Set([
  '-t', '--tag', '-f', '--file', '--build-arg', '--label', '--target', '--platform', '--network', '--cache-from',
  '--iidfile', '-m', '--memory', '--shm-size', '--add-host', '--secret', '--ssh', '--progress', '-o', '--output',
  '--isolation', '--cgroup-parent', '--cpu-shares', '--cpuset-cpus', '--ulimit',
]);

/**
 * `docker volume create [opts] [NAME]` (or `--name NAME`), `docker volume rm [-f] NAME...`
 * @param {string[]} args  the words after `docker volume`
 * @returns {import('./docker-command.mjs').VolumeCreateCommand | import('./docker-command.mjs').VolumeRemoveCommand | { kind: 'other' }}
 */
export function describeVolume(args) {
  const [verb, ...rest] = args;
  const withValue = new Set(['-d', '--driver', '-o', '--opt', '--label', '--name']);
  const named = rest.findIndex((w) => w === '--name' || w.startsWith('--name='));
  const flagName = named < 0 ? undefined : rest[named]?.includes('=') ? rest[named]?.slice('--name='.length) : rest[named + 1];
  const names = operands(rest, withValue);
  if (verb === 'create' && names.length + (flagName ? 1 : 0) <= 1) {
    const name = flagName ?? names[0];
    return name ? { kind: 'volume-create', name } : { kind: 'volume-create' };
  }
  if ((verb === 'rm' || verb === 'remove') && names.length > 0) return { kind: 'volume-rm', names };
  return { kind: 'other' };
}

/** `docker build -t NAME[:TAG]… CONTEXT` @param {string[]} args @returns {import('./docker-command.mjs').BuildCommand | { kind: 'other' }} */
export function describeBuild(args) {
  const tags = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? '';
    if (word === '-t' || word === '--tag') tags.push(args[++i] ?? '');
    else if (word.startsWith('--tag=')) tags.push(word.slice('--tag='.length));
    else if (/^-t./.test(word) && !word.startsWith('--')) tags.push(word.slice(2));
    else if (BUILD_VALUE.has(word)) i++;
  }
  const named = tags.filter(Boolean).map(normalizeImageRef);
  return named.length > 0 ? { kind: 'build', tags: [...new Set(named)] } : { kind: 'other' };
}

/** `docker image rm [-f] IMAGE...`, `docker rmi IMAGE...` @param {string[]} args @returns {import('./docker-command.mjs').ImageRemoveCommand | { kind: 'other' }} */
export function describeImageRemove(args) {
  const names = args.filter((w) => !w.startsWith('-')).map(normalizeImageRef);
  return names.length > 0 ? { kind: 'image-rm', names } : { kind: 'other' };
}

/**
 * An image reference as `docker image ls` shows its tag: `name:tag`, `:latest` when none, without
 * Docker Hub's `docker.io/library/` prefix. An id (`sha256:…` or hex) is kept as written. Pure.
 * @param {string} ref
 */
export function normalizeImageRef(ref) {
  if (/^(sha256:)?[0-9a-f]{12,64}$/.test(ref) || ref.includes('@')) return ref;
  const bare = ref.replace(/^docker\.io\/(library\/)?/, '');
  return /:[^/]*$/.test(bare) ? bare : `${bare}:latest`;
}

/**
 * The named volume a `-v`/`--volume` value mounts: `data:/data` -> "data"; a host path
 * (`/srv:/data`, `./dir:/data`, `~/x:/data`) or a path alone (`/data`, an anonymous volume) -> undefined.
 * @param {string} spec
 */
export function namedVolumeOfBind(spec) {
  const parts = spec.split(':');
  if (parts.length < 2) return undefined;
  const source = parts[0] ?? '';
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(source) ? source : undefined;
}

/**
 * The named volume a `--mount` value mounts: `source=data,target=/data` (type volume, the default)
 * -> "data"; `type=bind,…`, `type=tmpfs,…` or no source -> undefined.
 * @param {string} spec
 */
export function namedVolumeOfMount(spec) {
  const fields = new Map(spec.split(',').map((f) => /** @type {[string, string]} */ ([f.split('=')[0] ?? '', f.slice(f.indexOf('=') + 1)])));
  if ((fields.get('type') ?? 'volume') !== 'volume') return undefined;
  const source = fields.get('source') ?? fields.get('src');
  return source && /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(source) ? source : undefined;
}

