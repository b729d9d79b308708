// An engine from another Debian suite, unpacked (never installed) under .cache/engines/:
// the suite's docker.io .deb is found, fetched, verified and extracted with `dpkg-deb -x`.
// Once unpacked, later calls only read .cache/engines/<suite>/engine.json.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { debianSuite, repoRoot } from '../config.ts';
import { readAptSources } from '../debian-mirrors.ts';
import { executeCommand } from '../run.ts';
import { engineMirror, fetchDeb, resolveDockerPackage, upstreamVersion } from './debian-archive.ts';

export const enginesCacheDir = path.join(repoRoot, '.cache', 'engines');

export interface InstalledEngine {
  suite: string;
  /** upstream version, e.g. 26.1.5 */
  version: string;
  debianVersion: string;
  /** the extracted package: root/usr/sbin/dockerd, root/usr/sbin/docker-proxy, ... */
  root: string;
}

export function dockerdPath(engine: InstalledEngine): string {
  return path.join(engine.root, 'usr', 'sbin', 'dockerd');
}

export async function installEngine(suite: string): Promise<InstalledEngine> {
  const record = path.join(enginesCacheDir, suite, 'engine.json');
  if (existsSync(record)) {
    const known = JSON.parse(readFileSync(record, 'utf8')) as InstalledEngine;
    if (existsSync(dockerdPath(known))) return known;
  }
  // the suite's mirror is the one apt uses for this machine's own release (a local mirror needs
  // nothing else); a machine that is not Debian (Ubuntu CI runners) fetches from Debian's own
  const mirror = engineMirror(readAptSources(), debianSuite);
  const pkg = await resolveDockerPackage(mirror, suite, enginesCacheDir);
  const deb = await fetchDeb(mirror, pkg, enginesCacheDir);
  const root = path.join(enginesCacheDir, suite, 'root');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  await executeCommand(['dpkg-deb', '-x', deb, root], { hint: `Delete ${deb} and rerun to fetch it again.` });
  const engine = { suite, version: upstreamVersion(pkg.version), debianVersion: pkg.version, root };
  writeFileSync(record, `${JSON.stringify(engine, null, 2)}\n`);
  return engine;
}
