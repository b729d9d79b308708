// The runner's own questions to the engine, through the docker CLI (DOCKER_HOST applies):
// a bounded call that never throws, and the few queries preflight and cleanup need.
import { spawn } from 'node:child_process';

export interface DockerResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Runs `docker <args>`; a missing CLI or a deadline becomes a non-zero exit with stderr. The CLI
 * runs in a process group of its own: Ctrl-C at the terminal (SIGINT to the foreground group)
 * must not kill the runner's own calls, its clean-up among them.
 */
export function runDocker(args: string[], timeoutMs = 15_000): Promise<DockerResult> {
  return new Promise((resolve) => {
    const child = spawn('docker', args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let [stdout, stderr, timedOut] = ['', '', false];
    child.stdout.setEncoding('utf8').on('data', (data: string) => (stdout += data));
    child.stderr.setEncoding('utf8').on('data', (data: string) => (stderr += data));
    const timer = setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), timeoutMs);
    const end = (exitCode: number, why = '') => {
      clearTimeout(timer);
      resolve({ stdout, stderr: [stderr, why].filter(Boolean).join('\n'), exitCode });
    };
    child.once('error', (error) => end(127, error.message)); // no docker CLI: spawn docker ENOENT
    child.once('close', (code) => end(code ?? 127, timedOut ? `no answer within ${timeoutMs / 1000}s` : ''));
  });
}

export interface ContainerInfo {
  id: string;
  name: string; // without the leading slash
  image: string;
  imageId: string; // sha256:… of the image it was created from
  status: string; // "running", "exited"
  links: string[]; // "/redis-server:/eager_turing/redis"
  networks: string[]; // the names of the networks it is attached to: ["bridge"]
  volumes: string[]; // the names of the volumes it mounts, named or anonymous (64 hex)
}

/** Every container id on the engine, running or not. */
export async function listContainerIds(): Promise<string[]> {
  const result = await runDocker(['ps', '-aq', '--no-trunc']);
  if (result.exitCode !== 0) throw new Error(`\`docker ps -aq\` failed: ${result.stderr.trim()}`);
  return result.stdout.split('\n').filter(Boolean);
}

export interface NetworkInfo {
  id: string;
  name: string;
}

/** Every network on the engine, with its full id. */
export async function listNetworks(): Promise<NetworkInfo[]> {
  const result = await runDocker(['network', 'ls', '--no-trunc', '--format', '{{.ID}} {{.Name}}']);
  if (result.exitCode !== 0) throw new Error(`\`docker network ls\` failed: ${result.stderr.trim()}`);
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => ({ id: line.slice(0, line.indexOf(' ')), name: line.slice(line.indexOf(' ') + 1) }));
}

/** Every volume on the engine, by name (an anonymous one's name is 64 hex digits). */
export async function listVolumes(): Promise<string[]> {
  const result = await runDocker(['volume', 'ls', '--format', '{{.Name}}']);
  if (result.exitCode !== 0) throw new Error(`\`docker volume ls\` failed: ${result.stderr.trim()}`);
  return result.stdout.split('\n').filter(Boolean);
}

export interface ImageInfo {
  id: string; // sha256:…
  tags: string[]; // "redis:latest"; none for an untagged image
}

/** Every image on the engine (intermediate ones too), with its tags. */
export async function listImages(): Promise<ImageInfo[]> {
  const result = await runDocker(['image', 'ls', '--all', '--no-trunc', '--format', '{{.ID}} {{.Repository}}:{{.Tag}}']);
  if (result.exitCode !== 0) throw new Error(`\`docker image ls\` failed: ${result.stderr.trim()}`);
  const images = new Map<string, string[]>();
  for (const line of result.stdout.split('\n').filter(Boolean)) {
    const [id = '', tag = ''] = line.split(' ');
    images.set(id, [...(images.get(id) ?? []), ...(tag.includes('<none>') ? [] : [tag])]);
  }
  return [...images].map(([id, tags]) => ({ id, tags }));
}

/** The containers among `refs` (names or ids) that exist. */
export async function inspectContainers(refs: string[]): Promise<ContainerInfo[]> {
  if (refs.length === 0) return [];
  const format = '{{json .Id}}\t{{json .Name}}\t{{json .Config.Image}}\t{{json .State.Status}}\t{{json .HostConfig.Links}}\t{{json .NetworkSettings.Networks}}\t{{json .Mounts}}\t{{json .Image}}';
  const result = await runDocker(['container', 'inspect', '--format', format, ...refs]);
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [id, name, image, status, links, networks, mounts, imageId] = line.split('\t').map((field) => JSON.parse(field ?? 'null'));
      const volumes = ((mounts ?? []) as { Type: string; Name?: string }[]).filter((m) => m.Type === 'volume' && m.Name).map((m) => String(m.Name));
      return { id, name: String(name).replace(/^\//, ''), image, imageId: String(imageId), status, links: links ?? [], networks: Object.keys(networks ?? {}), volumes };
    });
}

/** The first line of a CLI's complaint, for a `received:` line. */
export function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}
