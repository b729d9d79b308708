// The volumes and image tags the pages create, by name (pure), and which of them the engine
// already has: each would be someone else's, and preflight.ts stops the run naming it.
import type { Page } from '../page/types.ts';
import { describeCommand } from '../../snippets/lib/docker-command.mjs';
import { runDocker } from '../../snippets/lib/engine.mjs';

/** The volumes and image tags the pages create that exist already: each would be someone else's. */
export async function findExistingStorage(volumes: string[], tags: string[]): Promise<{ what: string; received: string; todo: string }[]> {
  const [foundVolumes, foundImages] = await Promise.all([
    volumes.length > 0 ? runDocker(['volume', 'inspect', '--format', '{{.Name}} {{.CreatedAt}}', ...volumes]) : undefined,
    Promise.all(tags.map(async (tag) => ({ tag, found: await runDocker(['image', 'inspect', '--format', '{{.Id}}', tag]) }))),
  ]);
  const lines = foundVolumes?.stdout.split('\n').filter(Boolean) ?? [];
  return [
    ...lines.map((line) => {
      const [name = '', created = ''] = line.split(' ');
      return { what: `a volume named ${name}`, received: `${name}: created ${created}`, todo: `Its data stays yours: remove it yourself only if you no longer need it (\`docker volume rm ${name}\`)` };
    }),
    ...foundImages
      .filter(({ found }) => found.exitCode === 0 && found.stdout.trim())
      .map(({ tag, found }) => ({
        what: `an image tagged ${tag}`,
        received: `${tag}: id ${found.stdout.trim().replace(/^sha256:/, '').slice(0, 12)}`,
        todo: `Keep it under another name and free this one yourself (\`docker tag ${tag} my-${tag.replace(/:latest$/, '')}\`, then \`docker image rm ${tag}\`)`,
      })),
  ];
}

/** The volumes the pages create by name (`docker volume create guide-data`, `docker run -v guide-data:/data`). */
export function findGuideVolumes(pages: Page[]): string[] {
  const names = pages.flatMap((p) => p.commands.flatMap((c) => {
    const run = describeCommand(c.text);
    return run.kind === 'volume-create' && run.name ? [run.name] : run.kind === 'run' ? run.volumes : [];
  }));
  return [...new Set(names)];
}

/** The tags the pages build (`docker build -t guide-app .`): ["guide-app:latest"]. */
export function findGuideBuilds(pages: Page[]): string[] {
  return [...new Set(pages.flatMap((p) => p.commands.flatMap((c) => {
    const build = describeCommand(c.text);
    return build.kind === 'build' ? build.tags : [];
  })))];
}
