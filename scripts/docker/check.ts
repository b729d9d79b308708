// `npm run docker:setup -- --check`: report only. The engine's version, and for each image
// its id and whether it is the real image or a local stand-in (current or built from an
// older recipe). Exit status 1 when the engine or an image is missing.
import { guideImages, type ImageKey, type ImageNames } from './config.ts';
import { probeEngine } from './engine.ts';
import { classifyImage, inspectImage, shortId } from './image-state.ts';
import { computeRecipeHash, recipes } from './recipes.ts';

export interface CheckLine {
  ref: string;
  state: 'missing' | 'real' | 'stand-in' | 'stale stand-in';
  id?: string;
}

export async function checkImages(names: ImageNames = guideImages): Promise<CheckLine[]> {
  const lines: CheckLine[] = [];
  for (const key of Object.keys(names) as ImageKey[]) {
    const ref = names[key];
    const state = classifyImage(await inspectImage(ref));
    if (state.kind === 'missing') lines.push({ ref, state: 'missing' });
    else if (state.kind === 'real') lines.push({ ref, state: 'real', id: state.id });
    else {
      const current = state.recipe === computeRecipeHash(recipes[key]);
      lines.push({ ref, state: current ? 'stand-in' : 'stale stand-in', id: state.id });
    }
  }
  return lines;
}

/** Prints the report; returns the exit status. */
export async function runCheck(names: ImageNames, json: boolean): Promise<number> {
  const version = await probeEngine();
  if (!version) {
    if (json) console.log(JSON.stringify({ engine: null, images: [] }));
    else console.log('engine: none answers (run `npm run docker:setup` to start one)');
    return 1;
  }
  const images = await checkImages(names);
  if (json) console.log(JSON.stringify({ engine: version, images }, null, 2));
  else {
    console.log(`engine: ${version}`);
    for (const line of images) {
      const label = line.state === 'stand-in' ? 'local stand-in' : line.state === 'real' ? 'real image' : line.state;
      console.log(`${line.ref}: ${line.id ? `${shortId(line.id)} ` : ''}${label}`);
    }
  }
  return images.some((line) => line.state === 'missing') ? 1 : 0;
}
