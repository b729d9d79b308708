// The `redis` stand-in: Debian's redis-server, redis-tools and gosu in a minimal rootfs, wrapped
// by images/redis/Dockerfile (the official image's entry point, ENV names, VOLUME /data, EXPOSE 6379;
// images/official-configs.json records the official image's).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildStandInImage, prepareContext } from './docker-build.ts';
import { buildRootfs } from './rootfs.ts';

export interface RedisPackageInfo {
  version: string;
  url: string;
  sha256: string;
  gosuVersion: string;
}

/** A Debian version's upstream part: no epoch, no Debian revision ("5:7.0.15-1~deb12u10" -> "7.0.15"). */
function upstreamVersion(debian: string): string {
  return debian.trim().replace(/^\d+:/, '').replace(/-[^-]*$/, '');
}

/**
 * REDIS_* and GOSU_VERSION values from what the mmdebstrap hook wrote: the installed Debian
 * version of redis-server on the first line, then `apt-get download --print-uris` for that
 * version, then the installed version of gosu.
 */
export function parseRedisPackage(text: string): RedisPackageInfo {
  const [versionLine, uriLine, gosuLine] = text.trim().split('\n');
  const match = /^'([^']+)' \S+ \d+ SHA256:([0-9a-f]{64})$/.exec(uriLine?.trim() ?? '');
  if (!versionLine || !match || !gosuLine?.trim()) {
    throw new Error(`unexpected redis-server package description from the mmdebstrap hook:\n${text.slice(0, 500)}`);
  }
  return { version: upstreamVersion(versionLine), url: match[1]!, sha256: match[2]!, gosuVersion: upstreamVersion(gosuLine) };
}

export async function buildRedisStandIn(ref: string, recipeDir: string, recipe: string): Promise<void> {
  const context = prepareContext('redis', recipeDir);
  const packages = readFileSync(path.join(recipeDir, 'packages'), 'utf8').split(/\s+/).filter(Boolean);
  const described = path.join(context.dir, 'redis-server.package');
  // hooks run with mmdebstrap's APT_CONFIG, so apt reads the new root's package lists
  const hook =
    `v=$(dpkg-query --admindir="$1/var/lib/dpkg" -W -f='\${Version}' redis-server) && ` +
    `g=$(dpkg-query --admindir="$1/var/lib/dpkg" -W -f='\${Version}' gosu) && ` +
    `{ echo "$v"; apt-get download --print-uris "redis-server=$v"; echo "$g"; } > '${described}'`;
  await buildRootfs({ packages, output: path.join(context.dir, 'rootfs.tar'), customizeHooks: [hook] });
  const info = parseRedisPackage(readFileSync(described, 'utf8'));
  await buildStandInImage({
    context,
    ref,
    recipe,
    buildArgs: { GOSU_VERSION: info.gosuVersion, REDIS_VERSION: info.version, REDIS_DOWNLOAD_URL: info.url, REDIS_DOWNLOAD_SHA: info.sha256 },
  });
}
