// Before anything runs: the engine answers, no container named redis-server and no network,
// volume or image tag the pages create exists (the run would have to touch it), every image the
// pages run is on the engine (or built by a page), and every host port they publish (3000) is free. Each problem stops the run with a message naming it and what to do;
// nothing is created or changed here. These are the checks each snippet makes when a person runs
// it, so the snippets the runner starts skip theirs (snippets/lib/handover.mjs).
import type { Page } from '../page/types.ts';
import { describeCommand } from '../../snippets/lib/docker-command.mjs';
import { normalizeImageRef } from '../../snippets/lib/docker-command-storage.mjs';
import { isListening } from '../../snippets/lib/port.mjs';
import { findMissingImages, firstLine, inspectContainers, runDocker } from '../../snippets/lib/engine.mjs';
import { findExistingStorage, findGuideBuilds, findGuideVolumes } from './preflight-storage.ts';

export class PreflightError extends Error {
  override name = 'PreflightError';
}

const setup = 'run `npm run docker:setup` (it installs and starts an engine and builds the images the guide uses)';

export interface Engine {
  id: string; // `docker info` ID: the guide's record of what it created is per engine
  version: string; // server version, "20.10.24+dfsg1"
}

/** Returns the engine, or throws a PreflightError. */
export async function checkPreflight(pages: Page[], guideNames: string[]): Promise<Engine> {
  const runs = pages.flatMap((p) => p.commands.map((c) => ({ at: `${c.at.file}:${c.at.line}`, run: describeCommand(c.text) })));
  const built = findGuideBuilds(pages);
  const used = runs.flatMap(({ at, run }) => (run.kind === 'run' && run.image && !built.includes(normalizeImageRef(run.image)) ? [{ at, image: run.image }] : []));
  const published = runs.flatMap(({ at, run }) => (run.kind === 'run' && run.detached ? run.ports.map((port) => ({ at, port })) : []));
  const images = [...new Set(used.map((u) => u.image))];
  const networks = findGuideNetworks(pages);
  const [version, info, existing, existingNetworks, missing, busy, storage] = await Promise.all([
    runDocker(['version', '--format', '{{.Server.Version}}'], 10_000),
    runDocker(['info', '--format', '{{.ID}}'], 10_000),
    inspectContainers(guideNames),
    networks.length > 0 ? runDocker(['network', 'inspect', '--format', '{{.Name}} {{.Id}}', ...networks]) : undefined,
    findMissingImages(images),
    Promise.all(published.map(findPortHolder)),
    findExistingStorage(findGuideVolumes(pages), built),
  ]);
  if (version.exitCode !== 0 || !version.stdout.trim()) {
    const host = process.env.DOCKER_HOST ? `DOCKER_HOST=${process.env.DOCKER_HOST}` : 'the default docker context';
    throw new PreflightError(
      [
        '`docker version`: the Docker engine is not reachable; no command ran',
        `  expected: a running engine answering the docker CLI (${host})`,
        `  received: ${firstLine(version.stderr) || `exit ${version.exitCode}`}`,
        `  What to do: ${setup}; or point DOCKER_HOST at a running engine`,
      ].join('\n'),
      { cause: version.stderr },
    );
  }
  for (const c of existing) {
    throw new PreflightError(
      [
        `a container named ${c.name} already exists; the doc-test would have to use or remove it, so nothing ran`,
        `  expected: no container named ${c.name} (the run creates its own and removes it afterwards)`,
        `  received: ${c.name}: id ${c.id.slice(0, 12)}, image ${c.image}, status ${c.status}`,
        `  What to do: it is left untouched. Rename it (\`docker rename ${c.name} my-${c.name}\`) or remove it yourself ` +
          `(\`docker rm -f ${c.id.slice(0, 12)}\`; if the guide's scripts created it, \`npx zx snippets/cleanup.mjs\`), then run the doc-test again`,
      ].join('\n'),
    );
  }
  for (const line of existingNetworks?.stdout.split('\n').filter(Boolean) ?? []) {
    const [name, id = ''] = line.split(' ');
    throw new PreflightError(
      [
        `a network named ${name} already exists; the doc-test would have to use or remove it, so nothing ran`,
        `  expected: no network named ${name} (the run creates its own and removes it afterwards)`,
        `  received: ${name}: id ${id.slice(0, 12)}`,
        `  What to do: it is left untouched. Remove it yourself (\`docker network rm ${name}\`) once nothing uses it, then run the doc-test again`,
      ].join('\n'),
    );
  }
  for (const found of storage) {
    throw new PreflightError(
      [
        `${found.what} already exists; the doc-test would have to use or remove it, so nothing ran`,
        `  expected: no ${found.what.replace(/^an? /, '')} (the run creates its own and removes it afterwards)`,
        `  received: ${found.received}`,
        `  What to do: it is left untouched. ${found.todo}, then run the doc-test again`,
      ].join('\n'),
    );
  }
  if (missing.length > 0) {
    const where = missing.map((image) => `${image} (${used.find((u) => u.image === image)?.at})`).join(', ');
    throw new PreflightError(
      [
        `${missing.length === 1 ? 'an image' : 'images'} the pages run ${missing.length === 1 ? 'is' : 'are'} not on this engine: ${where}; no command ran`,
        `  expected: ${missing.join(', ')} in \`docker images\``,
        `  received: \`docker image inspect\` found no such image`,
        `  What to do: ${setup}`,
      ].join('\n'),
    );
  }
  for (const holder of busy) if (holder) throw holder;
  const id = info.stdout.trim();
  if (info.exitCode !== 0 || !id) {
    throw new PreflightError(`\`docker info\`: the engine answered \`docker version\` but not \`docker info\`; no command ran\n  received: ${firstLine(info.stderr) || `exit ${info.exitCode}`}\n  What to do: ${setup}`);
  }
  return { id, version: version.stdout.trim() };
}

/** A PreflightError naming what holds a host port a page publishes, or undefined when it is free. */
async function findPortHolder({ at, port }: { at: string; port: number }): Promise<PreflightError | undefined> {
  const [publishers, listening] = await Promise.all([
    runDocker(['ps', '--filter', `publish=${port}`, '--format', '{{.Names}} ({{.ID}})']),
    isListening(port),
  ]);
  const container = publishers.stdout.trim().split('\n')[0];
  const holder = container ? `container ${container}` : listening ? 'a process on this machine' : '';
  if (!holder) return undefined;
  return new PreflightError(
    [
      `${at}: port ${port} is already in use, by ${holder}; no command ran`,
      `  expected: port ${port} free (the page publishes it)`,
      `  received: ${holder} listening on ${port}`,
      `  What to do: stop what uses port ${port} (\`docker ps --filter publish=${port}\`, or \`ss -ltnp 'sport = :${port}'\`), then run the doc-test again`,
    ].join('\n'),
  );
}

/** Each name `pick` takes from the pages' commands, once, in page order. */
function collectNames(pages: Page[], pick: (run: ReturnType<typeof describeCommand>) => string | undefined): string[] {
  const names = pages.flatMap((p) => p.commands.map((c) => pick(describeCommand(c.text))));
  return [...new Set(names.filter((name): name is string => Boolean(name)))];
}

/** The names the pages give containers (`docker run --name redis-server`): the guide's names. */
export function findGuideNames(pages: Page[]): string[] {
  return collectNames(pages, (run) => (run.kind === 'run' ? run.name : undefined));
}

/** The networks the pages create by name (`docker network create guide-net`): ["guide-net"]. */
export function findGuideNetworks(pages: Page[]): string[] {
  return collectNames(pages, (run) => (run.kind === 'network-create' ? run.name : undefined));
}
