// Before anything runs: the engine answers (its ID and version, asked once), and the one preflight
// of snippets/lib/preflight.mjs passes over every page's commands with the doc-test's policy: no
// container, network, volume or image tag of a name the pages use exists (the run would have to
// touch it), every image the pages run is on the engine (or built by a page), and every host port
// they publish is free. Each problem stops the run with a message naming it and what to do;
// nothing is created or changed here. The snippets the runner starts skip their own checks
// (snippets/lib/handover.mjs).
import type { Page } from '../page/types.ts';
import { isProvoked } from '../page/commands.ts';
import { askEngine } from '../../snippets/lib/engine.mjs';
import { GuideError } from '../../snippets/lib/errors.mjs';
import { checkPreflight as checkCommands, planChecks, type Planned } from '../../snippets/lib/preflight.mjs';

export interface Engine {
  id: string; // `docker info` ID: the guide's record of what it created is per engine
  version: string; // server version, "20.10.24+dfsg1"
}

/**
 * Every command of the pages, with its file:line, in page order; not those that provoke an error
 * on purpose (`snippet="troubleshoot"`: a misspelled image, a link to no container).
 */
export function pageCommands(pages: Page[]): Planned[] {
  return pages.flatMap((p) => p.commands.filter((c) => !isProvoked(c)).map((c) => ({ text: c.text, at: `${c.at.file}:${c.at.line}` })));
}

/** Returns the engine, or throws a GuideError that says what to do. */
export async function checkPreflight(pages: Page[]): Promise<Engine> {
  const asked = await askEngine(10_000);
  if (!asked.engine) {
    const host = process.env.DOCKER_HOST ? `DOCKER_HOST=${process.env.DOCKER_HOST}` : 'the default docker context';
    throw new GuideError(
      '`docker info`: the Docker engine is not reachable; no command ran',
      [`expected: a running engine answering the docker CLI (${host})`, `received: ${asked.problem}`],
      'run `npm run docker:setup` (it installs and starts an engine and builds the images the guide uses); or point DOCKER_HOST at a running engine',
    );
  }
  await checkCommands(asked.engine.id, pageCommands(pages), { kind: 'doctest' });
  return asked.engine;
}

/** The names of the containers the pages create, run or remove by name: the guide's names (["redis-server"]). */
export function findGuideNames(pages: Page[]): string[] {
  return [...planChecks(pageCommands(pages)).containers.keys()];
}

/** The networks the pages create, join or remove by name (["guide-net"]). */
export function findGuideNetworks(pages: Page[]): string[] {
  return [...planChecks(pageCommands(pages)).networks.keys()];
}
