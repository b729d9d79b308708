// @ts-check
// Which volumes and image tags are the guide's: the ones it recorded (state.mjs), or the one an
// interrupted command was creating (pending, settled as in owner.mjs, by the volume's CreatedAt or
// the tag's LastTagTime). A recorded volume is known by its name alone: Docker 20.10 moves a local
// volume's CreatedAt whenever its content changes, so it cannot tell two volumes of one name apart
// (a record is dropped once the guide sees its volume gone). An image is known by its tag and id.
// Anything else of that name stops the step before it is used or removed.
import { foreignError, settlePending } from './owner.mjs';
import { readRecorded } from './state.mjs';

/** @param {string} engine @param {import('./engine-storage.mjs').VolumeInfo} volume */
export function isRecordedVolume(engine, volume) {
  const recorded = readRecorded('volumes').some((v) => v.engine === engine && v.name === volume.name);
  return recorded || settlePending(engine, 'volume', { id: volume.name, name: volume.name, created: volume.created, createdAt: volume.createdAt });
}

/**
 * Stops the step when a volume it would create, mount or remove by name belongs to someone else.
 * @param {string} engine @param {import('./engine-storage.mjs').VolumeInfo} volume @param {string} at  the command's file:line
 */
export function refuseForeignVolume(engine, volume, at) {
  if (isRecordedVolume(engine, volume)) return;
  throw foreignError({
    at,
    what: `a volume named ${volume.name}`,
    verb: 'create',
    expected: `no volume named ${volume.name}, or the one this guide created`,
    received: `${volume.name} (created ${volume.createdAt})`,
    todo: `Its data stays yours: remove it yourself only if you no longer need it (\`docker volume rm ${volume.name}\`)`,
  });
}

/**
 * The image `tag` names is the guide's: it recorded that tag on that image, or an interrupted
 * `docker build -t` was giving it. Named by id, any tag the guide recorded on it counts.
 * @param {string} engine @param {import('./engine-storage.mjs').ImageInfo} image @param {string} tag  `name:tag`, or an id
 */
export function isRecordedImage(engine, image, tag) {
  const byId = !image.tags.includes(tag);
  const recorded = readRecorded('images').some((i) => i.engine === engine && i.id === image.id && (byId || i.name === tag));
  return recorded || settlePending(engine, 'image', { id: image.id, name: tag, created: image.created });
}

/**
 * Stops the step when an image tag it would build or remove belongs to someone else.
 * @param {string} engine @param {import('./engine-storage.mjs').ImageInfo} image @param {string} tag @param {string} at
 */
export function refuseForeignImage(engine, image, tag, at) {
  if (isRecordedImage(engine, image, tag)) return;
  throw foreignError({
    at,
    what: `an image tagged ${tag}`,
    verb: 'build',
    expected: `no image tagged ${tag}, or the one this guide built`,
    received: `${tag} (${image.id.replace(/^sha256:/, '').slice(0, 12)})`,
    todo: `Keep it under another name and free this one yourself (\`docker tag ${tag} my-${tag.replace(/:latest$/, '')}\`, then \`docker image rm ${tag}\`)`,
  });
}
