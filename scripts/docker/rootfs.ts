// A minimal Debian root file system as a tar, made by mmdebstrap from the machine's own
// Debian mirrors (release, -updates, -security). Documentation and locales are left out.
import { installMissingPackages, requirements } from './apt.ts';
import { debianSuite } from './config.ts';
import { findDebianMirror, formatSourceLine, readAptSources, selectDebianSources } from './debian-mirrors.ts';
import { executeCommand } from './run.ts';

export interface RootfsRequest {
  /** Debian packages to install on top of the Essential set */
  packages: readonly string[];
  /** the tar to write */
  output: string;
  /** shell commands mmdebstrap runs after installing ("$1" is the root); see mmdebstrap(1) */
  customizeHooks?: readonly string[];
}

const excluded = ['/usr/share/doc/*', '/usr/share/man/*', '/usr/share/info/*', '/usr/share/locale/*'];

export async function buildRootfs(request: RootfsRequest): Promise<void> {
  await installMissingPackages([requirements.mmdebstrap]);
  const all = readAptSources();
  const sources = selectDebianSources(all, debianSuite);
  if (sources.length === 0) findDebianMirror(all, debianSuite); // throws the explanatory error
  const argv = [
    'mmdebstrap',
    '--quiet',
    '--variant=essential',
    `--include=${request.packages.join(',')}`,
    ...excluded.map((glob) => `--dpkgopt=path-exclude=${glob}`),
    '--dpkgopt=path-include=/usr/share/doc/*/copyright',
    ...(request.customizeHooks ?? []).map((hook) => `--customize-hook=${hook}`),
    debianSuite,
    request.output,
    ...sources.map(formatSourceLine),
  ];
  await executeCommand(argv, {
    timeoutMs: 900_000,
    hint: 'mmdebstrap builds the stand-in from the Debian mirror apt uses; check that mirror answers, then rerun.',
  });
}
