// The run's entry in the verification record (scripts/verify): which file it goes to, the page
// texts as the run read them, and the write itself. A run of content/ writes the record beside
// its JUnit report (reports/verification.json, which CI uploads): the record it starts from is
// that one when an earlier run of this checkout wrote it, else the committed one, so the runs of
// one `npm test` add up and the checkout stays as it was. Only `--record` also merges the entry
// into the committed verification/record.json. A run of another content folder (`--content <dir>`,
// the tests' temporary copies) never writes the project's record: it writes <dir>/../verification/record.json.
// A captures run (`--captures <folder>`) writes its entry the same way, with its proof. A run of
// some cases only (pages named, `--grep`) claims only the pages it ran every case of, and keeps
// the engine's earlier results for the others as they were (scripts/verify/entry.ts).
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '../page/types.ts';
import { planChecks } from '../../snippets/lib/preflight.mjs';
import { pageCommands } from './preflight.ts';
import { buildEngineRun, keepEarlierPages, type CaseVerdict, type EngineFacts, type PageText, type RunCoverage, type RunProof } from '../verify/entry.ts';
import { hashPage, mergeRun, type EngineRun } from '../verify/record.ts';
import { readRecord, recordPath, writeRecord } from '../verify/store.ts';
import type { CaseResult, Reporter } from './events.ts';

export interface RecordTarget {
  file: string; // the record this run merges its entry into
  base: string; // the record it starts from (the same file, or the committed one for a checkout's first run)
  copy?: string; // the whole record again, for the run's reports (with --record)
}

/**
 * Where a run's entry goes: for content/, reports/verification.json (beside the JUnit file),
 * started from itself when it exists or else the committed record; with `record`, the committed
 * verification/record.json, copied to the reports. For another folder, the record beside it.
 */
export function chooseRecordTarget(root: string, contentDir: string, junitFile: string, record = false, exists: (file: string) => boolean = existsSync): RecordTarget {
  const content = path.resolve(root, contentDir);
  const reports = path.join(path.dirname(path.resolve(root, junitFile)), 'verification.json');
  if (content !== path.join(root, 'content')) {
    const file = path.join(path.dirname(content), 'verification', 'record.json');
    return { file, base: file, copy: reports };
  }
  if (record) return { file: recordPath(root), base: recordPath(root), copy: reports };
  return { file: reports, base: exists(reports) ? reports : recordPath(root) };
}

/** Each page's hash, from the text as it is when the run starts. */
export async function readPageTexts(root: string, pages: Page[]): Promise<PageText[]> {
  return Promise.all(pages.map(async (p) => ({ id: p.id, file: p.file, hash: hashPage(await readFile(path.join(root, p.file), 'utf8')) })));
}

/** The images the pages run from the engine (`docker run … <image>`, not one a page builds), each once: the preflight's walk. */
export function findPageImages(pages: Page[]): string[] {
  return [...planChecks(pageCommands(pages)).images.keys()];
}

/** Merges this run's entry into the record and copies the record to the reports; `kept`: the pages kept from the engine's earlier entry. */
export async function writeVerification(
  target: RecordTarget,
  facts: EngineFacts,
  pages: PageText[],
  results: CaseResult[],
  date = new Date(),
  proof: RunProof = { kind: 'live' },
  coverage: RunCoverage = { kind: 'all' },
): Promise<{ run: EngineRun; kept: string[] }> {
  const cases: CaseVerdict[] = results.map((r) => ({ name: r.name, file: r.at.file, ok: r.status === 'ok', ...(r.status === 'ok' && r.example && { example: r.example }) }));
  const fresh = buildEngineRun(facts, pages, cases, date, proof, coverage);
  const base = readRecord(target.base);
  const written = coverage.kind === 'all' ? { run: fresh, kept: [] } : keepEarlierPages(fresh, base.engines[fresh.engine]);
  writeRecord(target.file, mergeRun(base, written.run));
  if (target.copy) {
    await mkdir(path.dirname(target.copy), { recursive: true });
    await copyFile(target.file, target.copy);
  }
  return written;
}

/** Writes the entry and reports where it went (`recorded`), or why it could not (`record-error`). */
export async function recordRun(
  root: string,
  target: RecordTarget,
  facts: Promise<EngineFacts>,
  pages: Promise<PageText[]>,
  results: CaseResult[],
  report: Reporter,
  proof: RunProof = { kind: 'live' },
  coverage: RunCoverage = { kind: 'all' },
): Promise<boolean> {
  const shown = (file: string) => path.relative(root, file) || file;
  try {
    const { run, kept } = await writeVerification(target, await facts, await pages, results, new Date(), proof, coverage);
    const partial = coverage.kind === 'some' ? { kept } : {};
    report({ kind: 'recorded', engine: run.engine, proof: run.proof, file: shown(target.file), ...(target.copy ? { copy: shown(target.copy) } : {}), pages: Object.keys(run.pages).length - kept.length, ...partial });
    return true;
  } catch (error) {
    report({ kind: 'record-error', file: shown(target.file), message: (error as Error).message });
    return false;
  }
}
