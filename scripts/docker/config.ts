// Where things live and what the guide's images are called. The image names are data so a
// test can point the set-up at throwaway names without touching the guide's images.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cacheDir = path.join(repoRoot, '.cache', 'docker');
export const imagesDir = path.join(repoRoot, 'images');
export const dockerdLogFile = path.join(cacheDir, 'dockerd.log');

/** The label every locally built stand-in carries; an image without it is never replaced. */
export const standInLabel = 'org.docker-links-guide.stand-in';
/** The label holding the hash of the recipe a stand-in was built from. */
export const recipeLabel = 'org.docker-links-guide.recipe';

export type ImageKey = 'redis' | 'alpine' | 'app';

/** Image references the guide runs, by key. */
export type ImageNames = Record<ImageKey, string>;

export const guideImages: ImageNames = {
  redis: 'redis:latest',
  alpine: 'alpine:latest',
  app: 'katacoda/redis-node-docker-example:latest',
};

/** The Debian suite stand-ins are built from (the machine's own release). */
export const debianSuite = 'bookworm';
