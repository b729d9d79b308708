// @ts-check
// What snippets/cleanup.mjs removes after the page's clean-up commands: everything else the guide
// recorded on this engine that still exists (state.mjs), and only that: its containers (with their
// anonymous volumes; a container of an image it built too), then its networks, volumes and image tags. An interrupted command's pending
// creation is settled first (owner.mjs), so what Ctrl-C left is removed too; right after the
// interruption it is waited for a few seconds, as Docker may still be making it. Each removal is
// printed as the command a person would type; the records of what is gone are dropped.
import { inspectContainers, inspectNetworks } from './engine.mjs';
import { inspectImages, inspectVolumes } from './engine-storage.mjs';
import { GuideError } from './errors.mjs';
import { PENDING_WINDOW } from './owner.mjs';
import { isRecordedVolume } from './owner-storage.mjs';
import { printCommand } from './print.mjs';
import { settleExisting } from './recording.mjs';
import { runQuiet } from './shell.mjs';
import { forgetEntries, readPending, readRecorded } from './state.mjs';

/** @param {string} engine */
export async function removeRecorded(engine) {
  await settleAllPending(engine);
  const mine = (/** @type {import('./state.mjs').RecordKind} */ kind) => readRecorded(kind).filter((e) => e.engine === engine);
  const failures = [];
  const containers = await inspectContainers(mine('containers').map((c) => c.id));
  const ofImages = await findContainersOf(mine('images').map((i) => i.id)); // an interrupted `docker run` of an image it built
  failures.push(...(await remove(['docker', 'rm', '-f', '-v'], [...new Set([...containers.map((c) => c.name || c.id), ...ofImages])])));
  const networks = await inspectNetworks(mine('networks').map((n) => n.id));
  failures.push(...(await remove(['docker', 'network', 'rm'], networks.map((n) => n.name))));
  const volumes = (await inspectVolumes(mine('volumes').map((v) => v.name))).filter((v) => isRecordedVolume(engine, v));
  failures.push(...(await remove(['docker', 'volume', 'rm'], volumes.map((v) => v.name))));
  failures.push(...(await remove(['docker', 'image', 'rm'], await findImageRefs(mine('images')))));
  await forgetGone(engine);
  if (failures.length > 0) {
    throw new GuideError('snippets/cleanup.mjs: some of what the guide created could not be removed', failures.map((f) => `received: ${f}`), 'read the messages above (a volume still in use by a container you started, for instance); remove that yourself, then run the clean-up again');
  }
}

/**
 * What `docker image rm` gets for each recorded tag: the tag, while it is still on the image the
 * guide built; the image id, when that image was left without any tag (rebuilt since).
 * @param {import('./state.mjs').OwnedContainer[]} records
 */
async function findImageRefs(records) {
  const refs = [];
  for (const record of records) {
    const [tagged] = await inspectImages([record.name]);
    if (tagged?.id === record.id) refs.push(record.name);
    else {
      const [image] = await inspectImages([record.id]);
      if (image && image.tags.length === 0) refs.push(record.id);
    }
  }
  return [...new Set(refs)];
}

/** The containers made from exactly these images (not from images built on them). @param {string[]} ids */
async function findContainersOf(ids) {
  const found = [];
  for (const id of [...new Set(ids)]) {
    const listed = await runQuiet(['docker', 'ps', '-aq', '--no-trunc', '--filter', `ancestor=${id}`]);
    const candidates = listed.stdout.split('\n').filter(Boolean);
    if (candidates.length === 0) continue;
    const images = await runQuiet(['docker', 'container', 'inspect', '--format', '{{.Id}} {{.Image}}', ...candidates]);
    found.push(...images.stdout.split('\n').filter((line) => line.endsWith(` ${id}`)).map((line) => line.split(' ')[0] ?? ''));
  }
  return found.filter(Boolean);
}

/** Runs `argv names…` when there are names, printed first; returns its complaints. @param {string[]} argv @param {string[]} names */
async function remove(argv, names) {
  if (names.length === 0) return [];
  printCommand([...argv, ...names].join(' '));
  const result = await runQuiet([...argv, ...names], 120_000);
  process.stdout.write(result.stdout);
  if (result.stderr.trim()) process.stdout.write(result.stderr);
  return result.exitCode === 0 ? [] : result.stderr.trim().split('\n').filter(Boolean);
}

/**
 * How long the clean-up waits for what a recently interrupted command asked Docker for: Docker
 * finishes a request whose client was killed (a `docker build` goes on and tags its image, a
 * `docker network create` makes its network), so right after Ctrl-C it may not be there yet.
 * Only creations pending from the last `recentMs`, each until it appears or `waitMs` have passed.
 */
export const LANDING = { recentMs: PENDING_WINDOW.after, waitMs: 3_000, pollMs: 100 }; // older: it cannot be the guide's any more

/**
 * Waits (bounded) until each recent pending creation exists; returns when all do or the wait ends.
 * @param {import('./state.mjs').Pending[]} pending @param {(p: import('./state.mjs').Pending) => Promise<boolean>} exists
 * @param {typeof LANDING} [landing] @param {() => number} [now]
 */
export async function waitForLanding(pending, exists, landing = LANDING, now = Date.now) {
  let waiting = pending.filter((p) => now() - p.since < landing.recentMs);
  const until = now() + landing.waitMs;
  while (waiting.length > 0) {
    const found = await Promise.all(waiting.map(exists));
    waiting = waiting.filter((_, i) => !found[i]);
    if (waiting.length === 0 || now() >= until) return;
    await new Promise((resolve) => setTimeout(resolve, landing.pollMs));
  }
}

/** Whether what a pending entry names exists on the engine now. @param {import('./state.mjs').Pending} p */
async function pendingExists(p) {
  const inspect = { container: inspectContainers, network: inspectNetworks, volume: inspectVolumes, image: inspectImages }[p.kind];
  return (await inspect([p.name])).length > 0;
}

/** Pending creations of this engine, settled: each becomes the guide's (recorded) or is dropped. @param {string} engine */
async function settleAllPending(engine) {
  const pending = readPending().filter((p) => p.engine === engine);
  await waitForLanding(pending, pendingExists);
  await settleExisting(engine, pending);
}

/** Drops this engine's records of what no longer exists. @param {string} engine */
async function forgetGone(engine) {
  const mine = (/** @type {import('./state.mjs').RecordKind} */ kind) => readRecorded(kind).filter((e) => e.engine === engine);
  const containers = new Set((await inspectContainers(mine('containers').map((c) => c.id))).map((c) => c.id));
  forgetEntries('containers', mine('containers').filter((c) => !containers.has(c.id)));
  const networks = new Set((await inspectNetworks(mine('networks').map((n) => n.id))).map((n) => n.id));
  forgetEntries('networks', mine('networks').filter((n) => !networks.has(n.id)));
  const volumes = await inspectVolumes(mine('volumes').map((v) => v.name));
  forgetEntries('volumes', mine('volumes').filter((v) => !volumes.some((found) => found.name === v.name)));
  const images = await inspectImages(mine('images').map((i) => i.id));
  const kept = (/** @type {import('./state.mjs').OwnedContainer} */ i) => images.some((found) => found.id === i.id && (found.tags.includes(i.name) || found.tags.length === 0));
  forgetEntries('images', mine('images').filter((i) => !kept(i))); // gone, or tagged only by someone else now
}
