// The engines the guide is checked against: Docker 20.10, 26.1 and 28.5, each Debian's docker.io
// (bookworm, trixie, forky; engines/specs.ts). `withEngine(version, fn)` gives fn a DOCKER_HOST
// for that engine, with the guide's images loaded: the default engine (`npm run docker:setup`)
// when it already is that version (20.10 on Debian 12), otherwise the suite's docker.io unpacked
// from Debian's archive and started beside it. It stops afterwards only an engine it started.
//
//   node scripts/docker/engines.ts list          the engines and which one would serve each
//   node scripts/docker/engines.ts run 26.1 -- docker version     run a command against one
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { probeEngine } from './engine.ts';
import { startEngineDaemon, stopEngineDaemon, type RunningEngine } from './engines/daemon.ts';
import { installEngine } from './engines/install-engine.ts';
import { loadImages } from './engines/load-images.ts';
import { planBridge } from './engines/network.ts';
import { chooseEngine, engineSpecs, findSpec, isVersion, type EngineChoiceOptions } from './engines/specs.ts';

export { engineSpecs, type EngineSpec } from './engines/specs.ts';

export interface EngineHandle {
  /** the DOCKER_HOST value for this engine */
  host: string;
  serverVersion: string;
}

export async function withEngine<T>(
  version: string,
  fn: (engine: EngineHandle) => Promise<T>,
  options: EngineChoiceOptions = {},
): Promise<T> {
  const spec = findSpec(version);
  const defaultVersion = await probeEngine();
  if (chooseEngine(spec, defaultVersion, options) === 'default') {
    // chooseEngine has thrown when no default engine answers
    return fn({ host: process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock', serverVersion: defaultVersion! });
  }
  const engine = await installEngine(spec.suite);
  if (!isVersion(engine.version, version)) {
    throw new Error(`Debian ${spec.suite} now ships docker.io ${engine.version}, not ${version}: update engineSpecs in scripts/docker/engines/specs.ts`);
  }
  const running: RunningEngine = await startEngineDaemon(engine, planBridge(spec.suite, engineSpecs.indexOf(spec)));
  try {
    await loadImages(running.host);
    return await fn({ host: running.host, serverVersion: running.serverVersion });
  } finally {
    await stopEngineDaemon(running);
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, version, separator, ...rest] = argv;
  if (command === 'list') {
    const defaultVersion = await probeEngine();
    if (!defaultVersion) console.error('no default engine answers: run `npm run docker:setup` before using any engine');
    for (const spec of engineSpecs) {
      const served = defaultVersion && chooseEngine(spec, defaultVersion) === 'default'
        ? `the default engine (${defaultVersion})`
        : `docker.io from Debian ${spec.suite}, started beside the default engine`;
      console.log(`${spec.version}\t${served}`);
    }
    return 0;
  }
  if (command === 'run' && version && separator === '--' && rest.length > 0) {
    return withEngine(version, async ({ host, serverVersion }) => {
      console.error(`engine ${serverVersion} at ${host}`);
      const [cmd, ...args] = rest as [string, ...string[]];
      return spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DOCKER_HOST: host } }).status ?? 1;
    });
  }
  console.error('usage: node scripts/docker/engines.ts list | run <version> -- <command...>');
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
