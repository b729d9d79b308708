// The `alpine` stand-in: Debian's static BusyBox plus images/alpine/ (Dockerfile, passwd,
// group). No root file system to download: the whole image is one binary and its links.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { installMissingPackages, requirements } from './apt.ts';
import { buildStandInImage, prepareContext } from './docker-build.ts';

export async function buildAlpineStandIn(ref: string, recipeDir: string, recipe: string): Promise<void> {
  await installMissingPackages([requirements.busybox]);
  const context = prepareContext('alpine', recipeDir);
  copyFileSync(requirements.busybox.provides, path.join(context.dir, 'busybox'));
  await buildStandInImage({ context, ref, recipe });
}
