// Installing the Debian packages the set-up needs (docker.io, mmdebstrap, busybox-static),
// only when the program each provides is missing. `apt-get update` runs once, first.
import { existsSync } from 'node:fs';
import { executeCommand } from './run.ts';

export interface Requirement {
  /** an absolute path the package installs; present means nothing to do */
  provides: string;
  /** the Debian package that provides it */
  debianPackage: string;
}

export const requirements = {
  dockerd: { provides: '/usr/sbin/dockerd', debianPackage: 'docker.io' },
  mmdebstrap: { provides: '/usr/bin/mmdebstrap', debianPackage: 'mmdebstrap' },
  busybox: { provides: '/bin/busybox', debianPackage: 'busybox-static' },
} satisfies Record<string, Requirement>;

let updated = false;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Returns the packages it installed (empty when everything was there). Calls run one after
 * another: image builders run in parallel, and apt takes one lock.
 */
export function installMissingPackages(needed: readonly Requirement[]): Promise<string[]> {
  const next = queue.then(() => installNow(needed));
  queue = next.catch(() => undefined);
  return next;
}

async function installNow(needed: readonly Requirement[]): Promise<string[]> {
  const missing = needed.filter((req) => !existsSync(req.provides)).map((req) => req.debianPackage);
  if (missing.length === 0) return [];
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `missing ${missing.join(', ')} and cannot install it: apt-get as root is needed.\n` +
        `Install it yourself (apt-get install -y ${missing.join(' ')}) or run this as root on Debian.`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const hint = 'Check the machine reaches its Debian mirror (/etc/apt/sources.list*), then rerun.';
  if (!updated) {
    await executeCommand(['apt-get', 'update'], { env, hint, timeoutMs: 300_000 });
    updated = true;
  }
  await executeCommand(['apt-get', 'install', '-y', '--no-install-recommends', ...missing], {
    env,
    hint,
    timeoutMs: 900_000,
  });
  return missing;
}
