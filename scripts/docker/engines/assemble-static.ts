// `npm run --silent docker:static:debian -- <dir>`: a folder of Docker's static layout
// (<dir>/docker/dockerd, containerd, containerd-shim-runc-v2, runc, …) assembled from what the
// project already fetches, for trying `--engine` where Docker's own tarball cannot be downloaded:
// forky's docker.io (dockerd, docker-proxy, docker-init; Docker 28.5) and this machine's Debian 12
// containerd, shim and runc, copied (so a process started from them is known by its path). Prints
// the doc-test's argument for it: `28.5=<dir>`, so that
//   npm run doctest -- --matrix --engine "$(npm run --silent docker:static:debian -- /tmp/static-28.5)"
// runs 28.5 from that folder. It writes only into <dir>, which must be new or empty.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { installEngine } from './install-engine.ts';
import { engineSpecs } from './specs.ts';

/** For each file of the layout, where it may come from, first found wins; required ones must exist. */
export function layoutSources(forkyRoot: string): { name: string; candidates: string[]; required: boolean }[] {
  return [
    { name: 'dockerd', candidates: [path.join(forkyRoot, 'usr/sbin/dockerd')], required: true },
    { name: 'docker-proxy', candidates: [path.join(forkyRoot, 'usr/sbin/docker-proxy')], required: true },
    // forky's docker-init points into tini, when that is installed
    { name: 'docker-init', candidates: [path.join(forkyRoot, 'usr/bin/docker-init'), '/usr/bin/docker-init'], required: false },
    { name: 'docker', candidates: [path.join(forkyRoot, 'usr/bin/docker'), '/usr/bin/docker'], required: false },
    { name: 'containerd', candidates: ['/usr/bin/containerd'], required: true },
    { name: 'containerd-shim-runc-v2', candidates: ['/usr/bin/containerd-shim-runc-v2'], required: true },
    { name: 'runc', candidates: ['/usr/bin/runc', '/usr/sbin/runc'], required: true },
    { name: 'ctr', candidates: ['/usr/bin/ctr'], required: false },
  ];
}

/** Fills `<top>/docker/`; resolves with `top`. Throws naming a required file that is nowhere. */
export async function assembleStaticFolder(top: string): Promise<string> {
  if (existsSync(top) && readdirSync(top).length > 0) throw new Error(`${top} is not empty: give a new or empty folder`);
  const forky = await installEngine('forky'); // fetched from Debian's archive once, then cached
  const dir = path.join(top, 'docker');
  mkdirSync(dir, { recursive: true });
  for (const { name, candidates, required } of layoutSources(forky.root)) {
    const source = candidates.find((file) => existsSync(file)); // existsSync follows links: a dangling one is absent
    if (source) copyFileSync(source, path.join(dir, name)); // copies keep their mode
    else if (required) throw new Error(`no ${name} for the static folder (looked at ${candidates.join(', ')}); run \`npm run docker:setup\` first`);
  }
  return top;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = process.argv[2];
  const version = engineSpecs.find((spec) => spec.source.kind === 'debian' && spec.source.suite === 'forky')?.version;
  if (!out || !version) {
    console.error('usage: npm run --silent docker:static:debian -- <new folder>');
    process.exit(2);
  }
  assembleStaticFolder(path.resolve(out)).then(
    (top) => console.log(`${version}=${top}`),
    (error: Error) => {
      console.error(`docker:static:debian: ${error.message}`);
      process.exit(1);
    },
  );
}
