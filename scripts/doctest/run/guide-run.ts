// A single-engine run of the pages, its stages in order: discover and parse -> select (the pages
// named, --grep) -> claim the engine (its lock, what an unfinished run left) -> preflight -> plan
// -> run the snippets (prepared while the engine is checked) -> compare each case as it ends ->
// clean up, always -> record -> in update mode, rewrite the differing blocks. Returns the exit
// code: 0 all passed, 1 a case failed, 2 nothing could run or the record could not be written,
// 130 interrupted.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { engineAnswers, claimEngine, type EngineClaim } from '../claim.ts';
import { discoverPages, formatPageError } from '../../page/discover.ts';
import type { Page } from '../../page/types.ts';
import type { Options } from '../args.ts';
import { createCaseBook } from '../cases.ts';
import { removeRunContainers, removeUntilQuiet } from '../cleanup.ts';
import type { CaseResult, Reporter } from '../events.ts';
import { planSnippets, runInOrder } from '../plan.ts';
import { checkPreflight } from '../preflight.ts';
import { chooseRecordTarget, findPageImages, readPageTexts, recordRun } from '../record.ts';
import { chooseCases, describeSelection, selectPlans, type ChosenCases } from '../select.ts';
import { prepareSnippets } from '../snippet-files.ts';
import { createSnippetPool } from '../snippet-pool.ts';
import { selectRewrites, updatePages } from '../update.ts';
import { readEngineFacts } from '../../verify/facts.ts';
import { createRunScope, noteEngineBefore } from './scope.ts';

export interface RunContext {
  root: string;
  options: Options;
  report: Reporter;
  signal: AbortSignal; // Ctrl-C
  waitMs: number; // how long to queue behind another run on the same engine
  started: number; // performance.now() at the start, for the run's duration
  early?: ChildProcess; // a snippet process bin.mjs started before the runner loaded
}

/** Discover, select and claim; then the run proper on the claimed engine. */
export async function runGuide(ctx: RunContext): Promise<number> {
  const { root, options, report } = ctx;
  const contentDir = path.relative(root, path.resolve(options.content)) || '.';
  const { pages, errors } = await discoverPages(root, contentDir);
  if (errors.length > 0) {
    report({ kind: 'run-error', message: `${errors.length} problem(s) in ${contentDir}/; nothing ran\n${errors.map(formatPageError).join('\n')}` });
    return finish(ctx, 2, errors.length);
  }
  let chosen: ChosenCases; // a wrong file or an empty selection runs nothing
  try {
    chosen = chooseCases(pages, { pages: options.pages ?? [], grep: options.grep }, { root, cwd: process.cwd(), contentDir });
  } catch (error) {
    report({ kind: 'run-error', message: (error as Error).message });
    return finish(ctx, 2, 1);
  }
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'doctest-'));
  const claim = await claimEngine(root, tmp, { wait: options.wait, waitTimeoutMs: ctx.waitMs, signal: ctx.signal }, report).catch((error: Error) => {
    report({ kind: 'run-error', message: error.message });
    return undefined;
  });
  if (!claim) {
    await rm(tmp, { recursive: true, force: true });
    return finish(ctx, 2, 1);
  }
  try {
    return await runClaimed(ctx, { contentDir, pages, tmp, claim, chosen });
  } finally {
    claim.release();
  }
}

interface Claimed {
  contentDir: string;
  pages: Page[];
  tmp: string; // the run's scratch folder (fresh snippets for another content folder)
  claim: EngineClaim;
  chosen: ChosenCases;
}

