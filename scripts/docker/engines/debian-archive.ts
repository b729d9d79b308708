// Finding and fetching Debian's docker.io .deb for a suite from the mirror apt uses:
// dists/<suite>/main/binary-amd64/Packages.xz names the file and its SHA-256; the .deb is
// cached under .cache/engines/debs/ and verified before use.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { captureCommand } from '../run.ts';

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

async function download(url: string, file: string): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(300_000) });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status} ${response.statusText}; check the mirror in /etc/apt/sources.list*`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.part`, Buffer.from(await response.arrayBuffer()));
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
