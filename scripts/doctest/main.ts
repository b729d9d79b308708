// `npm run doctest`: proves every page against the Docker engine. The one orchestrator: it only
// wires the stages: discover + parse (scripts/page) -> select (the pages named, --grep) ->
// preflight -> plan -> run the generated snippets -> normalize + compare each case as it ends ->
// report; then cleanup, always; the engine's entry in the verification record (record.ts); in
// update mode the rewrite of the differing output blocks. `--matrix` runs all that once per engine
// (matrix.ts); `--captures <folder>` compares the pages with an engine's captured output instead
// (captures-run.ts). Exit 0 all passed, 1 a case failed, 2 nothing could run (page errors, a file
// that is no page, a --grep that selects nothing, no engine, missing image, a foreign
// redis-server) or the record could not be written, 130 Ctrl-C.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { discoverPages, formatPageError } from '../page/discover.ts';
import type { Page } from '../page/types.ts';
import { parseArgs, type Options } from './args.ts';
import { runCaptures } from './captures-run.ts';
import { createCaseBook, type CaseBook } from './cases.ts';
import { claimEngine, cleanupLeftovers, engineAnswers, type EngineClaim } from './claim.ts';
import { removeRunContainers, type CleanupScope } from './cleanup.ts';
import { noteStorageBefore } from './cleanup-storage.ts';
import { listContainerIds, listNetworks } from '../../snippets/lib/engine.mjs';
import type { CaseResult, ReportEvent, Reporter } from './events.ts';
import { runMatrix } from './matrix.ts';
import { planSnippets, runInOrder } from './plan.ts';
import { checkPreflight, findGuideNames, findGuideNetworks } from './preflight.ts';
import { chooseRecordTarget, findPageImages, readPageTexts, recordRun } from './record.ts';
import { chooseCases, describeSelection, selectPlans, type ChosenCases } from './select.ts';
import { createConsoleReporter } from './report/console.ts';
import { createGithubReporter, isGithubActions } from './report/github.ts';
import { createIpcReporter } from './report/ipc.ts';
import { createJsonLinesReporter } from './report/json-lines.ts';
import { createJunitReporter } from './report/junit.ts';
import { prepareSnippets } from './snippet-files.ts';
import { createSnippetPool } from './snippet-pool.ts';
import { selectRewrites, updatePages } from './update.ts';
import { readEngineFacts } from '../verify/facts.ts';

const root = path.resolve(import.meta.dirname, '../..');
const WAIT_MS = 20 * 60_000; // how long a run queues behind another one on the same engine
const started = performance.now();
const stop = new AbortController();

function readOptions(): Options {
  try {
    return parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`doctest: ${(error as Error).message}`);
    process.exit(2);
  }
}

const options = readOptions();
const reporters: Reporter[] = [createConsoleReporter(), createJunitReporter(path.resolve(options.junit))];
if (isGithubActions()) reporters.push(createGithubReporter());
if (options.events) reporters.push(createJsonLinesReporter(path.resolve(options.events)));
const toParent = createIpcReporter(); // the matrix that started this run, if one did
if (toParent) reporters.push(toParent);
const report = (event: ReportEvent) => reporters.forEach((r) => r(event));
const end = (failed: number, passed = 0) => report({ kind: 'run-end', passed, failed, durationMs: Math.round(performance.now() - started) });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (!stop.signal.aborted) console.error(`doctest: ${signal}: stopping the snippets, then removing the run's containers`);
    stop.abort();
  });
}

async function main(): Promise<number> {
  const contentDir = path.relative(root, path.resolve(options.content)) || '.';
  const { pages, errors } = await discoverPages(root, contentDir);
  if (errors.length > 0) {
    report({ kind: 'run-error', message: `${errors.length} problem(s) in ${contentDir}/; nothing ran\n${errors.map(formatPageError).join('\n')}` });
    return (end(errors.length), 2);
  }
  let chosen: ChosenCases; // the pages named and --grep (select.ts): a wrong file or an empty selection runs nothing
  try {
    chosen = chooseCases(pages, { pages: options.pages ?? [], grep: options.grep }, { root, cwd: process.cwd(), contentDir });
  } catch (error) {
    return (report({ kind: 'run-error', message: (error as Error).message }), end(1), 2);
  }
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'doctest-'));
  const claim = await claimEngine(root, tmp, { wait: options.wait, waitTimeoutMs: WAIT_MS, signal: stop.signal }, report).catch(
    (error: Error) => void report({ kind: 'run-error', message: error.message }),
  );
  if (!claim) return (await rm(tmp, { recursive: true, force: true }), end(1), 2);
  try {
    return await runClaimed(contentDir, pages, tmp, claim, chosen);
  } finally {
    claim.release();
  }
}

