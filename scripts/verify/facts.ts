// The facts a record entry needs from the engine DOCKER_HOST points at and from git: server
// and client versions, each image's id and whether it is a local stand-in, the commit.
import { classifyImage, inspectImage } from '../docker/image-state.ts';
import { runCommand } from '../docker/run.ts';
import type { EngineFacts } from './entry.ts';
import type { ImageFact } from './record.ts';

/** `git rev-parse HEAD` in root; "unknown" outside git (or without git). */
export async function readCommit(root: string): Promise<string> {
  const result = await runCommand(['git', 'rev-parse', 'HEAD'], { cwd: root, timeoutMs: 10_000 }).catch(() => undefined);
  return result?.code === 0 ? result.stdout.trim() : 'unknown';
}

/** Each image as the engine holds it; a missing one has the id "missing". */
export async function readImages(refs: string[]): Promise<ImageFact[]> {
  return Promise.all(
    refs.map(async (name) => {
      const state = classifyImage(await inspectImage(name));
      return state.kind === 'missing' ? { name, id: 'missing', standIn: false } : { name, id: state.id, standIn: state.kind === 'stand-in' };
    }),
  );
}

/** Everything but the pages; throws when the engine does not answer `docker version`. */
export async function readEngineFacts(root: string, imageRefs: string[]): Promise<EngineFacts> {
  const [version, images, commit] = await Promise.all([
    // a | and not a tab: `docker version` pads its template's tabs into spaces (a tabwriter)
    runCommand(['docker', 'version', '--format', '{{.Server.Version}}|{{.Client.Version}}'], { timeoutMs: 15_000 }),
    readImages(imageRefs),
    readCommit(root),
  ]);
  const [server, client] = version.stdout.trim().split('|');
  if (version.code !== 0 || !server) throw new Error(`\`docker version\` did not name the engine: ${version.stderr.trim() || `exit ${version.code}`}`);
  return { server, client: client ?? 'unknown', images, commit };
}
