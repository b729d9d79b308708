// @ts-check
// The guide's questions to the engine about volumes and images, as engine.mjs asks about
// containers and networks (its API request on a local socket, else its one bounded CLI call):
// which exist, and since when.
import { findLocalSocket, requestEngine } from './engine-api.mjs';
import { inspectExisting, inspectOnApi, listOnApi, runDocker } from './engine.mjs';

/**
 * @typedef {{ name: string, createdAt: string, created: number }} VolumeInfo  createdAt as Docker prints it
 * @param {string[]} names
 * @returns {Promise<VolumeInfo[]>}  the ones that exist
 */
export async function inspectVolumes(names) {
  if (names.length === 0) return [];
  const read = (/** @type {unknown} */ name, /** @type {unknown} */ createdAt) => ({ name: String(name ?? ''), createdAt: String(createdAt ?? ''), created: Date.parse(String(createdAt ?? '')) });
  const found = await inspectOnApi('volumes', names);
  const volumes = found
    ? found.map((v) => read(v?.Name, v?.CreatedAt))
    : (await inspectExisting(['volume', 'inspect', '--format', '{{json .Name}}\t{{json .CreatedAt}}', ...names]))
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [name, createdAt] = line.split('\t').map((field) => JSON.parse(field ?? '""'));
          return read(name, createdAt);
        });
  return volumes.filter((v) => names.includes(v.name));
}

/**
 * @typedef {{ ref: string, id: string, tags: string[], created: number }} ImageInfo
 *   created: when the image got its latest tag (Metadata.LastTagTime), else when it was built
 * @param {string[]} refs  tags (`name:tag`) or ids
 * @returns {Promise<ImageInfo[]>}  the ones that exist, each with the ref that found it
 */
export async function inspectImages(refs) {
  const format = '{{json .Id}}\t{{json .RepoTags}}\t{{json .Created}}\t{{json .Metadata.LastTagTime}}';
  const socket = findLocalSocket();
  const found = await Promise.all(
    refs.map(async (ref) => {
      if (socket) {
        const answer = await requestEngine(socket, `/images/${encodeURI(ref)}/json`, 15_000);
        return answer.status === 200 ? readImageJson(ref, answer.body) : undefined;
      }
      const result = await runDocker(['image', 'inspect', '--format', format, ref]);
      const line = result.exitCode === 0 ? result.stdout.trim() : '';
      if (!line) return undefined;
      const [Id, RepoTags, Created, LastTagTime] = line.split('\t').map((field) => JSON.parse(field ?? 'null'));
      return readImageJson(ref, { Id, RepoTags, Created, Metadata: { LastTagTime } });
    }),
  );
  return found.filter((image) => image !== undefined);
}

/** Pure: an image as the engine describes it, found by `ref`. @param {string} ref @param {any} json @returns {ImageInfo} */
function readImageJson(ref, json) {
  const taggedAt = Date.parse(String(json?.Metadata?.LastTagTime ?? ''));
  return { ref, id: String(json?.Id), tags: json?.RepoTags ?? [], created: taggedAt > 0 ? taggedAt : Date.parse(String(json?.Created)) };
}

/** Docker names an anonymous volume (image VOLUME, `-v /path`) with 64 random hex digits. Pure. @param {string} name */
export function isAnonymousVolume(name) {
  return /^[0-9a-f]{64}$/.test(name);
}

/** Removes volumes by name; complaints about ones already gone are not failures. @param {string[]} names */
export async function removeVolumes(names) {
  if (names.length === 0) return { exitCode: 0, stdout: '', stderr: '' };
  return runDocker(['volume', 'rm', ...names], 60_000);
}

/** Every volume on the engine, by name (an anonymous one's is 64 hex digits); an Error when the engine cannot say. @returns {Promise<string[]>} */
export async function listVolumes() {
  const listed = await listOnApi('/volumes', 'docker volume ls');
  if (listed) return (listed.Volumes ?? []).map((/** @type {{ Name: string }} */ v) => v.Name);
  const result = await runDocker(['volume', 'ls', '--format', '{{.Name}}']);
  if (result.exitCode !== 0) throw new Error(`\`docker volume ls\` failed: ${result.stderr.trim()}`);
  return result.stdout.split('\n').filter(Boolean);
}

/**
 * Every image on the engine (intermediate ones too), with its tags; an Error when the engine cannot say.
 * @typedef {{ id: string, tags: string[] }} ImageListing  id: sha256:…; no tags for an untagged image
 * @returns {Promise<ImageListing[]>}
 */
export async function listImages() {
  const listed = await listOnApi('/images/json?all=1', 'docker image ls');
  if (listed) return listed.map((/** @type {{ Id: string, RepoTags: string[] | null }} */ i) => ({ id: i.Id, tags: (i.RepoTags ?? []).filter((t) => !t.includes('<none>')) }));
  const result = await runDocker(['image', 'ls', '--all', '--no-trunc', '--format', '{{.ID}} {{.Repository}}:{{.Tag}}']);
  if (result.exitCode !== 0) throw new Error(`\`docker image ls\` failed: ${result.stderr.trim()}`);
  const images = new Map();
  for (const line of result.stdout.split('\n').filter(Boolean)) {
    const [id = '', tag = ''] = line.split(' ');
    images.set(id, [...(images.get(id) ?? []), ...(tag.includes('<none>') ? [] : [tag])]);
  }
  return [...images].map(([id, tags]) => ({ id, tags }));
}
