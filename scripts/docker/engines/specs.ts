// The engines the guide is checked against, where each one comes from, and which engine serves
// each one. The known engines are Debian's docker.io (a version per suite); `--engine
// <version>=<path>` adds (or, for a known version, replaces) one from Docker's static binaries:
// the official `docker-29.x.y.tgz`, a folder holding its `docker/`, or that `docker/` folder.
// The default engine (`npm run docker:setup`) stands in for a Debian version when it already is
// that version, as on a Debian 12 machine (20.10). Where the default engine is another Docker
// (a hosted runner's 28 or 29), 20.10 too is started from Debian's archive beside it; an engine
// from static binaries is always started beside it. Pure: the default engine's version is
// given, never probed here; a path is only resolved, never read.
import path from 'node:path';

export type EngineSource =
  /** docker.io of that Debian suite, fetched from Debian's archive (install-engine.ts) */
  | { kind: 'debian'; suite: string }
  /** Docker's static binaries: a .tgz, a folder holding docker/, or the docker/ folder (static.ts) */
  | { kind: 'static'; path: string };

export interface EngineSpec {
  /** major.minor, as the matrix names it: "26.1" */
  version: string;
  source: EngineSource;
}

// Order matters: a Debian engine's index picks its bridge subnet (network.ts, planBridge).
export const engineSpecs: readonly EngineSpec[] = [
  { version: '20.10', source: { kind: 'debian', suite: 'bookworm' } },
  { version: '26.1', source: { kind: 'debian', suite: 'trixie' } },
  { version: '28.5', source: { kind: 'debian', suite: 'forky' } },
];

/**
 * Docker's newest 29 release, which neither Debian nor npm serves: its official static tarball is
 * what a machine with internet downloads (fetch-static.ts; the GitHub workflow's Docker 29 job)
 * and runs as `--engine 29.10=<tgz>`. The one place its version is named.
 */
export const dockerStaticRelease = { version: '29.10', release: '29.10.0' } as const;

export function findSpec(version: string, specs: readonly EngineSpec[] = engineSpecs): EngineSpec {
  const spec = specs.find((s) => s.version === version);
  if (!spec) throw new Error(`no engine ${version}; known: ${specs.map((s) => s.version).join(', ')}`);
  return spec;
}

/**
 * What names an engine's own paths, containerd namespaces and log: its Debian suite
 * ("trixie"), or "static-<version>" ("static-29.7") for one from static binaries.
 */
export function engineName(spec: EngineSpec): string {
  return spec.source.kind === 'debian' ? spec.source.suite : `static-${spec.version}`;
}

/** Where an engine comes from, for people: "docker.io from Debian forky". */
export function describeSource(source: EngineSource): string {
  return source.kind === 'debian' ? `docker.io from Debian ${source.suite}` : `Docker's static binaries from ${source.path}`;
}

/** Whether an engine answering `serverVersion` (e.g. "20.10.24+dfsg1") is `version` ("20.10"). */
export function isVersion(serverVersion: string, version: string): boolean {
  return serverVersion === version || serverVersion.startsWith(`${version}.`);
}

const engineExample = '--engine 29.7=./docker-29.7.2.tgz';

/**
 * One `--engine` value, `<major.minor>=<path>`, as a spec; a relative path is resolved against
 * `cwd`. Throws naming the value and what to write instead.
 */
export function parseEngineArgument(text: string, cwd = process.cwd()): EngineSpec {
  const at = text.indexOf('=');
  const version = at < 0 ? text : text.slice(0, at);
  const where = at < 0 ? '' : text.slice(at + 1);
  const problem =
    at < 0 ? 'no "=": give the engine\'s version and where its binaries are'
      : !/^\d+\.\d+$/.test(version) ? `"${version}" is not a major.minor version such as 29.7`
        : where === '' ? 'no path after "="'
          : undefined;
  if (problem) {
    throw new Error(
      `--engine ${text}: ${problem}. Write ${engineExample} (Docker's static tarball), ` +
        '--engine 29.7=./unpacked (a folder holding docker/dockerd) or --engine 29.7=./unpacked/docker',
    );
  }
  return { version, source: { kind: 'static', path: path.resolve(cwd, where) } };
}

/**
 * The engines a run uses: `base` (the known engines for `--matrix`, some for `--engines`, none
 * otherwise) with each `given` one replacing the engine of its version in place, or added after.
 */
export function withGivenEngines(base: readonly EngineSpec[], given: readonly EngineSpec[]): EngineSpec[] {
  const engines = [...base];
  given.forEach((spec, index) => {
    const earlier = given.slice(0, index).find((g) => g.version === spec.version);
    if (earlier) {
      throw new Error(
        `--engine ${spec.version} is given twice (${describePath(earlier)} and ${describePath(spec)}); give each version once, ` +
          `e.g. ${engineExample}`,
      );
    }
    const known = engines.findIndex((e) => e.version === spec.version);
    if (known >= 0) engines[known] = spec;
    else engines.push(spec);
  });
  return engines;
}

function describePath(spec: EngineSpec): string {
  return spec.source.kind === 'static' ? spec.source.path : spec.source.suite;
}

export interface EngineChoiceOptions {
  /** start Debian's docker.io beside the default engine even when the default is this version */
  extra?: boolean;
}

/**
 * 'default': the default engine is `spec`'s version, `spec` is Debian's (static binaries are
 * asked for by path, so always started) and no extra engine was asked for; 'extra': start it
 * beside the default engine. An extra engine copies its images from the default engine, so
 * there is no choice when the default engine does not answer.
 */
export function chooseEngine(spec: EngineSpec, defaultVersion: string | undefined, options: EngineChoiceOptions = {}): 'default' | 'extra' {
  if (defaultVersion === undefined) {
    throw new Error(
      `no default Docker engine answers \`docker version\`; Docker ${spec.version} runs on it or takes the guide's images ` +
        'from it. Run `npm run docker:setup` (or fix DOCKER_HOST), then rerun.',
    );
  }
  return !options.extra && spec.source.kind === 'debian' && isVersion(defaultVersion, spec.version) ? 'default' : 'extra';
}
