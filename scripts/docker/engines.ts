// The engines the guide is checked against: Docker 20.10, 26.1 and 28.5, each Debian's docker.io
// (bookworm, trixie, forky), and any given as Docker's static binaries (`--engine 29.7=<path>`);
// engines/specs.ts names them all and where each comes from. `withEngine(version or spec, fn)`
// gives fn a DOCKER_HOST for that engine, with the guide's images loaded: the default engine
// (`npm run docker:setup`) when it already is that Debian version (20.10 on Debian 12), otherwise
// the suite's docker.io unpacked from Debian's archive, or the static binaries (a tarball
// unpacked under .cache/engines/), started beside it. It stops afterwards only an engine it
// started, by its pid, and removes its bridge and rules.
//
//   node scripts/docker/engines.ts list [--engine <v>=<path> ...]   the engines and which one would serve each
//   node scripts/docker/engines.ts run 26.1 -- docker version        run a command against one
//   node scripts/docker/engines.ts run 29.7=./docker-29.7.2.tgz -- docker version
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { probeEngine } from './engine.ts';
import { debianBinaries, startEngineDaemon, staticBinaries, stopEngineDaemon, type EngineBinaries, type RunningEngine } from './engines/daemon.ts';
import { installEngine } from './engines/install-engine.ts';
import { loadImages } from './engines/load-images.ts';
import { planEngineBridge } from './engines/network.ts';
import {
  chooseEngine,
  describeSource,
  engineSpecs,
  findSpec,
  isVersion,
  parseEngineArgument,
  withGivenEngines,
  type EngineChoiceOptions,
  type EngineSpec,
} from './engines/specs.ts';
import { prepareStaticEngine } from './engines/static.ts';

export { engineSpecs, type EngineSpec } from './engines/specs.ts';

export interface EngineHandle {
  /** the DOCKER_HOST value for this engine */
  host: string;
  serverVersion: string;
}

/** The binaries an extra engine starts from: Debian's docker.io (fetched once), or static binaries (unpacked once, checked). */
async function prepareBinaries(spec: EngineSpec): Promise<EngineBinaries> {
  if (spec.source.kind === 'static') return staticBinaries(spec.version, await prepareStaticEngine(spec));
  const engine = await installEngine(spec.source.suite);
  if (!isVersion(engine.version, spec.version)) {
    throw new Error(`Debian ${spec.source.suite} now ships docker.io ${engine.version}, not ${spec.version}: update engineSpecs in scripts/docker/engines/specs.ts`);
  }
  return debianBinaries(engine);
}

export async function withEngine<T>(
  engine: string | EngineSpec,
  fn: (engine: EngineHandle) => Promise<T>,
  options: EngineChoiceOptions = {},
): Promise<T> {
  const spec = typeof engine === 'string' ? findSpec(engine) : engine;
  const defaultVersion = await probeEngine();
  if (chooseEngine(spec, defaultVersion, options) === 'default') {
    // chooseEngine has thrown when no default engine answers
    return fn({ host: process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock', serverVersion: defaultVersion! });
  }
  const binaries = await prepareBinaries(spec);
  const running: RunningEngine = await startEngineDaemon(binaries, planEngineBridge(spec));
  try {
    if (!isVersion(running.serverVersion, spec.version)) {
      const given = spec.source.kind === 'static' ? `--engine ${spec.version}=${spec.source.path}` : describeSource(spec.source);
      throw new Error(
        `${given}: that engine reports Docker ${running.serverVersion}, not ${spec.version}. ` +
          `Give the version it is (--engine ${running.serverVersion.split('.').slice(0, 2).join('.')}=…) or the path of Docker ${spec.version}.`,
      );
    }
    await loadImages(running.host);
    return await fn({ host: running.host, serverVersion: running.serverVersion });
  } finally {
    await stopEngineDaemon(running);
  }
}

/** `list`'s `--engine <v>=<path>` arguments, or `run`'s `<v>` / `<v>=<path>`. */
function readEngineArgs(args: string[]): EngineSpec[] {
  const given: EngineSpec[] = [];
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] !== '--engine' || args[i + 1] === undefined) throw new Error(`unexpected "${args[i]}": write --engine 29.7=./docker-29.7.2.tgz`);
    given.push(parseEngineArgument(args[++i]!));
  }
  return withGivenEngines(engineSpecs, given);
}

async function main(argv: string[]): Promise<number> {
  const [command, version, separator, ...rest] = argv;
  if (command === 'list') {
    const specs = readEngineArgs(argv.slice(1));
    const defaultVersion = await probeEngine();
    if (!defaultVersion) console.error('no default engine answers: run `npm run docker:setup` before using any engine');
    for (const spec of specs) {
      const served = defaultVersion && chooseEngine(spec, defaultVersion) === 'default'
        ? `the default engine (${defaultVersion})`
        : `${describeSource(spec.source)}, started beside the default engine`;
      console.log(`${spec.version}\t${served}`);
    }
    return 0;
  }
  if (command === 'run' && version && separator === '--' && rest.length > 0) {
    const spec = version.includes('=') ? parseEngineArgument(version) : findSpec(version);
    return withEngine(spec, async ({ host, serverVersion }) => {
      console.error(`engine ${serverVersion} at ${host}`);
      const [cmd, ...args] = rest as [string, ...string[]];
      return spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DOCKER_HOST: host } }).status ?? 1;
    });
  }
  console.error('usage: node scripts/docker/engines.ts list [--engine <version>=<path> ...] | run <version>[=<path>] -- <command...>');
  return 2;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`engines: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
