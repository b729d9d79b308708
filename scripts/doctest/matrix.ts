// `npm run doctest -- --matrix` (or `--engines 28.5`, `--engine 29.7=<path>`): the whole guide on
// each engine, one after the other. Each engine comes from withEngine (scripts/docker/engines.ts:
// the default engine, or Debian's docker.io or Docker's static binaries started on its own socket,
// data root and bridge); static binaries are unpacked and checked before any engine runs, so a
// wrong path fails at once, not after the other engines' runs. On each engine, an ordinary
// single-engine doc-test runs as a child process with DOCKER_HOST set (its summary comes back on
// an IPC channel, report/ipc.ts), so each engine's run reports, cleans up and writes its verification record entry exactly as a single run does.
// Then one line per engine: its result and wall times.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { withEngine } from '../docker/engines.ts';
import { describeSource } from '../docker/engines/specs.ts';
import { prepareStaticEngine } from '../docker/engines/static.ts';
import type { Options } from './args.ts';
import type { ReportEvent } from './events.ts';
import { runnerArgv } from './node-flags.mjs';

export interface EngineOutcome {
  version: string; // as asked: "26.1"
  engine?: string; // as the engine answered: "26.1.5+dfsg1"
  exitCode: number; // the single-engine run's (2 when the engine did not start)
  passed: number;
  failed: number;
  runMs: number; // the doc-test run alone
  totalMs: number; // with the engine's start, image loading and stop
  error?: string;
}

/** `reports/doctest-junit.xml` -> `reports/doctest-junit.26.1.xml`: one report per engine. */
export function junitFor(junit: string, version: string): string {
  const ext = path.extname(junit);
  return `${junit.slice(0, junit.length - ext.length)}.${version}${ext || '.xml'}`;
}

/** The argv of one engine's run: the same options (pages, --grep, --record too), its own JUnit file, and the caller's --events file. */
export function childArgs(options: Options, version: string): string[] {
  const selection = [...(options.pages ?? []), ...(options.grep === undefined ? [] : ['--grep', options.grep])];
  const events = options.events ? ['--events', path.resolve(options.events)] : []; // collects every engine's events
  return ['--content', options.content, ...selection, '--junit', junitFor(options.junit, version), ...events, ...(options.record ? ['--record'] : [])];
}

/** Worst first: interrupted (130), could not run (2), failed (1), passed (0). */
export function combineExitCodes(codes: number[]): number {
  for (const code of [130, 2, 1]) if (codes.includes(code)) return code;
  return codes.find((code) => code !== 0) ?? 0;
}

export function formatOutcome(o: EngineOutcome): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
  const result = o.error ? `did not run: ${o.error}` : `${o.passed} passed, ${o.failed} failed${o.exitCode === 0 ? '' : ` (exit ${o.exitCode})`}`;
  return `  Docker ${(o.engine ?? o.version).padEnd(15)} ${result.padEnd(24)} run ${s(o.runMs).padStart(6)}  wall ${s(o.totalMs).padStart(6)} (engine start, images, run, stop)`;
}

/**
 * One single-engine doc-test (this same runner, started as `npm run doctest` starts it) against `host`, on an IPC channel that brings its
 * report events (report/ipc.ts); resolves with its exit code and its totals.
 */
function runChild(root: string, args: string[], host: string, signal: AbortSignal): Promise<{ exitCode: number; totals?: { passed: number; failed: number } }> {
  return new Promise((resolve) => {
    const [node, ...runner] = runnerArgv(root);
    const child = spawn(node, [...runner, ...args], {
      cwd: root,
      env: { ...process.env, DOCKER_HOST: host }, // the docker CLI's own setting: which engine
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    });
    let totals: { passed: number; failed: number } | undefined;
    child.on('message', (message) => {
      const event = message as ReportEvent;
      if (event.kind === 'run-end') totals = { passed: event.passed, failed: event.failed };
    });
    const stop = () => child.kill('SIGTERM'); // it stops its snippets and removes its containers
    signal.addEventListener('abort', stop, { once: true });
    child.on('close', (code, sig) => {
      signal.removeEventListener('abort', stop);
      resolve({ exitCode: code ?? (sig ? 130 : 1), totals });
    });
  });
}

/** Runs the guide on each engine in turn; returns the worst exit code. */
export async function runMatrix(root: string, options: Options, signal: AbortSignal, log = (line: string) => console.log(line)): Promise<number> {
  const engines = options.matrix ?? [];
  try {
    for (const spec of engines) {
      if (spec.source.kind === 'static') log(`doctest: Docker ${spec.version} from ${await prepareStaticEngine(spec)}`);
    }
  } catch (error) {
    log(`doctest: ${(error as Error).message}`);
    return 2;
  }
  const outcomes: EngineOutcome[] = [];
  for (const spec of engines) {
    const { version } = spec;
    if (signal.aborted) break;
    const started = performance.now();
    const outcome: EngineOutcome = { version, exitCode: 2, passed: 0, failed: 0, runMs: 0, totalMs: 0 };
    const from = spec.source.kind === 'debian' ? `${describeSource(spec.source)} unless the default engine is ${version}` : describeSource(spec.source);
    log(`\n== doctest on Docker ${version}: starting the engine (${from})`);
    try {
      await withEngine(spec, async ({ host, serverVersion }) => {
        outcome.engine = serverVersion;
        log(`== doctest on Docker ${serverVersion} (DOCKER_HOST=${host})`);
        const runStarted = performance.now();
        const child = await runChild(root, childArgs(options, version), host, signal);
        outcome.exitCode = child.exitCode;
        if (child.totals) Object.assign(outcome, child.totals);
        outcome.runMs = performance.now() - runStarted;
      });
    } catch (error) {
      outcome.error = (error as Error).message.split('\n')[0];
    }
    outcome.totalMs = performance.now() - started;
    outcomes.push(outcome);
    log(`== ${formatOutcome(outcome).trim()}`);
  }
  log(`\ndoctest matrix: ${outcomes.length} of ${engines.length} engine(s)${signal.aborted ? ', interrupted' : ''}`);
  outcomes.forEach((o) => log(formatOutcome(o)));
  return signal.aborted ? 130 : combineExitCodes(outcomes.map((o) => o.exitCode));
}
