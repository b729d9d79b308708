// `node scripts/docker/engines/fetch-static.ts [release]`: downloads Docker's official static
// tarball (default: the release specs.ts names, dockerStaticRelease) into .cache/engines/, unless
// it is already there, checks that it holds docker/dockerd, and prints the doc-test's argument
// for it on standard output: `29.10=/…/.cache/engines/docker-29.10.0.tgz`, so that
//   npm run doctest -- --engine "$(node scripts/docker/engines/fetch-static.ts)"
// runs the guide on it. Needs download.docker.com; a machine without internet gives
// `--engine 29.10=<a docker-29.x.y.tgz brought by other means>` instead.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { captureCommand } from '../run.ts';
import { enginesCacheDir } from './install-engine.ts';
import { dockerStaticRelease } from './specs.ts';

/** Docker's folder name for a Node.js architecture: x64 -> x86_64, arm64 -> aarch64. */
export function staticArch(arch: string = process.arch): string {
  const known: Record<string, string> = { x64: 'x86_64', arm64: 'aarch64' };
  const name = known[arch];
  if (!name) throw new Error(`Docker publishes no static tarball for ${arch} that this guide knows; known: ${Object.keys(known).join(', ')}`);
  return name;
}

export const dockerDownloads = 'https://download.docker.com/linux/static/stable';

/** https://download.docker.com/linux/static/stable/x86_64/docker-29.10.0.tgz */
export function staticTarballUrl(release: string, arch = staticArch(), base = dockerDownloads): string {
  if (!/^\d+\.\d+\.\d+$/.test(release)) throw new Error(`"${release}" is not a Docker release such as ${dockerStaticRelease.release}`);
  return `${base}/${arch}/docker-${release}.tgz`;
}

export interface FetchOptions {
  base?: string; // where the arch folders are (Docker's downloads; a test's local server)
  cacheDir?: string;
  timeoutMs?: number;
}

/** "29.10.0" -> "29.10": the version the doc-test names the engine by. */
export function majorMinor(release: string): string {
  return release.split('.').slice(0, 2).join('.');
}

/** The tarball under .cache/engines/, downloaded when missing; resolves with its path. */
export async function fetchStaticTarball(release: string, options: FetchOptions = {}): Promise<string> {
  const { base = dockerDownloads, cacheDir = enginesCacheDir, timeoutMs = 300_000 } = options;
  const file = path.join(cacheDir, `docker-${release}.tgz`);
  if (existsSync(file)) return file;
  const url = staticTarballUrl(release, staticArch(), base);
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) }).catch((cause: Error) => {
    throw new Error(`cannot download ${url}: ${cause.message}. Without internet, bring a docker-${release}.tgz and give --engine ${majorMinor(release)}=<its path>`, { cause });
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}: is ${release} a Docker release? (see ${base}/)`);
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${file}.part`;
  await writeFile(partial, Buffer.from(await response.arrayBuffer()));
  const listing = await captureCommand(['tar', '-tzf', partial]).catch((cause: Error) => {
    rmSync(partial, { force: true });
    throw new Error(`${url} is not a gzip tarball: ${cause.message.split('\n')[0]}`, { cause });
  });
  if (!listing.split('\n').includes('docker/dockerd')) {
    rmSync(partial, { force: true });
    throw new Error(`${url} holds no docker/dockerd: not Docker's static layout`);
  }
  renameSync(partial, file);
  return file;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const release = process.argv[2] ?? dockerStaticRelease.release;
  fetchStaticTarball(release).then(
    (file) => console.log(`${majorMinor(release)}=${file}`),
    (error: Error) => {
      console.error(`fetch-static: ${error.message}`);
      process.exit(1);
    },
  );
}
