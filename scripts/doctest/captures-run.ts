// `npm run doctest -- --captures <folder>`: the pages proven against an engine's captured output
// (test/fixtures/engine-<X.Y>/, for an engine this machine cannot run) instead of a live run.
// Every case with a capture is compared as a run compares it (captures.ts) and reported like a
// run's cases (one line each); the cases with no capture are listed; the engine's entry goes
// into the verification record through the run's own record target (record.ts) with proof
// `captures`. Exit 0 every compared case passed, 1 one failed, 2 bad input (page errors, no such
// folder, a capture the manifest or the pages do not know) or the record could not be written.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { discoverPages, formatPageError } from '../page/discover.ts';
import { readCommit } from '../verify/facts.ts';
import { compareCaptures, manifestFile, parseManifest, planCaptures, type CaptureFolder, type CaptureManifest } from './captures.ts';
import type { Reporter } from './events.ts';
import { chooseRecordTarget, readPageTexts, recordRun } from './record.ts';

export interface CapturesOptions {
  captures: string; // the folder, as given
  content: string;
  junit: string;
  record?: boolean; // --record: the committed record too
}

/** The manifest the project's captures are described by. */
export function readManifest(root: string): CaptureManifest {
  const file = path.join(root, manifestFile);
  if (!existsSync(file)) throw new Error(`${manifestFile}: missing; it names the command of each capture file`);
  return parseManifest(readFileSync(file, 'utf8'), manifestFile);
}

/** Every .txt file of a capture folder; `shown` is how messages and the record name the folder. */
export function readCaptureFolder(dir: string, shown = dir): CaptureFolder {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`${shown}: no such folder of captures`);
  const names = readdirSync(dir).filter((name) => name.endsWith('.txt'));
  return { dir: shown, files: new Map(names.map((name) => [name, readFileSync(path.join(dir, name), 'utf8')])) };
}

export async function runCaptures(root: string, options: CapturesOptions, report: Reporter): Promise<number> {
  const started = performance.now();
  const end = (failed: number, passed = 0) => report({ kind: 'run-end', passed, failed, durationMs: Math.round(performance.now() - started) });
  const contentDir = path.relative(root, path.resolve(options.content)) || '.';
  const dir = path.resolve(options.captures);
  const shownDir = path.relative(root, dir).startsWith('..') ? dir : path.relative(root, dir) || '.';
  const stop = (message: string, problems = 1) => (report({ kind: 'run-error', message }), end(problems), 2);

  const { pages, errors } = await discoverPages(root, contentDir);
  if (errors.length > 0) return stop(`${errors.length} problem(s) in ${contentDir}/; nothing was compared\n${errors.map(formatPageError).join('\n')}`, errors.length);
  const pageTexts = readPageTexts(root, pages); // the text each page has as this run reads it
  let manifest: CaptureManifest;
  let folder: CaptureFolder;
  try {
    manifest = readManifest(root);
    folder = readCaptureFolder(dir, shownDir);
  } catch (error) {
    return stop((error as Error).message);
  }
  const planned = planCaptures(pages, manifest, folder);
  if (!planned.plan) {
    return stop(`${planned.errors.length} problem(s) with the captures in ${shownDir}/; nothing was compared\n${planned.errors.join('\n')}`, planned.errors.length);
  }
  const { plan } = planned;
  const covered = plan.cases.filter((c) => c.capture).map((c) => `${c.command.at.file}:${c.command.at.line}`);
  if (covered.length === 0) return stop(`${shownDir}/: no capture of any case of the pages in ${contentDir}/ (${manifestFile} names what each file holds)`);

  report({ kind: 'run-start', engine: plan.engine, mode: 'check', contentDir, cases: covered, captures: shownDir });
  const { results, uncovered } = compareCaptures(plan, contentDir, shownDir);
  for (const { result, capture } of results) report({ kind: 'case-end', result, capture });
  const name = (c: { at: { file: string; line: number } }) => `${c.at.file}:${c.at.line}`;
  report({ kind: 'not-captured', dir: shownDir, cases: uncovered.map((c) => ({ name: name(c), command: c.text })), ignored: plan.ignored });

  const facts = readCommit(root).then((commit) => ({ server: plan.engine, client: 'unknown', images: [], commit }));
  const proof = { kind: 'captures' as const, dir: shownDir, uncovered: uncovered.map((c) => ({ name: name(c), file: c.at.file })) };
  const caseResults = results.map((r) => r.result);
  const recorded = await recordRun(root, chooseRecordTarget(root, contentDir, options.junit, options.record), facts, pageTexts, caseResults, report, proof);
  const failed = caseResults.filter((r) => r.status !== 'ok').length;
  end(failed, caseResults.length - failed);
  return failed > 0 ? 1 : recorded ? 0 : 2;
}
