// The run's entry in the verification record (scripts/verify): which file it goes to, the page
// texts as the run read them, and the write itself (the record, then its copy beside the JUnit
// report, which CI uploads). A run of another content folder (`--content <dir>`, the tests'
// temporary copies) never writes the project's record: it writes <dir>/../verification/record.json.
// A captures run (`--captures <folder>`) writes its entry the same way, with its proof. A run of
// some cases only (pages named, `--grep`) claims only the pages it ran every case of, and keeps
// the engine's earlier results for the others as they were (scripts/verify/entry.ts).
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '../page/types.ts';
import { describeCommand } from '../../snippets/lib/docker-command.mjs';
import { buildEngineRun, keepEarlierPages, type CaseVerdict, type EngineFacts, type PageText, type RunCoverage, type RunProof } from '../verify/entry.ts';
import { hashPage, type EngineRun } from '../verify/record.ts';
import { readRecord, recordPath, writeRun } from '../verify/store.ts';
import type { CaseResult, Reporter } from './events.ts';

export interface RecordTarget {
  file: string; // the record this run merges its entry into
  copy: string; // the whole record again, for the run's reports
}

/** verification/record.json for content/; for another folder, the record beside that folder. */
export function chooseRecordTarget(root: string, contentDir: string, junitFile: string): RecordTarget {
  const content = path.resolve(root, contentDir);
  const own = content === path.join(root, 'content');
  return {
    file: own ? recordPath(root) : path.join(path.dirname(content), 'verification', 'record.json'),
    copy: path.join(path.dirname(path.resolve(root, junitFile)), 'verification.json'),
  };
}

/** Each page's hash, from the text as it is when the run starts. */
export async function readPageTexts(root: string, pages: Page[]): Promise<PageText[]> {
  return Promise.all(pages.map(async (p) => ({ id: p.id, file: p.file, hash: hashPage(await readFile(path.join(root, p.file), 'utf8')) })));
}

/** The images the pages run (`docker run … <image>`), each once. */
export function findPageImages(pages: Page[]): string[] {
  const images = pages.flatMap((p) =>
    p.commands.flatMap((c) => {
      const run = describeCommand(c.text);
      return run.kind === 'run' && run.image ? [run.image] : [];
    }),
  );
  return [...new Set(images)];
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
  const cases: CaseVerdict[] = results.map((r) => ({ name: r.name, file: r.at.file, ok: r.status === 'ok' }));
  const fresh = buildEngineRun(facts, pages, cases, date, proof, coverage);
  const written = coverage.kind === 'all' ? { run: fresh, kept: [] } : keepEarlierPages(fresh, readRecord(target.file).engines[fresh.engine]);
  writeRun(target.file, written.run);
  await mkdir(path.dirname(target.copy), { recursive: true });
  await copyFile(target.file, target.copy);
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
    report({ kind: 'recorded', engine: run.engine, proof: run.proof, file: shown(target.file), copy: shown(target.copy), pages: Object.keys(run.pages).length - kept.length, ...partial });
    return true;
  } catch (error) {
    report({ kind: 'record-error', file: shown(target.file), message: (error as Error).message });
    return false;
  }
}
