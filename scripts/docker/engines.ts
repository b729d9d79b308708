// The engines the guide is checked against: Debian 12's docker.io (the default engine,
// `npm run docker:setup`) and newer ones unpacked from Debian's trixie and forky archives.
// `withEngine(version, fn)` gives fn a DOCKER_HOST for that engine, with the guide's images
// loaded, and stops afterwards only an engine it started itself.
//
//   node scripts/docker/engines.ts list          the engines and where each comes from
//   node scripts/docker/engines.ts run 26.1 -- docker version     run a command against one
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { probeEngine } from './engine.ts';
import { startEngineDaemon, stopEngineDaemon, type RunningEngine } from './engines/daemon.ts';
import { installEngine } from './engines/install-engine.ts';
import { loadImages } from './engines/load-images.ts';
import { planBridge } from './engines/network.ts';

export interface EngineSpec {
  version: string;
  /** undefined: the default engine; otherwise the Debian suite whose docker.io it is */
  suite?: string;
}

export const engineSpecs: readonly EngineSpec[] = [
  { version: '20.10' },
  { version: '26.1', suite: 'trixie' },
  { version: '28.5', suite: 'forky' },
];

export interface EngineHandle {
  /** the DOCKER_HOST value for this engine */
  host: string;
  serverVersion: string;
}

function findSpec(version: string): EngineSpec {
  const spec = engineSpecs.find((s) => s.version === version);
  if (!spec) throw new Error(`no engine ${version}; known: ${engineSpecs.map((s) => s.version).join(', ')}`);
  return spec;
}

export async function withEngine<T>(version: string, fn: (engine: EngineHandle) => Promise<T>): Promise<T> {
  const spec = findSpec(version);
  if (!spec.suite) {
    const serverVersion = await probeEngine();
    if (!serverVersion?.startsWith(version)) {
      throw new Error(`the default engine answers ${serverVersion ?? 'nothing'}, not ${version}; run \`npm run docker:setup\``);
    }
    return fn({ host: process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock', serverVersion });
  }
  const engine = await installEngine(spec.suite);
  if (!engine.version.startsWith(`${version}.`)) {
    throw new Error(`Debian ${spec.suite} now ships docker.io ${engine.version}, not ${version}: update engineSpecs in scripts/docker/engines.ts`);
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
    for (const spec of engineSpecs) console.log(`${spec.version}\t${spec.suite ? `docker.io from Debian ${spec.suite}` : 'default engine (npm run docker:setup)'}`);
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
