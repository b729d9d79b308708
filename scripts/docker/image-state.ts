// What is under an image name now: nothing, a stand-in (with the recipe it was built from),
// or a real image we must leave alone. Pure classification plus one `docker image inspect`.
import { inspectOnApi } from '../../snippets/lib/engine.mjs';
import { recipeLabel, standInLabel } from './config.ts';
import { runCommand } from './run.ts';

export interface ImageInfo {
  id: string;
  labels: Record<string, string>;
  size: number;
}

export type ImageState =
  | { kind: 'missing' }
  | { kind: 'real'; id: string }
  | { kind: 'stand-in'; id: string; recipe: string | undefined };

/**
 * `docker image inspect` of ref, or undefined when there is no such image: on the engine's API
 * where the CLI would use a local socket (engine.mjs), else through the CLI.
 */
export async function inspectImage(ref: string): Promise<ImageInfo | undefined> {
  const found = await inspectOnApi('images', [ref]).catch(() => undefined); // a failure: the CLI says it
  if (found) {
    const image = found[0] as { Id: string; Config?: { Labels?: Record<string, string> | null }; Size?: number } | undefined;
    return image && { id: image.Id, labels: image.Config?.Labels ?? {}, size: Number(image.Size ?? 0) };
  }
  const format = '{{json .Id}}\t{{json .Config.Labels}}\t{{json .Size}}';
  const result = await runCommand(['docker', 'image', 'inspect', '--format', format, ref], { timeoutMs: 30_000 });
  if (result.code !== 0) return undefined;
  const [id, labels, size] = result.stdout.trim().split('\t');
  return {
    id: JSON.parse(id ?? '""') as string,
    labels: (JSON.parse(labels ?? 'null') as Record<string, string> | null) ?? {},
    size: Number(JSON.parse(size ?? '0')),
  };
}

export function classifyImage(info: ImageInfo | undefined): ImageState {
  if (!info) return { kind: 'missing' };
  if (info.labels[standInLabel] !== 'true') return { kind: 'real', id: info.id };
  return { kind: 'stand-in', id: info.id, recipe: info.labels[recipeLabel] };
}

/** Ids of stand-in images built from exactly this recipe, whatever their names. */
export async function findImagesByRecipe(recipe: string): Promise<string[]> {
  const out = await runCommand(
    ['docker', 'image', 'ls', '--quiet', '--no-trunc', '--filter', `label=${recipeLabel}=${recipe}`],
    { timeoutMs: 30_000 },
  );
  return out.code === 0 ? [...new Set(out.stdout.split('\n').filter(Boolean))] : [];
}

export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}
