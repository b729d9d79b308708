// The guide's images in an extra engine: `docker save` from the default engine piped into
// `docker load` on the other, skipped when every image is already there with the same id
// (an image's id is the digest of its config, so it survives save and load).
import { guideImages } from '../config.ts';
import { captureCommand, executeCommand, runCommand } from '../run.ts';

async function imageId(ref: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const result = await runCommand(['docker', 'image', 'inspect', '--format', '{{.Id}}', ref], { env, timeoutMs: 30_000 });
  return result.code === 0 ? result.stdout.trim() : undefined;
}

/** Copies refs from the default engine to the one at host; returns the refs it copied. */
export async function loadImages(host: string, refs: readonly string[] = Object.values(guideImages)): Promise<string[]> {
  const target = { ...process.env, DOCKER_HOST: host };
  const missing: string[] = [];
  for (const ref of refs) {
    const source = await imageId(ref, process.env);
    if (!source) throw new Error(`${ref} is not in the default engine; run \`npm run docker:setup\` first`);
    if ((await imageId(ref, target)) !== source) missing.push(ref);
  }
  if (missing.length === 0) return [];
  const quoted = missing.map((ref) => `'${ref}'`).join(' ');
  // DOCKER_HOST is set for the loading side only
  await executeCommand(['bash', '-o', 'pipefail', '-c', `docker save ${quoted} | DOCKER_HOST='${host}' docker load --quiet`], {
    timeoutMs: 600_000,
    hint: `Copying images into the engine at ${host} failed; its log is under .cache/engines/.`,
  });
  await captureCommand(['docker', 'image', 'inspect', ...missing], { env: target });
  return missing;
}
