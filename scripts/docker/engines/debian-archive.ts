// Finding and fetching Debian's docker.io .deb for a suite from the mirror apt uses (Debian's
// own https://deb.debian.org on a machine whose apt serves no Debian, such as an Ubuntu CI
// runner): dists/<suite>/main/binary-amd64/Packages.xz names the file and its SHA-256; the .deb
// is cached under .cache/engines/debs/ and verified before use. Only the suite itself is read,
// also for a stable one (bookworm): its fixes for docker.io reach main with each point release
// (bookworm's is 20.10.24+dfsg1-1+deb12u1+b6, the default engine's own build on Debian 12), and
// bookworm-security and -updates (security's is another archive) list no docker.io; a build
// there would still be 20.10, all the matrix asks for.
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { httpClient } from '../../../snippets/lib/http.mjs';
import { debianMirrorOf, type AptSource } from '../debian-mirrors.ts';
import { captureCommand } from '../run.ts';

/** Debian's own mirror redirector, for machines whose apt configuration has no Debian mirror. */
export const publicDebianMirror = 'https://deb.debian.org/debian';

/** The mirror apt uses for Debian `release` main, else Debian's public one. */
export function engineMirror(sources: readonly AptSource[], release: string): string {
  return debianMirrorOf(sources, release) ?? publicDebianMirror;
}

export interface DebianPackage {
  name: string;
  version: string;
  filename: string;
  sha256: string;
}

/** The stanza of `name` in a Packages file (the highest version when several are listed). */
export function findPackage(packagesText: string, name: string): DebianPackage | undefined {
  const found: DebianPackage[] = [];
  for (const stanza of packagesText.split(/\n\n+/)) {
    const field = (key: string): string | undefined => new RegExp(`^${key}: (.+)$`, 'm').exec(stanza)?.[1]?.trim();
    if (field('Package') !== name) continue;
    const [version, filename, sha256] = [field('Version'), field('Filename'), field('SHA256')];
    if (version && filename && sha256) found.push({ name, version, filename, sha256 });
  }
  return found.sort((a, b) => compareVersions(b.version, a.version))[0];
}

/** Upstream version of a Debian version string: `26.1.5+dfsg1-9+b9` -> `26.1.5`. */
export function upstreamVersion(debianVersion: string): string {
  return debianVersion.replace(/^\d+:/, '').replace(/[-+~].*$/, '');
}

function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

const MAX_REDIRECTS = 5;

/**
 * GET `url` into `file` (through `file.part`), following redirects (deb.debian.org sends one to a
 * mirror). node:http(s) (snippets/lib/http.mjs), not fetch: the matrix runs under the runner's
 * --lite-mode, which has no WebAssembly for fetch's parser.
 */
async function download(url: string, file: string, redirects = 0): Promise<void> {
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const request = httpClient(url).get(url, { timeout: 300_000 }, resolve);
    request.on('timeout', () => request.destroy(new Error(`GET ${url}: no answer within 300s`)));
    request.on('error', reject);
  });
  const status = response.statusCode ?? 0;
  if (status >= 300 && status < 400 && response.headers.location && redirects < MAX_REDIRECTS) {
    response.resume();
    return download(new URL(response.headers.location, url).href, file, redirects + 1);
  }
  if (status !== 200) {
    response.resume();
    throw new Error(`GET ${url} answered ${status} ${response.statusMessage ?? ''}; check the mirror in /etc/apt/sources.list*`);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  await pipeline(response, createWriteStream(`${file}.part`));
  renameSync(`${file}.part`, file);
}

/** docker.io as listed for `suite` on `mirror` (the Packages index is downloaded each call). */
export async function resolveDockerPackage(mirror: string, suite: string, cacheDir: string): Promise<DebianPackage> {
  const index = path.join(cacheDir, suite, 'Packages.xz');
  const url = `${mirror}/dists/${suite}/main/binary-amd64/Packages.xz`;
  await download(url, index);
  const text = await captureCommand(['xz', '--decompress', '--stdout', index], { timeoutMs: 120_000 });
  const found = findPackage(text, 'docker.io');
  if (!found) throw new Error(`${url} lists no docker.io package; this suite has no engine to fetch`);
  return found;
}

/** The .deb of pkg, downloaded once into cacheDir/debs/ and checked against its SHA-256. */
export async function fetchDeb(mirror: string, pkg: DebianPackage, cacheDir: string): Promise<string> {
  const file = path.join(cacheDir, 'debs', path.basename(pkg.filename));
  if (!existsSync(file)) await download(`${mirror}/${pkg.filename}`, file);
  const actual = createHash('sha256').update(readFileSync(file)).digest('hex');
  if (actual !== pkg.sha256) {
    throw new Error(`${file}: SHA-256 ${actual}, but the archive index says ${pkg.sha256}. Delete the file and rerun.`);
  }
  return file;
}
