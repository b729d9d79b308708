// The engines the guide is checked against, and which engine serves each one. Every version
// has a Debian suite whose docker.io it is; the default engine (`npm run docker:setup`) stands
// in for a version when it already is that version, as on a Debian 12 machine (20.10). Where
// the default engine is another Docker (a hosted runner's 28 or 29), 20.10 too is started from
// Debian's archive beside it. Pure: the default engine's version is given, never probed here.

export interface EngineSpec {
  /** major.minor, as the matrix names it: "26.1" */
  version: string;
  /** the Debian suite whose docker.io is this version */
  suite: string;
}

// Order matters: an engine's index picks its bridge subnet (network.ts, planBridge).
export const engineSpecs: readonly EngineSpec[] = [
  { version: '20.10', suite: 'bookworm' },
  { version: '26.1', suite: 'trixie' },
  { version: '28.5', suite: 'forky' },
];

export function findSpec(version: string, specs: readonly EngineSpec[] = engineSpecs): EngineSpec {
  const spec = specs.find((s) => s.version === version);
  if (!spec) throw new Error(`no engine ${version}; known: ${specs.map((s) => s.version).join(', ')}`);
  return spec;
}

/** Whether an engine answering `serverVersion` (e.g. "20.10.24+dfsg1") is `version` ("20.10"). */
export function isVersion(serverVersion: string, version: string): boolean {
  return serverVersion === version || serverVersion.startsWith(`${version}.`);
}

export interface EngineChoiceOptions {
  /** start Debian's docker.io beside the default engine even when the default is this version */
  extra?: boolean;
}

/**
 * 'default': the default engine is `spec`'s version (and no extra engine was asked for);
 * 'extra': start the suite's docker.io beside it. An extra engine copies its images from the
 * default engine, so there is no choice when the default engine does not answer.
 */
export function chooseEngine(spec: EngineSpec, defaultVersion: string | undefined, options: EngineChoiceOptions = {}): 'default' | 'extra' {
  if (defaultVersion === undefined) {
    throw new Error(
      `no default Docker engine answers \`docker version\`; Docker ${spec.version} runs on it or takes the guide's images ` +
        'from it. Run `npm run docker:setup` (or fix DOCKER_HOST), then rerun.',
    );
  }
  return !options.extra && isVersion(defaultVersion, spec.version) ? 'default' : 'extra';
}