async function runClaimed(ctx: RunContext, { contentDir, pages, tmp, claim, chosen }: Claimed): Promise<number> {
  const { root, options, report, signal } = ctx;
  const pageTexts = readPageTexts(root, pages); // the text each page has as this run reads it
  const { plans, setup } = selectPlans(planSnippets(pages, await prepareSnippets(root, pages, contentDir === 'content', tmp)), chosen.ids);
  const scope = createRunScope(pages, claim.stateDir);
  const pool = createSnippetPool({ cwd: root, stateDir: scope.stateDir, signal, early: ctx.early });
  plans.filter((plan) => plan.needs.length === 0).forEach(pool.prepare); // their runtime loads while the engine is checked
  const [engine] = await Promise.all([
    checkPreflight(pages).catch((error: Error) => void report({ kind: 'run-error', message: error.message })),
    noteEngineBefore(scope),
  ]);
  if (!engine) {
    pool.cancelAll();
    await rm(tmp, { recursive: true, force: true });
    return finish(ctx, 2, 1);
  }
  const facts = readEngineFacts(root, findPageImages(pages)); // for the verification record, while the snippets run
  facts.catch(() => undefined); // awaited (and its error reported) by recordRun; an interrupted run does not await it
  claim.save(scope, new Date()); // from here on, a run that cannot clean up leaves its scope for the next one
  pool.checked(engine); // the snippets skip the engine and preflight checks made here
  const book = createCaseBook(pages, engine.version, contentDir, report, chosen.ids);
  report({ kind: 'run-start', engine: engine.version, mode: options.mode.kind, contentDir, cases: book.names, selection: describeSelection(chosen, setup) });
  let engineLost = false; // a snippet failed and the engine no longer answers: an engine fault, not a page's
  // a snippet process was killed or died, or a command was killed before its end: what it asked
  // Docker for may still be landing (also when the kill came before the runner heard the command start)
  let killedMidCommand = false;
  let results: CaseResult[] = [];
  try {
    const snippetErrors = new Map<string, string | undefined>();
    await runInOrder(plans, pool.prepare, async (plan) => {
      if (signal.aborted) return void snippetErrors.set(plan.name, 'not started: the run was interrupted');
      if (engineLost) return void snippetErrors.set(plan.name, 'not started: the Docker engine stopped answering');
      const outcome = await pool.run(plan, (event) => {
        if (event.kind === 'command-end') event.containers.forEach((id) => scope.reported.add(id));
        if (event.kind === 'command-end' && event.exitCode === null) killedMidCommand = true;
        book.record(event, plan.name);
      });
      if (outcome.error && !engineLost && !(await engineAnswers())) {
        engineLost = true;
        report({ kind: 'run-error', message: `the Docker engine stopped answering during snippet ${plan.name}; the steps after it do not start` });
      }
      if (outcome.killed || outcome.exitCode === null) killedMidCommand = true;
      snippetErrors.set(plan.name, outcome.error);
      report({ kind: 'snippet-end', snippet: plan.name, ok: !outcome.error, durationMs: outcome.durationMs, error: outcome.error });
    });
    results = book.finish(snippetErrors);
  } finally {
    pool.cancelAll();
    await cleanUp(ctx, scope, claim, killedMidCommand || signal.aborted);
    await rm(tmp, { recursive: true, force: true });
  }
  if (engineLost) report({ kind: 'not-recorded', reason: 'the Docker engine stopped answering, so the run could not finish' });
  const target = chooseRecordTarget(root, contentDir, options.junit, options.record);
  const recorded = signal.aborted || engineLost || (await recordRun(root, target, facts, pageTexts, results, report, undefined, chosen.coverage));
  let failed = results.filter((r) => r.status !== 'ok');
  if (options.mode.kind === 'update' && !signal.aborted) {
    const rewrites = selectRewrites(failed, options.mode.files.map((f) => path.resolve(f)), root);
    for (const [file, blocks] of await updatePages(root, rewrites)) report({ kind: 'page-updated', file, blocks });
    failed = failed.filter((r) => !rewrites.some((w) => w.at === r.rewrite?.at));
  }
  const code = signal.aborted ? 130 : engineLost ? 2 : failed.length > 0 ? 1 : recorded ? 0 : 2;
  return finish(ctx, code, failed.length, results.length - failed.length);
}

/**
 * Removes what the run created; what could not be removed stays noted for the next run (claim.ts).
 * After a run that killed a command, also what the engine made of its last request afterwards.
 */
async function cleanUp(ctx: RunContext, scope: ReturnType<typeof createRunScope>, claim: EngineClaim, killed: boolean): Promise<void> {
  try {
    const removed = killed ? await removeUntilQuiet(() => removeRunContainers(scope)) : await removeRunContainers(scope);
    ctx.report({ kind: 'cleanup', removed });
    claim.finished();
  } catch (error) {
    const later = 'it stays recorded: the next run on this engine removes it first, or `npm run doctest -- --cleanup` once the engine answers';
    ctx.report({ kind: 'cleanup', removed: [], error: `${(error as Error).message.split('\n')[0]}; ${later}` });
  }
}

/** Reports the run's end and returns its exit code. */
function finish(ctx: RunContext, code: number, failed: number, passed = 0): number {
  ctx.report({ kind: 'run-end', passed, failed, durationMs: Math.round(performance.now() - ctx.started) });
  return code;
}
