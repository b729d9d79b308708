// @ts-check
// The guide's questions to the engine about volumes and images, through the docker CLI (as
// engine.mjs does for containers and networks): which exist, since when, and which volumes a
// container mounts.
import { runQuiet } from './shell.mjs';

/**
 * @typedef {{ name: string, createdAt: string, created: number }} VolumeInfo  createdAt as Docker prints it
 * @param {string[]} names
 * @returns {Promise<VolumeInfo[]>}  the ones that exist
 */
export async function inspectVolumes(names) {
  if (names.length === 0) return [];
  const result = await runQuiet(['docker', 'volume', 'inspect', '--format', '{{json .Name}}\t{{json .CreatedAt}}', ...names]);
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [name, createdAt] = line.split('\t').map((field) => String(JSON.parse(field ?? '""')));
      return { name: name ?? '', createdAt: createdAt ?? '', created: Date.parse(createdAt ?? '') };
    })
    .filter((v) => names.includes(v.name));
}

/**
 * @typedef {{ ref: string, id: string, tags: string[], created: number }} ImageInfo
 *   created: when the image got its latest tag (Metadata.LastTagTime), else when it was built
 * @param {string[]} refs  tags (`name:tag`) or ids
 * @returns {Promise<ImageInfo[]>}  the ones that exist, each with the ref that found it
 */
export async function inspectImages(refs) {
  const format = '{{json .Id}}\t{{json .RepoTags}}\t{{json .Created}}\t{{json .Metadata.LastTagTime}}';
  const found = await Promise.all(
    refs.map(async (ref) => {
      const result = await runQuiet(['docker', 'image', 'inspect', '--format', format, ref]);
      const line = result.exitCode === 0 ? result.stdout.trim() : '';
      if (!line) return undefined;
      const [id, tags, created, tagged] = line.split('\t').map((field) => JSON.parse(field ?? 'null'));
      const taggedAt = Date.parse(String(tagged ?? ''));
      return { ref, id: String(id), tags: tags ?? [], created: taggedAt > 0 ? taggedAt : Date.parse(String(created)) };
    }),
  );
  return found.filter((image) => image !== undefined);
}

/**
 * The volumes each of these containers mounts (`docker rm` without `-v` leaves them).
 * @param {string[]} refs  container names or ids
 * @returns {Promise<{ id: string, name: string, volumes: { name: string, anonymous: boolean }[] }[]>}
 */
export async function inspectMounts(refs) {
  if (refs.length === 0) return [];
  const result = await runQuiet(['docker', 'container', 'inspect', '--format', '{{json .Id}}\t{{json .Name}}\t{{json .Mounts}}', ...refs]);
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [id, name, mounts] = line.split('\t').map((field) => JSON.parse(field ?? 'null'));
      /** @type {{ Type: string, Name?: string }[]} */
      const list = mounts ?? [];
      const volumes = list.filter((m) => m.Type === 'volume' && m.Name).map((m) => ({ name: String(m.Name), anonymous: isAnonymousVolume(String(m.Name)) }));
      return { id: String(id), name: String(name).replace(/^\//, ''), volumes };
    });
}

/** Docker names an anonymous volume (image VOLUME, `-v /path`) with 64 random hex digits. Pure. @param {string} name */
export function isAnonymousVolume(name) {
  return /^[0-9a-f]{64}$/.test(name);
}

/** Removes volumes by name; complaints about ones already gone are not failures. @param {string[]} names */
export async function removeVolumes(names) {
  if (names.length === 0) return { exitCode: 0, stdout: '', stderr: '' };
  return runQuiet(['docker', 'volume', 'rm', ...names], 60_000);
}
