// `npm run doctest`: proves every page against the Docker engine. This file only wires: the
// arguments, the reporters, Ctrl-C, and which run the options ask for: a single-engine run of the
// pages (run/guide-run.ts), `--matrix` (one such run per engine, matrix.ts), `--captures <folder>`
// (the pages compared with an engine's captured output, captures-run.ts) or `--cleanup` (what an
// unfinished run left, claim.ts). Exit 0 all passed, 1 a case failed, 2 nothing could run (page
// errors, a file that is no page, a --grep that selects nothing, no engine, missing image, a
// foreign redis-server) or the record could not be written, 130 Ctrl-C.
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, type Options } from './args.ts';
import { runCaptures } from './captures-run.ts';
import { cleanupLeftovers } from './claim.ts';
import type { ReportEvent, Reporter } from './events.ts';
import { runMatrix } from './matrix.ts';
import { createConsoleReporter } from './report/console.ts';
import { createGithubReporter, isGithubActions } from './report/github.ts';
import { createIpcReporter } from './report/ipc.ts';
import { createJsonLinesReporter } from './report/json-lines.ts';
import { createJunitReporter } from './report/junit.ts';
import { runGuide } from './run/guide-run.ts';

const root = path.resolve(import.meta.dirname, '../..');
const WAIT_MS = 20 * 60_000; // how long a run queues behind another one on the same engine

/** Every reporter the options ask for, as one. */
function createReporter(options: Options): Reporter {
  const reporters: Reporter[] = [createConsoleReporter(), createJunitReporter(path.resolve(options.junit))];
  if (isGithubActions()) reporters.push(createGithubReporter());
  if (options.events) reporters.push(createJsonLinesReporter(path.resolve(options.events)));
  const toParent = createIpcReporter(); // the matrix that started this run, if one did
  if (toParent) reporters.push(toParent);
  return (event: ReportEvent) => reporters.forEach((r) => r(event));
}

/** Ctrl-C and SIGTERM abort the run: its snippets stop, its clean-up still runs. */
function onInterrupt(): AbortSignal {
  const stop = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (!stop.signal.aborted) console.error(`doctest: ${signal}: stopping the snippets, then removing the run's containers`);
      stop.abort();
    });
  }
  return stop.signal;
}

/** `early`: a snippet process bin.mjs started before this loaded, for a single-engine run (bin.mjs lets it go otherwise). */
export async function main(argv: string[], early?: ChildProcess): Promise<number> {
  const started = performance.now();
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    console.error(`doctest: ${(error as Error).message}`);
    return 2;
  }
  const report = createReporter(options);
  const signal = onInterrupt();
  if (options.cleanup) return cleanupLeftovers(root, { wait: options.wait, waitTimeoutMs: WAIT_MS, signal }, report);
  if (options.captures) return runCaptures(root, { captures: options.captures, content: options.content, junit: options.junit, record: options.record }, report);
  if (options.matrix) return runMatrix(root, options, signal);
  return runGuide({ root, options, report, signal, waitMs: WAIT_MS, started, early });
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) process.exitCode = await main(process.argv.slice(2));
