// Building a stand-in: a fresh build context under .cache/docker/build/<key> holding a copy of
// the recipe folder plus what the builder prepared (a rootfs tar, a binary), then
// `docker build` with the stand-in and recipe labels. The context is removed once built.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { cacheDir, recipeLabel, standInLabel } from './config.ts';
import { executeCommand } from './run.ts';

export interface BuildContext {
  dir: string;
}

/** A clean context folder for `key`, seeded with the recipe folder's files. */
export function prepareContext(key: string, recipeDir: string): BuildContext {
  const dir = path.join(cacheDir, 'build', key);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  cpSync(recipeDir, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
  return { dir };
}

export interface BuildRequest {
  context: BuildContext;
  ref: string;
  recipe: string;
  dockerfile?: string;
  buildArgs?: Record<string, string>;
}

/** Builds ref from the context, labelled as a stand-in of this recipe, then removes the context. */
export async function buildStandInImage(request: BuildRequest): Promise<void> {
  const argv = [
    'docker',
    'build',
    '--quiet',
    '--tag',
    request.ref,
    '--label',
    `${standInLabel}=true`,
    '--label',
    `${recipeLabel}=${request.recipe}`,
    '--file',
    path.join(request.context.dir, request.dockerfile ?? 'Dockerfile'),
    ...Object.entries(request.buildArgs ?? {}).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]),
    request.context.dir,
  ];
  await executeCommand(argv, {
    timeoutMs: 900_000,
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
    hint: `The build context is kept in ${request.context.dir}; fix the recipe, then rerun \`npm run docker:setup\`.`,
  });
  rmSync(request.context.dir, { recursive: true, force: true });
}
