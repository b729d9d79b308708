// One engine's entry in the verification record, from what a doc-test run saw (pure): the
// engine facts, the hash of each page as it was read at the start, and each case's verdict;
// for a captures run, also the cases no capture covered; for a run of some cases only (pages
// named, `--grep`), which pages it ran every case of, the only ones it can prove; and the values
// the tokens of each block it matched had (examples.ts).
import type { BlockExamples, MatchedBlock } from './examples.ts';
import type { EngineRun, ImageFact, PageResult } from './record.ts';

export interface EngineFacts {
  server: string; // as the engine reports it: "20.10.24+dfsg1"
  client: string;
  images: ImageFact[];
  commit: string;
}

export interface CaseVerdict {
  name: string; // "content/step2.mdx:48"
  file: string; // "content/step2.mdx"
  ok: boolean;
  example?: MatchedBlock; // a case that passed: its block's matched values
}

export interface PageText {
  id: string; // "step2"
  file: string; // "content/step2.mdx"
  hash: string; // hashPage of the text the run read
}

/** How the run proved its cases: live on the engine, or against a folder of its captured output. */
export type RunProof =
  | { kind: 'live' }
  | { kind: 'captures'; dir: string; uncovered: { name: string; file: string }[] }; // dir: as the record names it

/** Which pages a run ran every case of: all (a whole run), or only some (`npm run doctest -- <page>`, `--grep`). */
export type RunCoverage = { kind: 'all' } | { kind: 'some'; files: string[] };

/** `20.10.24+dfsg1` -> `20.10.24`: the version a page names (Debian's build suffix dropped). */
export function engineVersion(server: string): string {
  return /^v?(\d+(?:\.\d+){0,2})/.exec(server.trim())?.[1] ?? server.trim();
}

/**
 * The entry of this run: every page that has cases, ok when all its cases passed. From
 * captures, a page is in it when at least one of its cases had a capture, and ok only when every
 * case had one and passed; the others are named in `uncovered`. A run of some cases only has
 * no page in it whose every case it did not run.
 */
export function buildEngineRun(
  facts: EngineFacts,
  pages: PageText[],
  cases: CaseVerdict[],
  date: Date,
  proof: RunProof = { kind: 'live' },
  coverage: RunCoverage = { kind: 'all' },
): EngineRun {
  const results: Record<string, PageResult> = {};
  for (const page of pages) {
    if (coverage.kind === 'some' && !coverage.files.includes(page.file)) continue; // not run in full: proves nothing
    const own = cases.filter((c) => c.file === page.file);
    if (own.length === 0) continue; // a page without commands (or captures) proves nothing and claims nothing
    const failures = own.filter((c) => !c.ok).map((c) => c.name);
    const examples = collectExamples(own);
    if (proof.kind === 'live') {
      results[page.id] = { hash: page.hash, ok: failures.length === 0, failures, ...examples };
      continue;
    }
    const uncovered = proof.uncovered.filter((c) => c.file === page.file).map((c) => c.name);
    results[page.id] = { hash: page.hash, ok: failures.length === 0 && uncovered.length === 0, failures, cases: own.length + uncovered.length, uncovered, ...examples };
  }
  return {
    engine: engineVersion(facts.server),
    proof: proof.kind,
    ...(proof.kind === 'captures' ? { captures: proof.dir } : {}),
    client: facts.client,
    date: date.toISOString(),
    commit: facts.commit,
    images: facts.images,
    pages: results,
  };
}

/** `{ examples }` by block fence from the cases that passed with one, or nothing when none did. */
function collectExamples(cases: CaseVerdict[]): { examples?: BlockExamples } {
  const examples: BlockExamples = {};
  for (const { ok, example } of cases) {
    if (!ok || !example) continue;
    const { at, written, lines } = example;
    examples[`${at.file}:${at.line}`] = { written, lines };
  }
  return Object.keys(examples).length > 0 ? { examples } : {};
}

/**
 * The entry a run of some cases writes: its own pages, and the engine's earlier results for every
 * other page kept as they were, each with the date it was proven; none when the earlier entry was
 * proven another way (live, captures), which this entry's `proof` would misstate.
 */
export function keepEarlierPages(run: EngineRun, earlier: EngineRun | undefined): { run: EngineRun; kept: string[] } {
  if (!earlier || earlier.proof !== run.proof) return { run, kept: [] };
  const kept = Object.keys(earlier.pages).filter((id) => run.pages[id] === undefined);
  const pages: Record<string, PageResult> = {};
  for (const [id, page] of Object.entries(earlier.pages)) pages[id] = run.pages[id] ?? { ...page, date: page.date ?? earlier.date };
  return { run: { ...run, pages: { ...pages, ...run.pages } }, kept };
}