/** The run proper, on an engine this run holds (claim.ts): its containers' state in the claim's folder. */
async function runClaimed(contentDir: string, pages: Page[], tmp: string, claim: EngineClaim, chosen: ChosenCases): Promise<number> {
  const pageTexts = readPageTexts(root, pages); // the text each page has as this run reads it
  const guideNames = findGuideNames(pages);
  const { plans, setup } = selectPlans(planSnippets(pages, await prepareSnippets(root, pages, contentDir === 'content', tmp)), chosen.ids);
  const scope: CleanupScope = {
    before: new Set(),
    reported: new Set(),
    stateDir: claim.stateDir,
    guideNames,
    networksBefore: new Set(),
    guideNetworks: findGuideNetworks(pages),
  };
  let book: CaseBook | undefined;
  const pool = createSnippetPool({ cwd: root, stateDir: scope.stateDir, signal: stop.signal, onEvent: (event, snippet) => {
    if (event.kind === 'command-end') event.containers.forEach((id) => scope.reported.add(id));
    book?.record(event, snippet);
  } });
  plans.filter((plan) => plan.needs.length === 0).forEach(pool.prepare); // their runtime loads while the engine is checked
  const [engine, before, networksBefore] = await Promise.all([
    checkPreflight(pages).catch((error: Error) => void report({ kind: 'run-error', message: error.message })),
    listContainerIds().catch(() => []),
    listNetworks().catch(() => undefined),
    noteStorageBefore(scope), // volumes and images (cleanup-storage.ts)
  ]);
  if (!engine) return (pool.cancelAll(), await rm(tmp, { recursive: true, force: true }), end(1), 2);
  before.forEach((id) => scope.before.add(id));
  if (networksBefore) networksBefore.forEach((n) => scope.networksBefore.add(n.id));
  else scope.guideNetworks = []; // without the list from before, only recorded networks count as the run's
  const facts = readEngineFacts(root, findPageImages(pages)); // for the verification record, while the snippets run
  facts.catch(() => undefined); // awaited (and its error reported) by recordRun; an interrupted run does not await it
  claim.save(scope, new Date()); // from here on, a run that cannot clean up leaves its scope for the next one
  pool.checked(engine); // the snippets skip the engine and preflight checks made here
  let engineLost = false; // a snippet failed and the engine no longer answers: an engine fault, not a page's
  let results: CaseResult[] = [];
  try {
    book = createCaseBook(pages, engine.version, contentDir, report, chosen.ids);
    report({ kind: 'run-start', engine: engine.version, mode: options.mode.kind, contentDir, cases: book.names, selection: describeSelection(chosen, setup) });
    const snippetErrors = new Map<string, string | undefined>();
    await runInOrder(plans, pool.prepare, async (plan) => {
      if (stop.signal.aborted) return void snippetErrors.set(plan.name, 'not started: the run was interrupted');
      if (engineLost) return void snippetErrors.set(plan.name, 'not started: the Docker engine stopped answering');
      const outcome = await pool.run(plan);
      if (outcome.error && !engineLost && !(await engineAnswers())) {
        engineLost = true;
        report({ kind: 'run-error', message: `the Docker engine stopped answering during snippet ${plan.name}; the steps after it do not start` });
      }
      snippetErrors.set(plan.name, outcome.error);
      report({ kind: 'snippet-end', snippet: plan.name, ok: !outcome.error, durationMs: outcome.durationMs, error: outcome.error });
    });
    results = book.finish(snippetErrors);
  } finally {
    pool.cancelAll();
    const removed = await removeRunContainers(scope).catch((error: Error) => {
      const later = 'it stays recorded: the next run on this engine removes it first, or `npm run doctest -- --cleanup` once the engine answers';
      report({ kind: 'cleanup', removed: [], error: `${error.message.split('\n')[0]}; ${later}` });
      return undefined;
    });
    if (removed) report({ kind: 'cleanup', removed });
    if (removed) claim.finished();
    await rm(tmp, { recursive: true, force: true });
  }
  if (engineLost) report({ kind: 'not-recorded', reason: 'the Docker engine stopped answering, so the run could not finish' });
  const recorded = stop.signal.aborted || engineLost || (await recordRun(root, chooseRecordTarget(root, contentDir, options.junit, options.record), facts, pageTexts, results, report, undefined, chosen.coverage));
  let failed = results.filter((r) => r.status !== 'ok');
  if (options.mode.kind === 'update' && !stop.signal.aborted) {
    const rewrites = selectRewrites(failed, options.mode.files.map((f) => path.resolve(f)), root);
    for (const [file, blocks] of await updatePages(root, rewrites)) report({ kind: 'page-updated', file, blocks });
    failed = failed.filter((r) => !rewrites.some((w) => w.at === r.rewrite?.at));
  }
  end(failed.length, results.length - failed.length);
  return stop.signal.aborted ? 130 : engineLost ? 2 : failed.length > 0 ? 1 : recorded ? 0 : 2;
}

process.exitCode = options.cleanup
  ? await cleanupLeftovers(root, { wait: options.wait, waitTimeoutMs: WAIT_MS, signal: stop.signal }, report)
  : options.captures
  ? await runCaptures(root, { captures: options.captures, content: options.content, junit: options.junit, record: options.record }, report)
  : options.matrix ? await runMatrix(root, options, stop.signal) : await main();
