// The runner's own questions to the engine, through the docker CLI (DOCKER_HOST applies):
// a bounded call that never throws, and the few queries preflight and cleanup need.
import { execFile } from 'node:child_process';

export interface DockerResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs `docker <args>`; a missing CLI or a deadline becomes a non-zero exit with stderr. */
export function runDocker(args: string[], timeoutMs = 15_000): Promise<DockerResult> {
  return new Promise((resolve) => {
    execFile('docker', args, { timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      const failure = error as (NodeJS.ErrnoException & { code?: number | string; killed?: boolean }) | null;
      const exitCode = failure ? (typeof failure.code === 'number' ? failure.code : 127) : 0;
      const why = failure?.killed ? `no answer within ${timeoutMs / 1000}s` : failure && exitCode === 127 ? failure.message : '';
      resolve({ stdout, stderr: [stderr, why].filter(Boolean).join('\n'), exitCode });
    });
  });
}

export interface ContainerInfo {
  id: string;
  name: string; // without the leading slash
  image: string;
  status: string; // "running", "exited"
  links: string[]; // "/redis-server:/eager_turing/redis"
  networks: string[]; // the names of the networks it is attached to: ["bridge"]
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

/** The containers among `refs` (names or ids) that exist. */
export async function inspectContainers(refs: string[]): Promise<ContainerInfo[]> {
  if (refs.length === 0) return [];
  const format = '{{json .Id}}\t{{json .Name}}\t{{json .Config.Image}}\t{{json .State.Status}}\t{{json .HostConfig.Links}}\t{{json .NetworkSettings.Networks}}';
  const result = await runDocker(['container', 'inspect', '--format', format, ...refs]);
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [id, name, image, status, links, networks] = line.split('\t').map((field) => JSON.parse(field ?? 'null'));
      return { id, name: String(name).replace(/^\//, ''), image, status, links: links ?? [], networks: Object.keys(networks ?? {}) };
    });
}

/** The first line of a CLI's complaint, for a `received:` line. */
export function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}
