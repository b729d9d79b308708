// The three images as data: where each recipe lives, which files make up its cache key,
// how it is built locally, and whether a registry copy may be pulled instead.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { imagesDir, repoRoot, type ImageKey } from './config.ts';
import { hashRecipe } from './recipe-hash.ts';
import { buildAlpineStandIn } from './build-alpine.ts';
import { buildAppImage } from './build-app.ts';
import { buildRedisStandIn } from './build-redis.ts';

export interface Recipe {
  key: ImageKey;
  dir: string;
  /** the Dockerfile the stand-in is built from, in dir */
  dockerfile: string;
  /** scripts whose change must rebuild the image (with the recipe folder) */
  scripts: string[];
  /** the registry image pulled instead of building, when a registry answers */
  pullable: boolean;
  build(ref: string, recipeDir: string, recipe: string): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const script = (name: string): string => path.join(here, name);
const shared = [script('docker-build.ts'), script('config.ts')];

export const recipes: Record<ImageKey, Recipe> = {
  redis: {
    key: 'redis',
    dir: path.join(imagesDir, 'redis'),
    dockerfile: 'Dockerfile',
    scripts: [...shared, script('rootfs.ts'), script('build-redis.ts')],
    pullable: true,
    build: buildRedisStandIn,
  },
  alpine: {
    key: 'alpine',
    dir: path.join(imagesDir, 'alpine'),
    dockerfile: 'Dockerfile',
    scripts: [...shared, script('build-alpine.ts')],
    pullable: true,
    build: buildAlpineStandIn,
  },
  app: {
    key: 'app',
    dir: path.join(imagesDir, 'redis-node-docker-example'),
    dockerfile: 'Dockerfile.offline',
    scripts: [...shared, script('rootfs.ts'), script('build-app.ts')],
    pullable: false,
    build: buildAppImage,
  },
};

/** The cache key of a recipe: its folder and build scripts, hashed. */
export function computeRecipeHash(recipe: Recipe): string {
  return hashRecipe(repoRoot, [recipe.dir, ...recipe.scripts]);
}
