// The run's volumes and images (cleanup.ts removes them after its containers and networks). A
// volume is the run's when it was not on the engine before the run AND its snippets recorded it
// (by name: a local volume's CreatedAt moves whenever its content changes), or a command of theirs was creating it when it was interrupted (pending,
// and Docker made it within that command's window: owner.mjs), or it is an anonymous volume of one
// of the run's containers. An image tag is the run's by the same rule (the tag on the image id the
// snippets recorded, or pending and tagged within the window); so is an image of the run's that a
// rebuild left untagged, and a container made from one of the run's images. Names alone never
// count here: a volume or tag someone else makes later under the page's name, even before a
// later run removes what this one left, is not the run's.
import { matchPending } from '../../snippets/lib/owner.mjs';
import { runDocker } from '../../snippets/lib/engine.mjs';
import { listImages, listVolumes, type ImageListing as ImageInfo } from '../../snippets/lib/engine-storage.mjs';

export interface StorageScope {
  volumesBefore?: Set<string>; // volume names on the engine before the run
  imagesBefore?: Set<string>; // image ids and tags on the engine before the run
}

export interface Recorded {
  id: string;
  name: string;
  created?: string; // a volume's CreatedAt when it was recorded (informative: Docker moves it)
}

export interface Pending {
  engine: string;
  kind: 'container' | 'network' | 'volume' | 'image';
  name: string;
  since: number;
}

/** What the run's snippets wrote in their state file about volumes and images. */
export interface StorageState {
  volumes: Recorded[];
  images: Recorded[];
  pending: Pending[];
}

export interface VolumeInfo {
  name: string;
  createdAt: string;
}

/** Fills in what is on the engine before the run; a list that cannot be read stays unknown. */
export async function noteStorageBefore(scope: StorageScope): Promise<void> {
  const [volumes, images] = await Promise.all([listVolumes().catch(() => undefined), listImages().catch(() => undefined)]);
  if (volumes) scope.volumesBefore = new Set(volumes);
  if (images) scope.imagesBefore = new Set(images.flatMap((i) => [i.id, ...i.tags]));
}

const pendingMatch = (pending: Pending[], kind: Pending['kind'], name: string, created: number) =>
  pending.some((p) => matchPending([p], p.engine, kind, { name, created }));

/** Which of the volumes now on the engine the run created. Pure. */
export function selectRunVolumes(existing: VolumeInfo[], scope: StorageScope, state: StorageState, anonymousOfRun: Set<string>): string[] {
  return existing
    .filter((v) => !scope.volumesBefore?.has(v.name))
    .filter(
      (v) =>
        state.volumes.some((r) => r.name === v.name) ||
        pendingMatch(state.pending, 'volume', v.name, Date.parse(v.createdAt)) ||
        (scope.volumesBefore !== undefined && anonymousOfRun.has(v.name)),
    )
    .map((v) => v.name);
}

/**
 * The run's images now on the engine: what `docker image rm` gets (its tags; an untagged image of
 * its own by id) and the ids of its images (their containers are the run's). Pure.
 * `taggedAt`: when each pending tag was given (Metadata.LastTagTime).
 */
export function selectRunImages(existing: ImageInfo[], scope: StorageScope, state: StorageState, taggedAt: Map<string, number>): { refs: string[]; ids: string[] } {
  const before = scope.imagesBefore;
  const refs: string[] = [];
  const ids: string[] = [];
  for (const image of existing) {
    const recorded = state.images.filter((r) => r.id === image.id);
    const ours = image.tags.filter(
      (tag) => !before?.has(tag) && (recorded.some((r) => r.name === tag) || pendingMatch(state.pending, 'image', tag, taggedAt.get(tag) ?? Number.NaN)),
    );
    if (before?.has(image.id)) {
      // a build that was all cache ends on an image that was there before: only untag it, which needs another tag to keep it
      if (image.tags.length > ours.length) refs.push(...ours);
      continue;
    }
    if (image.tags.length === 0 && recorded.length > 0) refs.push(image.id);
    else refs.push(...ours);
    if (ours.length > 0 || (image.tags.length === 0 && recorded.length > 0)) ids.push(image.id);
  }
  return { refs, ids };
}

/** The run's images, read from the engine now (before its containers go: cleanup.ts removes those too). */
export async function findRunImages(scope: StorageScope, state: StorageState): Promise<{ refs: string[]; ids: string[] }> {
  if (state.images.length === 0 && !state.pending.some((p) => p.kind === 'image')) return { refs: [], ids: [] };
  const pendingTags = [...new Set(state.pending.filter((p) => p.kind === 'image').map((p) => p.name))];
  const taggedAt = await readTagTimes(pendingTags, pendingTags.length > 0 ? BUILD_SETTLE_MS : 0);
  return selectRunImages(await listImages(), scope, state, taggedAt);
}

/** How long an interrupted `docker build` may take to finish tagging on the engine after its CLI was stopped. */
export const BUILD_SETTLE_MS = 3_000;

/**
 * When each tag was given. A tag an interrupted build was giving may appear just after its CLI
 * was stopped (the engine finishes the step it is in): wait for it, bounded by `waitMs`.
 */
async function readTagTimes(tags: string[], waitMs: number): Promise<Map<string, number>> {
  const taggedAt = new Map<string, number>();
  const deadline = Date.now() + waitMs;
  for (;;) {
    for (const tag of tags.filter((t) => !taggedAt.has(t))) {
      const found = await runDocker(['image', 'inspect', '--format', '{{.Metadata.LastTagTime}}', tag]);
      if (found.exitCode === 0) taggedAt.set(tag, Date.parse(found.stdout.trim()));
    }
    if (taggedAt.size === tags.length || Date.now() >= deadline) return taggedAt;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Removes the run's volumes (its containers gone); returns their names. */
export async function removeRunVolumes(scope: StorageScope, state: StorageState, anonymousOfRun: Set<string>): Promise<string[]> {
  const candidates = (await listVolumes()).filter((name) => !scope.volumesBefore?.has(name));
  if (candidates.length === 0) return [];
  const inspected = await runDocker(['volume', 'inspect', '--format', '{{json .Name}}\t{{json .CreatedAt}}', ...candidates]);
  const existing = inspected.stdout.split('\n').filter(Boolean).map((line) => {
    const [name, createdAt] = line.split('\t').map((field) => String(JSON.parse(field)));
    return { name: name ?? '', createdAt: createdAt ?? '' };
  });
  const names = selectRunVolumes(existing, scope, state, anonymousOfRun);
  return removeAll(['volume', 'rm'], names, /no such volume/i);
}

/** Removes the run's image tags and untagged images (their containers gone); returns what it removed. */
export async function removeRunImages(refs: string[]): Promise<string[]> {
  return removeAll(['image', 'rm'], refs, /no such image/i);
}

async function removeAll(verb: string[], names: string[], gone: RegExp): Promise<string[]> {
  if (names.length === 0) return [];
  const removed = await runDocker([...verb, ...names], 120_000);
  const complaints = removed.stderr.split('\n').filter((line) => line.trim() && !gone.test(line));
  if (removed.exitCode !== 0 && complaints.length > 0) throw new Error(`\`docker ${verb.join(' ')} ${names.join(' ')}\` failed: ${complaints.join('\n')}`);
  return names;
}
