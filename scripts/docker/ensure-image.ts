// One image name, made right: a real image is left alone; a current stand-in is kept; a
// registry copy is pulled when one answers; a stand-in of the same recipe under another
// name is tagged; otherwise the recipe is built. Returns what it did, for the report.
import { computeRecipeHash, type Recipe } from './recipes.ts';
import { classifyImage, findImagesByRecipe, inspectImage } from './image-state.ts';
import { tryPull } from './pull.ts';
import { executeCommand, runCommand } from './run.ts';

export type ImageAction = 'left as is' | 'up to date' | 'pulled' | 'tagged' | 'built';

export interface ImageOutcome {
  ref: string;
  action: ImageAction;
  id: string;
  /** one line of explanation for the report */
  detail: string;
  seconds: number;
}

export interface EnsureOptions {
  /** try the registry first (off for tests, which must not depend on one) */
  pull: boolean;
}

export async function ensureImage(ref: string, recipe: Recipe, options: EnsureOptions): Promise<ImageOutcome> {
  const started = Date.now();
  const done = async (action: ImageAction, detail: string): Promise<ImageOutcome> => {
    const info = await inspectImage(ref);
    if (!info) throw new Error(`${ref}: \`docker image inspect ${ref}\` finds nothing right after it was ${action}`);
    return { ref, action, id: info.id, detail, seconds: (Date.now() - started) / 1000 };
  };
  const state = classifyImage(await inspectImage(ref));
  if (state.kind === 'real') return done('left as is', `${ref} exists and is not a stand-in: left as is`);

  const hash = computeRecipeHash(recipe);
  if (state.kind === 'stand-in' && state.recipe === hash) return done('up to date', `stand-in, recipe ${hash}`);

  let pullNote = '';
  if (recipe.pullable && options.pull) {
    const pull = await tryPull(ref);
    if (pull.pulled) return done('pulled', 'the real image, from the registry');
    pullNote = ` (pull: ${pull.reason})`;
  }

  const twin = (await findImagesByRecipe(hash))[0];
  if (twin) {
    await executeCommand(['docker', 'tag', twin, ref]);
    return done('tagged', `stand-in, recipe ${hash}, tagged from an image built from the same recipe${pullNote}`);
  }
  const why = state.kind === 'missing' ? 'missing' : `recipe changed (${state.recipe ?? 'none'} -> ${hash})`;
  await recipe.build(ref, recipe.dir, hash);
  if (state.kind === 'stand-in') await removeReplacedStandIn(state.id);
  return done('built', `stand-in built from ${recipe.dir.replace(/.*\/images\//, 'images/')}: ${why}${pullNote}`);
}

/** The stand-in a rebuild replaced, now untagged: removed unless something still uses it. */
async function removeReplacedStandIn(id: string): Promise<void> {
  await runCommand(['docker', 'image', 'rm', id], { timeoutMs: 60_000 }); // refused while in use or tagged: kept
}
