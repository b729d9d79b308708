// Before anything runs: the engine answers, no container named redis-server exists (the run
// would have to touch it), and every image the pages run is on the engine. Each problem stops
// the run with a message naming it and what to do; nothing is created or changed here.
import type { Page } from '../page/types.ts';
import { describeCommand } from '../../snippets/lib/docker-command.mjs';
import { firstLine, inspectContainers, runDocker } from './docker.ts';

export class PreflightError extends Error {
  override name = 'PreflightError';
}

const setup = 'run `npm run docker:setup` (it installs and starts an engine and builds the images the guide uses)';

/** Returns the engine's server version, or throws a PreflightError. */
export async function checkPreflight(pages: Page[], guideNames: string[]): Promise<string> {
  const used = pages.flatMap((p) =>
    p.commands.flatMap((c) => {
      const run = describeCommand(c.text);
      return run.kind === 'run' && run.image ? [{ at: `${c.at.file}:${c.at.line}`, image: run.image }] : [];
    }),
  );
  const images = [...new Set(used.map((u) => u.image))];
  const [version, existing, missing] = await Promise.all([
    runDocker(['version', '--format', '{{.Server.Version}}'], 10_000),
    inspectContainers(guideNames),
    findMissingImages(images),
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
  return version.stdout.trim();
}

/** One `docker image inspect` for all (it prints `Error: No such image: <name>` for each missing one). */
async function findMissingImages(images: string[]): Promise<string[]> {
  if (images.length === 0) return [];
  const result = await runDocker(['image', 'inspect', '--format', '{{.Id}}', ...images]);
  if (result.exitCode === 0) return [];
  const missing = images.filter((image) => result.stderr.includes(`No such image: ${image}`));
  return missing.length > 0 ? missing : images; // an answer we cannot read: name them all
}

/** The names the pages give containers (`docker run --name redis-server`): the guide's names. */
export function findGuideNames(pages: Page[]): string[] {
  const names = pages.flatMap((p) =>
    p.commands.flatMap((c) => {
      const run = describeCommand(c.text);
      return run.kind === 'run' && run.name ? [run.name] : [];
    }),
  );
  return [...new Set(names)];
}
